// Self-signed certificates made at test time with the machine's openssl (never checked in).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

let available: boolean | undefined;

export function hasOpenssl(): boolean {
  available ??= spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;
  return available;
}

/** An EC P-256 certificate for localhost and 127.0.0.1, valid one day, and its key. */
export function selfSignedCertificate(dir: string, name: string): { certPath: string; keyPath: string } {
  mkdirSync(dir, { recursive: true });
  const certPath = join(dir, `${name}.crt`);
  const keyPath = join(dir, `${name}.key`);
  const r = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-subj',
      `/CN=${name}`,
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-days',
      '1',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  return { certPath, keyPath };
}
