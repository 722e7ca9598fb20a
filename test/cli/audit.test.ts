// `ponte call --body` (and the deprecated `--json` body, with a note on stderr), and `ponte audit`:
// the calls made show in the audit log with the tenant's name, function, outcome and request id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { testDatabase } from '../helpers/database.js';

/** The command as bin/ponte.js runs it, in this process (test/cli/cli.test.ts runs the binary itself). */
async function ponte(args: string[], env: Record<string, string>) {
  let out = '';
  let err = '';
  const io = {
    out: (t: string) => void (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t: string) => void (err += t.endsWith('\n') ? t : `${t}\n`),
  };
  const code = await main(args, io, { LOG_LEVEL: 'silent', ...env });
  return { code, out, err };
}

test('call --body, the deprecated call --json, and ponte audit listing both calls', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ponte-audit-'));
  const database = await testDatabase();
  try {
    const env = { PONTE_DATA_DIR: dataDir, ...(database.url ? { DATABASE_URL: database.url } : {}) };
    const created = await ponte(
      [
        'tenants',
        'create',
        '--name',
        'provedor-a',
        '--provider',
        'sandbox',
        '--settings',
        '{"customers": 5}',
      ],
      env,
    );
    assert.equal(created.code, 0, created.err);

    // A sandbox test customer with three overdue bills.
    const body = '{"customer_document_number": "26184703544"}';
    const viaBody = await ponte(['call', 'list_bills', '--body', body], env);
    assert.equal(viaBody.code, 0, viaBody.err);
    assert.equal(viaBody.err, '');
    assert.deepEqual(
      (JSON.parse(viaBody.out) as { fatura: string }[]).map((b) => b.fatura),
      ['202', '203', '204'],
    );

    const viaJson = await ponte(
      ['call', 'get_customer', '--json', '{"customer_document_number": "52998224726"}'],
      env,
    );
    assert.equal(viaJson.code, 1);
    assert.equal(JSON.parse(viaJson.out).error.code, 'INVALID_DOCUMENT');
    assert.match(viaJson.err, /--json BODY is deprecated: use --body BODY/);

    const both = await ponte(['call', 'list_bills', '--body', body, '--json', body], env);
    assert.equal(both.code, 2);
    const bad = await ponte(['call', 'list_bills', '--body', '{nope'], env);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--body must be a JSON value/);

    const audit = await ponte(['audit', '--json'], env);
    assert.equal(audit.code, 0, audit.err);
    const rows = JSON.parse(audit.out) as {
      tenant_name: string;
      function: string;
      outcome: string;
      request_id: string;
      latency_ms: number;
    }[];
    assert.deepEqual(
      rows.map((r) => [r.tenant_name, r.function, r.outcome]),
      [
        ['provedor-a', 'get_customer', 'INVALID_DOCUMENT'],
        ['provedor-a', 'list_bills', 'ok'],
      ],
    );
    assert.ok(rows.every((r) => r.request_id.startsWith('cli-') && Number.isInteger(r.latency_ms)));

    const text = await ponte(['audit', '--tenant', 'provedor-a', '--limit', '1'], env);
    assert.equal(text.code, 0, text.err);
    const lines = text.out.trim().split('\n');
    assert.match(lines[0]!, /^at\s+tenant\s+function\s+outcome\s+latency\s+request_id$/);
    assert.equal(lines.length, 2);
    assert.match(lines[1]!, /provedor-a\s+get_customer\s+INVALID_DOCUMENT\s+\d+ ms\s+cli-/);

    assert.equal((await ponte(['audit', '--tenant', 'nobody'], env)).code, 2);
    assert.equal((await ponte(['audit', '--limit', '0'], env)).code, 2);
  } finally {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
