// Which store errors mean "the database cannot be reached or cannot take work right now" (as
// opposed to a bug such as a constraint we violated): the store's dialect (guarded-dialect.ts)
// throws those as StoreUnavailableError, which answers SERVICE_UNAVAILABLE with Retry-After, and
// Ponte goes on serving once the database is back. Everything else stays INTERNAL.
import { PonteError } from '../contract/index.js';

/** Seconds a caller is told to wait before retrying while the database is away. */
export const STORE_RETRY_AFTER_SECONDS = 2;

// Network failures on the way to PostgreSQL (node's own error codes).
const NETWORK_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

// PostgreSQL SQLSTATE classes: 08 connection exception, 53 insufficient resources (too many
// connections, disk full), 57 operator intervention (admin shutdown, crash shutdown, cannot
// connect now, terminated by pg_terminate_backend), 58 system error (I/O).
const POSTGRES_CLASSES = /^(08|53|57|58)[0-9A-Z]{3}$/;

// SQLite: another process holds the lock past busy_timeout, the disk is full or failing.
const SQLITE_CODES = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|CANTOPEN|READONLY|PROTOCOL|NOMEM)/;

// node-postgres and kysely report some of these only in the message.
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|is not queryable|Query read timeout|connection timeout|Cannot use a pool after calling end|driver has already been destroyed/i;

/** A store query that failed because the database is unreachable or overloaded. */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the database is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'StoreUnavailableError';
  }
}

/** True when `error` (or what caused it) says the database is unreachable or overloaded. */
export function isStoreUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || error === null || typeof error !== 'object') return false;
  if (error instanceof PonteError) return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || POSTGRES_CLASSES.test(code) || SQLITE_CODES.test(code)) return true;
  }
  if (typeof message === 'string' && MESSAGES.test(message)) return true;
  if (Array.isArray(errors) && errors.some((e) => isStoreUnavailable(e, depth + 1))) return true;
  return isStoreUnavailable(cause, depth + 1);
}

/** The answer for a call that failed because the store is away, or undefined for any other error. */
export function storeUnavailableError(error: unknown): PonteError | undefined {
  if (!(error instanceof StoreUnavailableError)) return undefined;
  return new PonteError(
    'SERVICE_UNAVAILABLE',
    "Ponte's database is unreachable at the moment; nothing was done. Retry after the Retry-After delay.",
    { retryAfterSeconds: STORE_RETRY_AFTER_SECONDS, cause: error },
  );
}
