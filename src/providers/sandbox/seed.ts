// Filling a dataset: the catalogue, the fixed test customers and `customers` generated ones, in one
// transaction (other connections see the old data or the new, never half of it), with prepared
// inserts in batches so that 100,000 customers take seconds.
import { todayInBrazil } from '../../brasil/dates.js';
import { COMMERCIAL_ORIGINS, DUE_DAYS, PRODUCTS, RESELLERS } from './catalogue.js';
import { openSandbox, prepareInserts, readMeta, writeMeta } from './db.js';
import type { SandboxDatabase } from './db.js';
import { fixtureCustomers, installFixtures } from './fixtures.js';
import { generateCustomer } from './generate.js';
import type { GeneratorContext } from './generator-context.js';
import { createRandom } from './random.js';
import { FIRST_GENERATED_ID, RESERVE_FIXTURE_IDS, SCHEMA, SCHEMA_VERSION, TABLES } from './schema.js';

export interface SeedOptions {
  customers: number;
  /** Default 1. */
  seed?: number;
  /** The day the data is anchored on (default: today in Brazil). */
  today?: string;
  /** Days a trust unlock lasts, for the history of past unlocks (default 3). */
  trustUnlockDays?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedReport {
  customers: number;
  contracts: number;
  bills: number;
  milliseconds: number;
}

const BATCH = 1000;

/**
 * Published test vectors (standards.md, brazilian-utils, the RFB example) that the generator never
 * hands out, so tests can rely on them being unknown customers.
 */
export const UNUSED_TEST_DOCUMENTS = [
  '52998224725',
  '11144477735',
  '12345678909',
  '29537995593',
  '12ABC34501DE35',
  '11222333000181',
  '12345678000195',
];

export const META = {
  schemaVersion: 'schema_version',
  seed: 'seed',
  customers: 'customers',
  seedDay: 'seed_day',
  fixturesDay: 'fixtures_day',
} as const;

function count(db: SandboxDatabase, table: string): number {
  return db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()!.n;
}

function insertCatalogue(db: SandboxDatabase): void {
  const product = db.prepare(
    'INSERT INTO products (code, name, price_cents, discount_cents, business) VALUES (?, ?, ?, ?, ?)',
  );
  const reseller = db.prepare('INSERT INTO resellers (code, name, document, email) VALUES (?, ?, ?, ?)');
  const dueDay = db.prepare('INSERT INTO due_days (code, day) VALUES (?, ?)');
  const origin = db.prepare('INSERT INTO commercial_origins (code, description) VALUES (?, ?)');
  for (const p of PRODUCTS) product.run(p.code, p.name, p.priceCents, p.discountCents, p.business ? 1 : 0);
  for (const r of RESELLERS) reseller.run(r.code, r.name, r.document, r.email);
  for (const d of DUE_DAYS) dueDay.run(d.code, d.day);
  for (const o of COMMERCIAL_ORIGINS) origin.run(o.code, o.description);
}

/** Building an index once over the loaded rows is faster than updating it row by row. */
function dropIndexes(db: SandboxDatabase): void {
  const indexes = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    .all();
  for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);
}

/** Replaces everything in `db` with a freshly generated dataset. */
export function seedDatabase(db: SandboxDatabase, options: SeedOptions): SeedReport {
  const started = performance.now();
  const today = options.today ?? todayInBrazil();
  const inserts = prepareInserts(db);
  const ctx: GeneratorContext = {
    random: createRandom(options.seed ?? 1),
    today,
    ids: {
      customer: FIRST_GENERATED_ID,
      contact: FIRST_GENERATED_ID,
      contract: FIRST_GENERATED_ID,
      bill: FIRST_GENERATED_ID,
      note: FIRST_GENERATED_ID,
      ticket: FIRST_GENERATED_ID,
      settlement: FIRST_GENERATED_ID,
      trustUnlock: FIRST_GENERATED_ID,
    },
    documents: new Set([...fixtureCustomers.map((c) => c.document_number), ...UNUSED_TEST_DOCUMENTS]),
    trustUnlockDays: options.trustUnlockDays ?? 3,
  };

  const total = options.customers;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  // A large page cache while seeding keeps the index B-trees in memory; the default comes back after.
  db.pragma('cache_size = -262144');
  try {
    db.transaction(() => {
      for (const table of TABLES) db.prepare(`DELETE FROM ${table}`).run();
      db.prepare('DELETE FROM sqlite_sequence').run();
      dropIndexes(db);
      db.exec(RESERVE_FIXTURE_IDS);
      insertCatalogue(db);
      installFixtures(db, inserts, today);

      for (let done = 0; done < total;) {
        const end = Math.min(total, done + BATCH);
        for (; done < end; done++) {
          const g = generateCustomer(ctx);
          inserts.customer(g.customer);
          for (const row of g.contacts) inserts.contact(row);
          for (const row of g.contracts) inserts.contract(row);
          for (const row of g.bills) inserts.bill(row);
          for (const row of g.notes) inserts.note(row);
          for (const row of g.tickets) inserts.ticket(row);
          for (const row of g.settlements) inserts.settlement(row);
          for (const row of g.trustUnlocks) inserts.trustUnlock(row);
          // Some customers first came in as leads from the sales site.
          if (ctx.random.chance(0.02)) {
            const c = g.customer;
            inserts.lead({
              id: null,
              lead_key: `seed-lead-${c.id}`,
              name: c.name,
              document: '',
              email: c.email,
              phone: c.phone,
              payload: '{}',
              created_at: `${c.registered_on}T09:00:00-03:00`,
            });
          }
        }
        options.onProgress?.(done, total);
      }

      db.exec(SCHEMA);
      writeMeta(db, META.schemaVersion, SCHEMA_VERSION);
      writeMeta(db, META.seed, String(options.seed ?? 1));
      writeMeta(db, META.customers, String(total));
      writeMeta(db, META.seedDay, today);
      writeMeta(db, META.fixturesDay, today);
    }).immediate();
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
  if (total === 0) options.onProgress?.(0, 0);

  return {
    customers: count(db, 'customers'),
    contracts: count(db, 'contracts'),
    bills: count(db, 'bills'),
    milliseconds: Math.round(performance.now() - started),
  };
}

/**
 * Creates or replaces the dataset at `path` (for `ponte sandbox seed`). The work is synchronous;
 * the promise is for callers that treat seeding like any other I/O.
 */
export function seedSandbox(path: string, options: SeedOptions): Promise<SeedReport> {
  try {
    const db = openSandbox(path);
    try {
      const report = seedDatabase(db, options);
      db.pragma('wal_checkpoint(TRUNCATE)');
      return Promise.resolve(report);
    } finally {
      db.close();
    }
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

export function isSeeded(db: SandboxDatabase): boolean {
  return readMeta(db, META.seedDay) !== undefined;
}
