// Opens the database (embedded SQLite file by default, PostgreSQL when DATABASE_URL says so)
// and brings its schema up to date. Several processes may migrate one PostgreSQL at once:
// kysely's migrator takes a lock for it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrationsFor, type Dialect } from './migrations.js';
import type { Database } from './schema.js';

export interface DatabaseConfig {
  dataDir: string;
  databaseUrl?: string | undefined;
}

export interface OpenedDatabase {
  db: Kysely<Database>;
  dialect: Dialect;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

export async function openDatabase(config: DatabaseConfig): Promise<OpenedDatabase> {
  mkdirSync(config.dataDir, { recursive: true });
  if (config.databaseUrl !== undefined) {
    if (!isPostgresUrl(config.databaseUrl)) {
      throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
    }
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      await migrate(db, 'postgres');
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return { db, dialect: 'postgres' };
  }
  const sqlite = new SQLite(join(config.dataDir, 'ponte.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db, 'sqlite');
  return { db, dialect: 'sqlite' };
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
