// `npm start` as it runs in production: the sources compiled by scripts/build.mjs, then node with
// the start script's flags on dist/ponte.js. The compiled Ponte must serve like the sources do.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveArguments } from '../../scripts/start-command.mjs';
import { callProcess, startPonteProcess } from '../helpers/ponte-process.js';

const root = new URL('../..', import.meta.url).pathname;
// Inside the checkout (the compiled files find their dependencies in its node_modules), and a
// directory of this run only, so that a developer's dist/ is left alone.
const out = join(root, `dist-test-${process.pid}`);
const dataDir = mkdtempSync(join(tmpdir(), 'ponte-start-'));

before(() => {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--out', out], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(build.status, 0, build.stdout + build.stderr);
  assert.match(build.stdout, /Built \d+ files/);
});
after(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

test('the start script has the shape the benchmark and this test read', () => {
  const args = serveArguments(root);
  assert.ok(args, 'package.json start must be: node scripts/build.mjs && node [flags] dist/ponte.js serve');
  assert.deepEqual(args.slice(-2), ['dist/ponte.js', 'serve']);
});

test('the build holds the sources, without tests or TypeScript', () => {
  const files = readdirSync(out, { recursive: true, encoding: 'utf8' });
  assert.ok(files.includes(join('src', 'gateway', 'gateway.js')));
  assert.ok(files.includes(join('simulators', 'ixc', 'server.js')));
  assert.deepEqual(
    files.filter((f) => f.endsWith('.ts') || f.includes('.test.')),
    [],
    'no test files and no .ts in the build',
  );
  assert.ok(existsSync(join(out, 'ponte.js')));
});

test('the compiled Ponte starts with the start flags, answers a call, and stops cleanly', async () => {
  const args = serveArguments(root)!;
  const key = 'pk_startteststartteststartteststarttest12345';
  const ponte = await startPonteProcess(
    { PONTE_DATA_DIR: dataDir, PONTE_BOOTSTRAP_KEY: key, PONTE_SANDBOX_CUSTOMERS: '20' },
    [...args.slice(0, -2), join(out, 'ponte.js'), 'serve'],
  );
  try {
    const health = await fetch(`${ponte.url}/healthz`);
    assert.equal(health.status, 200);
    // A sandbox test customer with three overdue bills (README).
    const bills = await callProcess(
      ponte.url,
      'list_bills',
      { customer_document_number: '26184703544' },
      key,
    );
    assert.equal(bills.status, 200);
    assert.deepEqual(
      (bills.body as { fatura: string }[]).map((b) => b.fatura),
      ['202', '203', '204'],
    );
  } finally {
    await ponte.stop('SIGTERM');
  }
  assert.equal(ponte.child.exitCode, 0);
});
