// Opens the database (embedded SQLite file by default, PostgreSQL when DATABASE_URL says so)
// and brings its schema up to date.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import { migrations } from './migrations.js';
import type { Database } from './schema.js';

export interface DatabaseConfig {
  dataDir: string;
  databaseUrl?: string | undefined;
}

export async function openDatabase(config: DatabaseConfig): Promise<Kysely<Database>> {
  if (config.databaseUrl && /^postgres(ql)?:/.test(config.databaseUrl)) {
    throw new Error(
      'PostgreSQL support arrives with the durable-settlement issue; unset DATABASE_URL for now',
    );
  }
  mkdirSync(config.dataDir, { recursive: true });
  const sqlite = new SQLite(join(config.dataDir, 'ponte.db'));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrate(db);
  return db;
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

export async function migrate(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed`, { cause: error });
  }
}
