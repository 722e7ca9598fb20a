// `ponte serve` talks to the person on stderr (the banner, the first key) and keeps stdout for the
// JSON log lines; the banner says the address it really listens on, from HOST.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listeningOn } from '../../src/cli/serve.js';
import { freePort } from '../helpers/ponte-process.js';

const root = new URL('../..', import.meta.url).pathname;

test('the banner names the address bound and who can reach it', () => {
  assert.deepEqual(listeningOn({ address: '0.0.0.0', family: 'IPv4', port: 8080 }, false), {
    url: 'http://0.0.0.0:8080',
    local: 'http://localhost:8080',
    reach: 'every IPv4 network interface (HOST=0.0.0.0; HOST=127.0.0.1 for this machine only)',
  });
  assert.deepEqual(listeningOn({ address: '127.0.0.1', family: 'IPv4', port: 9000 }, true), {
    url: 'https://127.0.0.1:9000',
    local: 'https://localhost:9000',
    reach: 'this machine only (HOST=0.0.0.0 to listen on every interface)',
  });
  assert.equal(listeningOn({ address: '::', family: 'IPv6', port: 80 }, false).url, 'http://[::]:80');
  assert.equal(
    listeningOn({ address: '10.0.0.5', family: 'IPv4', port: 80 }, false).local,
    'http://10.0.0.5:80',
  );
});

test('HOST is documented in the README with what each value means', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  assert.match(readme, /^\| `HOST` \| `0\.0\.0\.0` \| .*127\.0\.0\.1/m);
});

test('ponte serve: the banner on stderr with the real address, only JSON lines on stdout', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ponte-banner-'));
  const port = await freePort();
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...base } = process.env;
  const child = spawn(process.execPath, [join(root, 'bin/ponte.js'), 'serve'], {
    cwd: root,
    env: {
      ...base,
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(port),
      PONTE_DATA_DIR: dataDir,
      PONTE_SANDBOX_CUSTOMERS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner:\n${err}\n${out}`)), 60_000);
      child.stderr.on('data', (c: Buffer) => {
        err += c.toString();
        if (/Try it:[\s\S]*curl/.test(err)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', () => reject(new Error(`ponte serve exited:\n${err}\n${out}`)));
    });
    assert.match(err, new RegExp(`Ponte is listening on http://127\\.0\\.0\\.1:${port}: this machine only`));
    assert.match(err, new RegExp(`Docs: http://localhost:${port}/docs`));
    assert.match(err, /API key \(shown once; keep it\): pk_/);
    // A request makes a log line; stdout holds nothing but JSON lines.
    assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
    for (let i = 0; i < 200 && !out.includes('"request"'); i++) await new Promise((r) => setTimeout(r, 10));
    const lines = out.trim().split('\n').filter(Boolean);
    assert.ok(
      lines.some((l) => (JSON.parse(l) as { msg?: string }).msg === 'request'),
      out,
    );
    for (const line of lines) assert.doesNotThrow(() => JSON.parse(line), line);
    assert.doesNotMatch(out, /Ponte is listening|pk_/);
  } finally {
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});
