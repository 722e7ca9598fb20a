// `ponte serve` on a new data directory with PONTE_BOOTSTRAP_KEY: the operator's key becomes the
// sandbox tenant's first key and is never printed (the banner, the logs), only said to be there.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callProcess } from '../helpers/ponte-process.js';

const root = new URL('../..', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'ponte-bootstrap-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

test('a key given in PONTE_BOOTSTRAP_KEY works as a key and appears in no output', async () => {
  // Not pk_-shaped, so that the log masker's patterns cannot be what hides it.
  const key = 'operator-chosen-key-7Hq2Lw9Xv4Rt6Np3';
  const port = await freePort();
  const { DATABASE_URL: _inherited, ...base } = process.env;
  const child = spawn(process.execPath, [join(root, 'bin/ponte.js'), 'serve'], {
    cwd: root,
    env: {
      ...base,
      // info: the lines logged while bootstrapping and serving are searched too.
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      PONTE_DATA_DIR: dataDir,
      PONTE_BOOTSTRAP_KEY: key,
      PONTE_SANDBOX_CUSTOMERS: '20',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    // The banner ends with the example call.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`ponte serve did not start:\n${output}`)), 30_000);
      const check = () => {
        if (output.includes('curl -s')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout.on('data', check);
      child.once('exit', () => {
        clearTimeout(timer);
        reject(new Error(`ponte serve exited:\n${output}`));
      });
    });
    const url = `http://127.0.0.1:${port}`;
    // A sandbox test customer with three overdue bills (README).
    const bills = await callProcess(url, 'list_bills', { customer_document_number: '26184703544' }, key);
    assert.equal(bills.status, 200, JSON.stringify(bills.body));
    assert.equal((bills.body as unknown[]).length, 3);
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  }
  assert.match(output, /The sandbox tenant's API key is the one given in PONTE_BOOTSTRAP_KEY/);
  assert.match(output, /Authorization: Bearer \$PONTE_BOOTSTRAP_KEY/);
  assert.equal(output.includes(key), false, `the supplied key was printed:\n${output}`);
  assert.equal(output.includes(key.slice(0, 12)), false, `part of the supplied key was printed:\n${output}`);
});
