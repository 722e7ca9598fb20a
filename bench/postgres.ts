// A scratch PostgreSQL database for the run, created and dropped by the bench.
import pg from 'pg';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new empty database on the server of `serverUrl`, or the reason there is none. */
export async function createScratchDatabase(serverUrl: string): Promise<ScratchDatabase | { error: string }> {
  const name = `ponte_bench_${process.pid}_${Date.now()}`;
  try {
    await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  } catch (error) {
    return { error: (error as Error).message || String(error) };
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
