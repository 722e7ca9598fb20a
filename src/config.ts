// Every setting Ponte reads from the environment, in one place (the README's configuration
// reference lists the same variables).
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  masterKey: string | undefined;
  adminToken: string | undefined;
  bootstrapKey: string | undefined;
  logLevel: string;
  bodyLimitBytes: number;
  sandboxCustomers: number;
  /** How often the settlement worker looks for queued settlements, and the first retry delay. */
  workerIntervalMs: number;
  settlementRetryMs: number;
  /** How long a resolved API key is trusted without asking the database (0: every call asks). */
  keyCacheMs: number;
  /** Fleet mode: the Redis that shares ERP limits, circuits and the catalogue cache (unset: per process). */
  redisUrl: string | undefined;
  /** Put before every Redis key, so several fleets (or test runs) can share one Redis. */
  redisPrefix: string;
  /** Webhooks may go to loopback and private addresses (tests, on-premise installs). */
  webhooksAllowPrivate: boolean;
  /** How often the webhook worker looks for due deliveries, and the first retry delay of one. */
  webhookIntervalMs: number;
  webhookRetryMs: number;
  /** PONTE_TLS_CERT and PONTE_TLS_KEY (PEM file paths): Ponte serves HTTPS itself. */
  tls: TlsFiles | undefined;
}

export interface TlsFiles {
  certPath: string;
  keyPath: string;
}

/** A setting that stops Ponte from starting; the CLI prints its message without a stack. */
export class ConfigError extends Error {}

function tlsFrom(env: NodeJS.ProcessEnv): TlsFiles | undefined {
  const cert = env.PONTE_TLS_CERT || undefined;
  const key = env.PONTE_TLS_KEY || undefined;
  if (cert === undefined && key === undefined) return undefined;
  if (cert === undefined || key === undefined) {
    const [set, unset] =
      cert === undefined ? ['PONTE_TLS_KEY', 'PONTE_TLS_CERT'] : ['PONTE_TLS_CERT', 'PONTE_TLS_KEY'];
    throw new ConfigError(
      `${set} is set but ${unset} is not: set both (the PEM certificate chain and its private key, file paths) to serve HTTPS, or neither to serve plain HTTP`,
    );
  }
  return { certPath: resolve(cert), keyPath: resolve(key) };
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got '${raw}'`);
  }
  return n;
}

function booleanFrom(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  throw new ConfigError(`${name} must be true or false, got '${env[name]}'`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const empty = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
  return {
    port: intFrom(env, 'PORT', 8080, 0, 65_535),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.PONTE_DATA_DIR || './data'),
    databaseUrl: empty(env.DATABASE_URL),
    masterKey: empty(env.PONTE_MASTER_KEY),
    adminToken: empty(env.PONTE_ADMIN_TOKEN),
    bootstrapKey: empty(env.PONTE_BOOTSTRAP_KEY),
    logLevel: env.LOG_LEVEL || 'info',
    bodyLimitBytes: intFrom(env, 'PONTE_BODY_LIMIT', 1024 * 1024, 1024, 64 * 1024 * 1024),
    sandboxCustomers: intFrom(env, 'PONTE_SANDBOX_CUSTOMERS', 1000, 0, 1_000_000),
    workerIntervalMs: intFrom(env, 'PONTE_WORKER_INTERVAL_MS', 1000, 10, 600_000),
    settlementRetryMs: intFrom(env, 'PONTE_SETTLEMENT_RETRY_MS', 1000, 10, 3_600_000),
    keyCacheMs: intFrom(env, 'PONTE_KEY_CACHE_MS', 5000, 0, 300_000),
    redisUrl: empty(env.REDIS_URL),
    redisPrefix: env.PONTE_REDIS_PREFIX || 'ponte:',
    webhooksAllowPrivate: booleanFrom(env, 'PONTE_WEBHOOKS_ALLOW_PRIVATE'),
    webhookIntervalMs: intFrom(env, 'PONTE_WEBHOOK_INTERVAL_MS', 1000, 10, 600_000),
    webhookRetryMs: intFrom(env, 'PONTE_WEBHOOK_RETRY_MS', 10_000, 10, 3_600_000),
    tls: tlsFrom(env),
  };
}
