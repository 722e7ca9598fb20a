// A fleet's world for the fleet tests: an IXC simulator, a store (SQLite, or a database of its own
// on DATABASE_URL's PostgreSQL) holding one IXC tenant per entry, and the environment of `ponte
// serve` processes that share it and one Redis.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { startIxcSimulator, type IxcSimulator } from '../../simulators/ixc/server.js';
import { testDatabase, type TestDatabase } from './database.js';

const TOKEN = '9:2c26b46b68ffc68f';
/** The catalogue read the fleet tests send: one listing of vd_contratos at the simulator. */
export const READ = 'list_products';
export const TABLE = 'vd_contratos';

export interface FleetWorld {
  sim: IxcSimulator;
  dataDir: string;
  database: TestDatabase;
  env: Record<string, string>;
  tenants: Record<string, { id: string; key: string }>;
}

/** A simulator, a store with one IXC tenant per entry of `tenants`, and the env of a fleet on `redis`. */
export async function fleetWorld(
  tenants: Record<string, Record<string, unknown>>,
  redis: { url: string; prefix: string },
): Promise<FleetWorld> {
  const sim = await startIxcSimulator({ token: TOKEN, seed: { customers: 5 } });
  const dataDir = mkdtempSync(join(tmpdir(), 'ponte-fleet-'));
  const database = await testDatabase();
  const env: Record<string, string> = {
    PONTE_DATA_DIR: dataDir,
    PONTE_MASTER_KEY: randomBytes(32).toString('hex'),
    REDIS_URL: redis.url,
    PONTE_REDIS_PREFIX: redis.prefix,
    ...(database.url ? { DATABASE_URL: database.url } : {}),
  };
  const app = await openApp(loadConfig(env), pino({ level: 'silent' }));
  const out: Record<string, { id: string; key: string }> = {};
  try {
    for (const [name, options] of Object.entries(tenants)) {
      const created = await app.admin.createTenant({
        name,
        provider: 'ixc',
        settings: { base_url: sim.baseUrl, token: TOKEN },
        options,
      });
      out[name] = { id: created.tenant.id, key: created.api_key };
    }
  } finally {
    await app.close();
  }
  return { sim, dataDir, database, env, tenants: out };
}

export async function disposeWorld(w: FleetWorld): Promise<void> {
  await w.sim.close();
  await w.database.drop();
  rmSync(w.dataDir, { recursive: true, force: true });
}

/** The simulator's listings of the catalogue table so far. */
export function reads(sim: IxcSimulator): number {
  return sim.state.log.filter((r) => r.resource === TABLE && r.listing).length;
}
