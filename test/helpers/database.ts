// The database a test's Ponte runs on: the embedded SQLite file by default, or, when
// DATABASE_URL names a PostgreSQL server, a fresh database created for that one test and dropped
// after it, so tests never see each other's tenants.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  /** The DATABASE_URL the test's Ponte uses; undefined for SQLite. */
  url: string | undefined;
  drop(): Promise<void>;
}

export async function testDatabase(serverUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  if (!serverUrl) return { url: undefined, drop: () => Promise.resolve() };
  const name = `ponte_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
