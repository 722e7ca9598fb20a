// The sandbox ERP's tables. Ids below FIRST_GENERATED_ID belong to the fixed test customers, which
// are deleted and re-created with the same ids; everything seeded or created through the API gets
// larger ids (AUTOINCREMENT starts past the reserved range and never reuses an id).

export const SCHEMA_VERSION = '1';
export const FIRST_GENERATED_ID = 1000;

const AUTOINCREMENT_TABLES = [
  'customers',
  'contacts',
  'contracts',
  'bills',
  'internal_notes',
  'tickets',
  'leads',
  'orders',
  'settlements',
  'trust_unlocks',
] as const;

export const TABLES = [
  'meta',
  'products',
  'resellers',
  'due_days',
  'commercial_origins',
  ...AUTOINCREMENT_TABLES,
];

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS products (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  price_cents INTEGER NOT NULL,
  discount_cents INTEGER NOT NULL,
  business INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS resellers (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  document TEXT NOT NULL,
  email TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS due_days (code TEXT PRIMARY KEY, day INTEGER NOT NULL) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS commercial_origins (code TEXT PRIMARY KEY, description TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS customers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document TEXT NOT NULL UNIQUE,
  person_type TEXT NOT NULL,
  name TEXT NOT NULL,
  trade_name TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  registered_on TEXT NOT NULL,
  active INTEGER NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL,
  phone_secondary TEXT NOT NULL,
  zip_code TEXT NOT NULL,
  street TEXT NOT NULL,
  number TEXT NOT NULL,
  complement TEXT NOT NULL,
  neighborhood TEXT NOT NULL,
  city TEXT NOT NULL,
  state TEXT NOT NULL,
  ibge_code TEXT NOT NULL,
  reference TEXT NOT NULL,
  reseller_code TEXT NOT NULL,
  origin_code TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS contacts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id INTEGER NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  label TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS contacts_by_customer ON contacts (customer_id);

CREATE TABLE IF NOT EXISTS contracts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id INTEGER NOT NULL,
  product_code TEXT NOT NULL,
  status TEXT NOT NULL,
  block_reason TEXT NOT NULL,
  value_cents INTEGER NOT NULL,
  due_day INTEGER NOT NULL,
  started_on TEXT NOT NULL,
  installation_address TEXT NOT NULL,
  last_unlock_on TEXT,
  unlocked_until TEXT
);
CREATE INDEX IF NOT EXISTS contracts_by_customer ON contracts (customer_id);

CREATE TABLE IF NOT EXISTS bills (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id INTEGER NOT NULL,
  contract_id INTEGER NOT NULL,
  status TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  discount_cents INTEGER NOT NULL,
  description TEXT NOT NULL,
  paid_on TEXT,
  paid_cents INTEGER
);
CREATE INDEX IF NOT EXISTS bills_by_customer ON bills (customer_id, status, due_on);

CREATE TABLE IF NOT EXISTS internal_notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id INTEGER NOT NULL,
  text TEXT NOT NULL,
  pending INTEGER NOT NULL,
  created_on TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS internal_notes_by_customer ON internal_notes (customer_id);

CREATE TABLE IF NOT EXISTS tickets (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id INTEGER NOT NULL,
  contract_id INTEGER,
  request_id TEXT UNIQUE,
  subject TEXT NOT NULL,
  message TEXT NOT NULL,
  contact_name TEXT NOT NULL,
  contact_phone TEXT NOT NULL,
  protocol TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tickets_by_customer ON tickets (customer_id);

CREATE TABLE IF NOT EXISTS leads (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  lead_key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  document TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS orders (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  order_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  customer_id INTEGER,
  remote_id TEXT NOT NULL,
  remote_message TEXT,
  payload TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS settlements (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  transaction_id TEXT NOT NULL UNIQUE,
  customer_id INTEGER NOT NULL,
  bill_id INTEGER NOT NULL,
  method TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  paid_at TEXT NOT NULL,
  status TEXT NOT NULL,
  api_response TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS settlements_by_customer ON settlements (customer_id);

CREATE TABLE IF NOT EXISTS trust_unlocks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id INTEGER NOT NULL,
  contract_id INTEGER NOT NULL,
  unlocked_on TEXT NOT NULL,
  unlocked_until TEXT NOT NULL,
  protocol TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS trust_unlocks_by_customer ON trust_unlocks (customer_id);
`;

/** Makes AUTOINCREMENT start after the ids reserved for the fixed test customers. */
export const RESERVE_FIXTURE_IDS = AUTOINCREMENT_TABLES.map(
  (t) =>
    `INSERT INTO sqlite_sequence (name, seq) SELECT '${t}', ${FIRST_GENERATED_ID - 1} ` +
    `WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '${t}');`,
).join('\n');
