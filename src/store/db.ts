// Opens the database (embedded SQLite file by default, PostgreSQL when DATABASE_URL says so)
// and brings its schema up to date. Several processes may migrate one PostgreSQL at once:
// kysely's migrator takes a lock for it.
//
// PostgreSQL may drop connections at any time (a restart, a failover, pg_terminate_backend, an
// idle-connection reaper): the pool's 'error' event is handled (unhandled, it ends the process),
// the dead connection is replaced on the next query, and a database that cannot be reached fails
// each query within a bounded time instead of hanging (see unavailable.ts for how that is answered).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { migrationsFor, type Dialect } from './migrations.js';
import { GuardedDialect } from './guarded-dialect.js';
import type { Database } from './schema.js';

export interface DatabaseConfig {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** Where lost connections are reported. */
  log?: Logger | undefined;
}

export interface OpenedDatabase {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Destroys the database handle and resolves once every connection to the server is closed. */
  close: () => Promise<void>;
}

/** How long a query waits for a connection to PostgreSQL before it fails. */
const CONNECT_TIMEOUT_MS = 5_000;
/** How long a query may wait for PostgreSQL's answer (Ponte's own queries take milliseconds). */
const QUERY_TIMEOUT_MS = 30_000;

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

export async function openDatabase(config: DatabaseConfig): Promise<OpenedDatabase> {
  mkdirSync(config.dataDir, { recursive: true });
  if (config.databaseUrl !== undefined) {
    if (!isPostgresUrl(config.databaseUrl)) {
      throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    }
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      // A connection whose peer vanished without a word (a failover) is found out in seconds.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // An idle connection that the server closed: pg-pool has already dropped it from the pool.
    pool.on('error', (error) =>
      config.log?.warn({ err: error }, 'a database connection was closed by the server; it will be replaced'),
    );
    const closed = trackConnections(pool, config.log);
    const db = new Kysely<Database>({ dialect: new GuardedDialect(new PostgresDialect({ pool })) });
    const close = async () => {
      await db.destroy();
      await closed();
    };
    try {
      await migrate(db, 'postgres');
    } catch (error) {
      await close();
      throw error;
    }
    return { db, dialect: 'postgres', close };
  }
  const sqlite = new SQLite(join(config.dataDir, 'ponte.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new GuardedDialect(new SqliteDialect({ database: sqlite })) });
  await migrate(db, 'sqlite');
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** How long closing waits for the server to see the connections go, at most. */
const CLOSE_WAIT_MS = 3_000;

/**
 * pool.end() resolves as soon as the pool has asked its connections to close, not when they are
 * closed: a database dropped or restarted right after would still see them. This waits for each
 * connection's 'end', for a bounded time (a connection that never reports its end must not hold
 * a shutdown forever).
 */
function trackConnections(pool: pg.Pool, log: Logger | undefined): () => Promise<void> {
  const open = new Set<Promise<void>>();
  pool.on('connect', (client) => {
    // A connection lost while the pool does not watch it (checked out between queries, or being
    // closed) emits 'error' on the client itself: unheard, that ends the process. The query that
    // used it, if any, has its own error; this only keeps the process alive.
    client.on('error', (error) => log?.debug({ err: error }, 'a database connection ended'));
    const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
    open.add(ended);
    void ended.then(() => open.delete(ended));
  });
  return async () => {
    await Promise.race([Promise.all([...open]), sleep(CLOSE_WAIT_MS, undefined, { ref: false })]);
  };
}

export async function migrate(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  const migrations = migrationsFor(dialect);
  const provider = { getMigrations: () => Promise.resolve(migrations) };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed`, { cause: error });
  }
}
