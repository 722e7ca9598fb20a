// Opening a sandbox dataset file and the inserts shared by the seeder, the fixtures and the write
// functions. All schema work happens here, once per open, never per call.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { RESERVE_FIXTURE_IDS, SCHEMA } from './schema.js';
import type {
  BillRow,
  ContactRow,
  ContractRow,
  CustomerRow,
  InternalNoteRow,
  LeadRow,
  OrderRow,
  SettlementRow,
  TicketRow,
  TrustUnlockRow,
} from './rows.js';

export type SandboxDatabase = Database.Database;

/** Opens (creating when needed) a dataset file with WAL journaling and the sandbox's tables. */
export function openSandbox(path: string): SandboxDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // Several tenants (or processes) may share one dataset; a writer waits rather than failing.
  db.pragma('busy_timeout = 15000');
  // Reads dominate (list_bills is benchmarked); mapping the file spares a system call per page read.
  db.pragma('mmap_size = 1073741824');
  db.pragma('cache_size = -65536');
  db.exec(SCHEMA);
  db.exec(RESERVE_FIXTURE_IDS);
  return db;
}

export function readMeta(db: SandboxDatabase, key: string): string | undefined {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key);
  return row?.value;
}

export function writeMeta(db: SandboxDatabase, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

/** A row to insert: its id may be left out (null) to let AUTOINCREMENT choose it. */
type NewRow<R extends { id: number }> = Omit<R, 'id'> & { id: number | null };

// Positional parameters bind measurably faster than named ones, which matters for a 100,000-customer seed.
function inserter<R extends { id: number }>(
  db: SandboxDatabase,
  table: string,
  columns: readonly (keyof R & string)[],
) {
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  const statement = db.prepare<unknown[]>(sql);
  return (row: NewRow<R>): number =>
    Number(statement.run(columns.map((c) => (row as Record<string, unknown>)[c])).lastInsertRowid);
}

export function prepareInserts(db: SandboxDatabase) {
  return {
    customer: inserter<CustomerRow>(db, 'customers', [
      'id',
      'document',
      'person_type',
      'name',
      'trade_name',
      'birth_date',
      'registered_on',
      'active',
      'email',
      'phone',
      'phone_secondary',
      'zip_code',
      'street',
      'number',
      'complement',
      'neighborhood',
      'city',
      'state',
      'ibge_code',
      'reference',
      'reseller_code',
      'origin_code',
      'updated_at',
    ]),
    contact: inserter<ContactRow>(db, 'contacts', ['id', 'customer_id', 'type', 'value', 'label']),
    contract: inserter<ContractRow>(db, 'contracts', [
      'id',
      'customer_id',
      'product_code',
      'status',
      'block_reason',
      'value_cents',
      'due_day',
      'started_on',
      'installation_address',
      'last_unlock_on',
      'unlocked_until',
    ]),
    bill: inserter<BillRow>(db, 'bills', [
      'id',
      'customer_id',
      'contract_id',
      'status',
      'issued_on',
      'due_on',
      'amount_cents',
      'discount_cents',
      'description',
      'paid_on',
      'paid_cents',
    ]),
    note: inserter<InternalNoteRow>(db, 'internal_notes', [
      'id',
      'customer_id',
      'text',
      'pending',
      'created_on',
    ]),
    ticket: inserter<TicketRow>(db, 'tickets', [
      'id',
      'customer_id',
      'contract_id',
      'request_id',
      'subject',
      'message',
      'contact_name',
      'contact_phone',
      'protocol',
      'status',
      'created_at',
    ]),
    lead: inserter<LeadRow>(db, 'leads', [
      'id',
      'lead_key',
      'name',
      'document',
      'email',
      'phone',
      'payload',
      'created_at',
    ]),
    order: inserter<OrderRow>(db, 'orders', [
      'id',
      'order_key',
      'kind',
      'customer_id',
      'remote_id',
      'remote_message',
      'payload',
      'message',
      'created_at',
    ]),
    settlement: inserter<SettlementRow>(db, 'settlements', [
      'id',
      'transaction_id',
      'customer_id',
      'bill_id',
      'method',
      'amount_cents',
      'paid_at',
      'status',
      'api_response',
      'created_at',
    ]),
    trustUnlock: inserter<TrustUnlockRow>(db, 'trust_unlocks', [
      'id',
      'customer_id',
      'contract_id',
      'unlocked_on',
      'unlocked_until',
      'protocol',
    ]),
  };
}

export type Inserts = ReturnType<typeof prepareInserts>;
