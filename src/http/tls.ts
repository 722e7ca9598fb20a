// HTTPS served by Ponte itself (PONTE_TLS_CERT / PONTE_TLS_KEY): the certificate pair is read at
// start, and read again whenever either file changes, without a restart (a renewed Let's Encrypt
// certificate, a rotated Kubernetes secret). A new pair that does not load keeps the one in use.
import { X509Certificate, createHash } from 'node:crypto';
import { readFileSync, unwatchFile, watchFile, type Stats } from 'node:fs';
import { createSecureContext } from 'node:tls';
import type { Logger } from 'pino';
import type { TlsFiles } from '../config.js';

export interface TlsPair {
  cert: Buffer;
  key: Buffer;
}

/** What the logs say about a certificate: never the key, nor anything secret. */
export interface CertificateInfo {
  subject: string;
  valid_to: string;
  fingerprint256: string;
}

/**
 * Reads and checks the pair: both files readable, the certificate (chain) and key PEM, and the key
 * the certificate's own. Throws an Error naming what is wrong.
 */
export function readTlsPair(files: TlsFiles): TlsPair {
  const read = (path: string, what: string) => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new Error(
        `cannot read the TLS ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
        { cause: error },
      );
    }
  };
  const pair = { cert: read(files.certPath, 'certificate'), key: read(files.keyPath, 'key') };
  try {
    // Fails on a malformed PEM and on a key that is not the certificate's.
    createSecureContext(pair);
  } catch (error) {
    throw new Error(
      `the TLS certificate ${files.certPath} and key ${files.keyPath} do not make a valid pair: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return pair;
}

export function certificateInfo(pair: TlsPair): CertificateInfo {
  const cert = new X509Certificate(pair.cert);
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    valid_to: new Date(cert.validTo).toISOString(),
    fingerprint256: cert.fingerprint256,
  };
}

export interface SecureContextTarget {
  setSecureContext(options: { cert: Buffer; key: Buffer }): void;
}

export interface TlsWatcher {
  /** Reads the files now; true when the new pair is in use. */
  reload(): boolean;
  stop(): void;
}

function digest(pair: TlsPair): string {
  return createHash('sha256').update(pair.cert).update('\0').update(pair.key).digest('hex');
}

/**
 * Watches both files (by polling their stat, which follows symlinks and survives the file being
 * replaced by a rename) and swaps the server's secure context when they hold a new valid pair.
 * Changes are taken `settleMs` after the last one, so that a certificate and a key written one
 * after the other are read together.
 */
export function watchTls(
  server: SecureContextTarget,
  files: TlsFiles,
  current: TlsPair,
  log: Logger,
  { intervalMs = 2000, settleMs = 250 }: { intervalMs?: number; settleMs?: number } = {},
): TlsWatcher {
  let inUse = digest(current);
  let timer: NodeJS.Timeout | undefined;
  const reload = (): boolean => {
    let pair: TlsPair;
    try {
      pair = readTlsPair(files);
    } catch (error) {
      log.warn(
        { err_message: (error as Error).message },
        'TLS certificate not reloaded: keeping the one in use',
      );
      return false;
    }
    const next = digest(pair);
    if (next === inUse) return true;
    server.setSecureContext(pair);
    inUse = next;
    log.info({ certificate: certificateInfo(pair) }, 'TLS certificate reloaded');
    return true;
  };
  const changed = (now: Stats, before: Stats) => {
    if (now.mtimeMs === before.mtimeMs && now.size === before.size && now.ino === before.ino) return;
    clearTimeout(timer);
    timer = setTimeout(reload, settleMs);
    timer.unref();
  };
  const options = { interval: intervalMs, persistent: false };
  watchFile(files.certPath, options, changed);
  watchFile(files.keyPath, options, changed);
  return {
    reload,
    stop() {
      clearTimeout(timer);
      unwatchFile(files.certPath, changed);
      unwatchFile(files.keyPath, changed);
    },
  };
}
