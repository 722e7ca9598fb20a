// Reads a sandbox dataset file directly (read-only) to choose what the load asks for: customers
// that have open bills, and open bills to print or settle. The picks are a fixed pseudo-random
// spread over the whole id range, so runs ask for the same rows and a large dataset is read all
// over, not only at its start.
import Database from 'better-sqlite3';
import { datasetPath } from '../src/providers/sandbox/connection.js';
import { datasetName, sandboxSettingsSchema } from '../src/providers/sandbox/settings.js';

export interface OpenBill {
  id: number;
  document: string;
  amountCents: number;
}

/** The dataset file of a sandbox tenant as the admin API shows it. */
export function tenantDatasetPath(dataDir: string, tenant: { id: string; settings: unknown }): string {
  const settings = sandboxSettingsSchema.parse(tenant.settings);
  return datasetPath(dataDir, datasetName(settings, tenant.id));
}

// Multiplicative hashing of the id: a stable order that looks random.
const SPREAD = '((id * 2654435761) % 4294967296)';

function withDataset<T>(path: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Documents of up to `n` customers with at least one open bill, and their mean open-bill count. */
export function customersWithOpenBills(path: string, n: number): { documents: string[]; billsEach: number } {
  return withDataset(path, (db) => {
    const rows = db
      .prepare<[number], { document: string; open: number }>(
        `SELECT c.document, o.open FROM customers c
         JOIN (SELECT customer_id, count(*) AS open FROM bills WHERE status = 'open' GROUP BY customer_id) o
           ON o.customer_id = c.id
         ORDER BY ${SPREAD.replace(/id/g, 'c.id')} LIMIT ?`,
      )
      .all(n);
    const total = rows.reduce((sum, r) => sum + r.open, 0);
    return { documents: rows.map((r) => r.document), billsEach: rows.length === 0 ? 0 : total / rows.length };
  });
}

/** Up to `n` open bills with their customer's document. */
export function openBills(path: string, n: number): OpenBill[] {
  return withDataset(path, (db) =>
    db
      .prepare<[number], OpenBill>(
        `SELECT b.id AS id, c.document AS document, b.amount_cents AS amountCents
         FROM bills b JOIN customers c ON c.id = b.customer_id
         WHERE b.status = 'open' ORDER BY ${SPREAD.replace(/id/g, 'b.id')} LIMIT ?`,
      )
      .all(n),
  );
}

/** How the settlements whose transaction id starts with `prefix` ended, by status. */
export function settlementOutcomes(path: string, prefix: string): Record<string, number> {
  return withDataset(path, (db) =>
    Object.fromEntries(
      db
        .prepare<[string], { status: string; n: number }>(
          'SELECT status, count(*) AS n FROM settlements WHERE transaction_id LIKE ? GROUP BY status',
        )
        .all(`${prefix}%`)
        .map((r) => [r.status, r.n]),
    ),
  );
}
