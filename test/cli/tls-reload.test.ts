// `ponte serve` with PONTE_TLS_CERT / PONTE_TLS_KEY picks up a renewed certificate without a
// restart, and keeps the one in use when the new files do not make a valid pair.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, fetch } from 'undici';
import { startPonteProcess } from '../helpers/ponte-process.js';
import { hasOpenssl, selfSignedCertificate } from '../helpers/tls.js';

const work = mkdtempSync(join(tmpdir(), 'ponte-tls-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** The fingerprint of the certificate the server presents, verified against `ca`. */
async function servedFingerprint(port: number, ca: Buffer[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', ca }, () => {
      const fingerprint = socket.getPeerX509Certificate()?.fingerprint256 ?? '';
      socket.end();
      resolve(fingerprint);
    });
    socket.once('error', reject);
  });
}

/** Waits until `check` holds; fails after `limitMs` (a bound on waiting, not a timing assertion). */
async function eventually(check: () => Promise<boolean> | boolean, what: string, limitMs = 20_000) {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`never happened: ${what}`);
    await sleep(100);
  }
}

const fingerprintOf = (path: string) => new X509Certificate(readFileSync(path)).fingerprint256;

test(
  'a renewed certificate is served without a restart; a bad new pair keeps the old one and logs a warning',
  { skip: !hasOpenssl() && 'openssl is not on this machine' },
  async () => {
    const first = selfSignedCertificate(join(work, 'first'), 'localhost');
    const second = selfSignedCertificate(join(work, 'second'), 'localhost');
    const third = selfSignedCertificate(join(work, 'third'), 'localhost');
    const ca = [first, second, third].map((c) => readFileSync(c.certPath));
    // The files Ponte is given, as a renewal tool keeps them: same paths, new contents.
    const certPath = join(work, 'server.crt');
    const keyPath = join(work, 'server.key');
    copyFileSync(first.certPath, certPath);
    copyFileSync(first.keyPath, keyPath);

    const key = 'pk_tlsreloadtlsreloadtlsreloadtlsreload12';
    const ponte = await startPonteProcess({
      PONTE_DATA_DIR: join(work, 'data'),
      PONTE_BOOTSTRAP_KEY: key,
      PONTE_SANDBOX_CUSTOMERS: '0',
      PONTE_TLS_CERT: certPath,
      PONTE_TLS_KEY: keyPath,
    });
    let output = '';
    ponte.child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    ponte.child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    try {
      const port = Number(new URL(ponte.url).port);
      assert.equal(await servedFingerprint(port, ca), fingerprintOf(first.certPath));

      // Renewal written in place, key then certificate.
      writeFileSync(keyPath, readFileSync(second.keyPath));
      writeFileSync(certPath, readFileSync(second.certPath));
      await eventually(
        async () => (await servedFingerprint(port, ca)) === fingerprintOf(second.certPath),
        'the second certificate is served',
      );

      // A certificate whose key is not the one beside it, moved into place by rename: refused.
      writeFileSync(join(work, 'next.crt'), readFileSync(third.certPath));
      renameSync(join(work, 'next.crt'), certPath);
      await eventually(() => output.includes('TLS certificate not reloaded'), 'a warning');
      assert.match(output, /keeping the one in use/);
      assert.match(output, /do not make a valid pair/);
      assert.doesNotMatch(output, /PRIVATE KEY/, 'no key material in the logs');
      assert.equal(await servedFingerprint(port, ca), fingerprintOf(second.certPath));

      // Calls keep working over the certificate in use.
      const dispatcher = new Agent({ connect: { ca } });
      try {
        const health = await fetch(`https://127.0.0.1:${port}/healthz`, { dispatcher });
        assert.equal(health.status, 200);
      } finally {
        await dispatcher.close();
      }

      // Its key arrives: the third pair is served.
      writeFileSync(join(work, 'next.key'), readFileSync(third.keyPath));
      renameSync(join(work, 'next.key'), keyPath);
      await eventually(
        async () => (await servedFingerprint(port, ca)) === fingerprintOf(third.certPath),
        'the third certificate is served',
      );
    } finally {
      await ponte.stop();
    }
    assert.equal(ponte.child.exitCode, 0);
  },
);
