// The `ponte` command as a user runs it: through bin/ponte.js, in a child process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabase } from '../helpers/database.js';

const root = new URL('../..', import.meta.url).pathname;

function ponte(args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _server, ...inherited } = process.env;
  const r = spawnSync(process.execPath, [join(root, 'bin/ponte.js'), ...args], {
    encoding: 'utf8',
    env: { ...inherited, LOG_LEVEL: 'silent', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('inspect --json: valid values exit 0 with their fields, invalid ones exit 1 with a reason', () => {
  const ok = ponte([
    'inspect',
    '10492.00650 61000.100042 00997.263900 9 89810000021403',
    '--reference-date',
    '2022-05-01',
    '--json',
  ]);
  assert.equal(ok.code, 0);
  const boleto = JSON.parse(ok.out);
  assert.equal(boleto.kind, 'boleto');
  assert.equal(boleto.valid, true);
  assert.equal(boleto.amount, '214.03');
  assert.equal(boleto.due_date, '2022-05-10');
  assert.equal(boleto.barcode, '10499898100000214032006561000100040099726390');

  const cnpj = ponte(['inspect', '12.ABC.345/01DE-35', '--json']);
  assert.equal(cnpj.code, 0);
  assert.deepEqual(JSON.parse(cnpj.out), {
    kind: 'cnpj',
    valid: true,
    normalized: '12ABC34501DE35',
    formatted: '12.ABC.345/01DE-35',
  });

  const bad = ponte(['inspect', '529.982.247-26', '--json']);
  assert.equal(bad.code, 1);
  const parsed = JSON.parse(bad.out);
  assert.equal(parsed.kind, 'cpf');
  assert.equal(parsed.valid, false);
  assert.match(parsed.reason, /check digit/i);
});

test('bad usage exits 2 with a message', () => {
  const r = ponte(['inspect']);
  assert.equal(r.code, 2);
  assert.match(r.err, /inspect needs a value/);
  assert.equal(ponte(['no-such-command']).code, 2);
});

test('tenants create --json prints the tenant and a key that then lists, and call answers through the pipeline', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ponte-cli-'));
  const database = await testDatabase();
  try {
    const env = { PONTE_DATA_DIR: dataDir, ...(database.url ? { DATABASE_URL: database.url } : {}) };
    const created = ponte(
      [
        'tenants',
        'create',
        '--name',
        'isp',
        '--provider',
        'sandbox',
        '--settings',
        '{"customers": 5}',
        '--json',
      ],
      env,
    );
    assert.equal(created.code, 0, created.err);
    const { tenant, api_key } = JSON.parse(created.out);
    assert.equal(tenant.name, 'isp');
    assert.match(api_key, /^pk_/);
    const keys = JSON.parse(ponte(['keys', 'list', 'isp', '--json'], env).out);
    assert.equal(keys.length, 1);
    assert.equal(api_key.startsWith(keys[0].prefix), true);
    assert.equal(JSON.stringify(keys).includes(api_key), false);

    const call = ponte(['call', 'list_due_dates'], env);
    assert.equal(call.code, 0, call.err);
    assert.ok(JSON.parse(call.out).length > 0);
    const failed = ponte(
      ['call', 'get_customer', '--json', '{"customer_document_number": "52998224726"}'],
      env,
    );
    assert.equal(failed.code, 1);
    assert.equal(JSON.parse(failed.out).error.code, 'INVALID_DOCUMENT');
  } finally {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the README lists exactly the sandbox test customers', () => {
  const r = ponte(['sandbox', 'customers', '--json']);
  assert.equal(r.code, 0);
  const customers = JSON.parse(r.out) as { document_number: string; name: string }[];
  assert.ok(customers.length >= 10);
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('<!-- sandbox-customers:start -->'),
    readme.indexOf('<!-- sandbox-customers:end -->'),
  );
  const documents = [...section.matchAll(/^\| `([0-9A-Z]+)` \|/gm)].map((m) => m[1]);
  assert.deepEqual(
    documents,
    customers.map((c) => c.document_number),
  );
});
