// Table types for kysely. Column types are the ones SQLite and PostgreSQL share: text, integer.
// Timestamps are ISO 8601 text in UTC so both databases sort and compare them the same way.
import type { Generated } from 'kysely';

export interface TenantTable {
  id: string;
  name: string;
  provider: string;
  /** Provider settings without the secret fields, JSON. */
  settings: string;
  /** Secret settings, JSON encrypted with AES-256-GCM (see crypto.ts), or '' when none. */
  secrets: string;
  /** Tenant options common to every provider, JSON. */
  options: string;
  created_at: string;
  updated_at: string;
}

export interface ApiKeyTable {
  id: string;
  tenant_id: string;
  /** The first characters of the key, to recognise it in listings. */
  prefix: string;
  /** SHA-256 of the whole key, hex. */
  hash: string;
  label: string;
  /** JSON array of function names, or null for every function. */
  allowed_functions: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface IdempotencyTable {
  tenant_id: string;
  function: string;
  key: string;
  /** Hash of the normalised input: the same key with another fingerprint is a conflict. */
  fingerprint: string;
  state: 'pending' | 'done';
  /** HTTP status and body of the first outcome, replayed to every duplicate. */
  status_code: number | null;
  response: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  request_id: string;
  tenant_id: string;
  key_id: string;
  function: string;
  /** 'ok' or the error code. */
  outcome: string;
  latency_ms: number;
}

export type SettlementState =
  | 'received'
  | 'applying'
  | 'settled'
  | 'already_settled'
  | 'rejected'
  | 'unknown'
  | 'queued'
  | 'failed'
  /** Stored, never sent: the tenant's settings lack what settle_bill needs; posted once they are set. */
  | 'waiting_config';

/** One settle_bill per (tenant, transaction.id): the durable state machine of DESIGN §2. */
export interface SettlementTable {
  tenant_id: string;
  transaction_id: string;
  /** Hash of the normalised input: the same transaction with other content is a conflict. */
  fingerprint: string;
  /** The normalised settle_bill input, JSON, so the worker can apply it later. */
  input: string;
  boleto_id: string;
  state: SettlementState;
  attempts: number;
  next_attempt_at: string | null;
  /** Who works on it and until when; a lease that runs out means its process died. */
  lease_owner: string | null;
  lease_until: string | null;
  /** The settle_bill output (terminal states) or the error body ('failed'), JSON. */
  outcome: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export interface SettlementAttemptTable {
  id: Generated<number>;
  tenant_id: string;
  transaction_id: string;
  at: string;
  /** 'apply' (the baixa was sent) or 'read' (the bill was read to resolve an unknown outcome). */
  kind: 'apply' | 'read' | 'wait';
  /** The state it led to. */
  result: string;
  detail: string;
}

/** A known value sealed with the master key at the first start (see key-check.ts). */
export interface KeyCheckTable {
  id: string;
  sealed: string;
  created_at: string;
}

/** A tenant's webhook endpoint (docs/webhooks.md). */
export interface WebhookEndpointTable {
  id: string;
  tenant_id: string;
  url: string;
  /** JSON array of event types. */
  events: string;
  /** The signing secret, sealed like tenant secrets (crypto.ts); `previous_secret` signs too until `previous_secret_until`. */
  secret: string;
  previous_secret: string | null;
  previous_secret_until: string | null;
  created_at: string;
  removed_at: string | null;
}

/** The outbox: one row per event, its id stable (receivers drop duplicates by it). */
export interface WebhookEventTable {
  /** Insertion order: deliveries of one ordering key go out in it. */
  seq: Generated<number>;
  id: string;
  tenant_id: string;
  type: string;
  /** Events with the same key (a transaction, or the tenant's ERP) are delivered in order. */
  ordering_key: string;
  /** The JSON body sent, exactly. */
  body: string;
  created_at: string;
}

export type WebhookDeliveryState = 'pending' | 'delivering' | 'delivered' | 'failed';

/** One event to one endpoint; claimed with a lease and a compare-and-set, like settlements. */
export interface WebhookDeliveryTable {
  id: Generated<number>;
  event_id: string;
  event_seq: number;
  endpoint_id: string;
  tenant_id: string;
  ordering_key: string;
  state: WebhookDeliveryState;
  attempts: number;
  next_attempt_at: string | null;
  /** After this a failed attempt marks the delivery failed (a day after it was made, or redelivered). */
  give_up_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** The delivery log: each attempt's HTTP status (null: no answer) and latency. */
export interface WebhookAttemptTable {
  id: Generated<number>;
  delivery_id: number;
  at: string;
  status: number | null;
  latency_ms: number;
  error: string | null;
}

export interface Database {
  tenants: TenantTable;
  api_keys: ApiKeyTable;
  idempotency: IdempotencyTable;
  audit: AuditTable;
  settlements: SettlementTable;
  settlement_attempts: SettlementAttemptTable;
  key_check: KeyCheckTable;
  webhook_endpoints: WebhookEndpointTable;
  webhook_events: WebhookEventTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
}
