// What the console reads from the store beyond the repositories' own listings: the audit with
// filters and paging, settlements by state (and the ones waiting for a human), and the last hour
// of calls per tenant for the ERP health page. Read-only; the same queries on SQLite and PostgreSQL.
import type { Store } from '../store/index.js';
import { defaultSettlementOptions } from '../gateway/settlement.js';
import type { SettlementState } from '../store/schema.js';

export interface CallFilter {
  tenantId?: string | undefined;
  fn?: string | undefined;
  /** 'ok', 'error' (anything else) or an error code. */
  status?: string | undefined;
  /** ISO timestamps, inclusive. */
  since?: string | undefined;
  until?: string | undefined;
  requestId?: string | undefined;
  /** Only entries with a smaller id (the next page). */
  before?: number | undefined;
  limit: number;
}

/** Outcomes that say the ERP itself is in trouble (not the caller's input nor a business refusal). */
export const ERP_FAILURES: ReadonlySet<string> = new Set(['ERP_UNAVAILABLE', 'ERP_BAD_RESPONSE']);

export async function listCalls(store: Store, f: CallFilter) {
  await store.audit.flush().catch(() => undefined);
  let q = store.db.selectFrom('audit').selectAll();
  if (f.tenantId !== undefined) q = q.where('tenant_id', '=', f.tenantId);
  if (f.fn !== undefined) q = q.where('function', '=', f.fn);
  if (f.status === 'ok') q = q.where('outcome', '=', 'ok');
  else if (f.status === 'error') q = q.where('outcome', '<>', 'ok');
  else if (f.status !== undefined) q = q.where('outcome', '=', f.status);
  if (f.since !== undefined) q = q.where('at', '>=', f.since);
  if (f.until !== undefined) q = q.where('at', '<=', f.until);
  if (f.requestId !== undefined) q = q.where('request_id', '=', f.requestId);
  if (f.before !== undefined) q = q.where('id', '<', f.before);
  return q.orderBy('id', 'desc').limit(f.limit).execute();
}

export async function getCall(store: Store, id: number) {
  await store.audit.flush().catch(() => undefined);
  return store.db.selectFrom('audit').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Settlements that will not finish without someone: failed, or still not applied after many attempts. */
export function needsAttention(row: { state: string; attempts: number }): boolean {
  if (row.state === 'failed') return true;
  return (
    (row.state === 'queued' || row.state === 'unknown') &&
    row.attempts >= defaultSettlementOptions.attentionAfterAttempts
  );
}

export async function listSettlements(
  store: Store,
  f: { tenantId?: string | undefined; states?: SettlementState[] | undefined; limit: number },
) {
  let q = store.db
    .selectFrom('settlements')
    .select([
      'tenant_id',
      'transaction_id',
      'boleto_id',
      'state',
      'attempts',
      'next_attempt_at',
      'last_error',
      'created_at',
      'updated_at',
    ]);
  if (f.tenantId !== undefined) q = q.where('tenant_id', '=', f.tenantId);
  if (f.states !== undefined && f.states.length > 0) q = q.where('state', 'in', f.states);
  return q.orderBy('created_at', 'desc').limit(f.limit).execute();
}

/** How many settlements are in each state, per tenant. */
export async function settlementCounts(store: Store) {
  const rows = await store.db
    .selectFrom('settlements')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])) as Record<string, number>;
}

export interface HourStats {
  calls: number;
  errors: number;
  erp_failures: number;
  /** erp_failures / calls, 0 when there were no calls. */
  erp_error_rate: number;
  latency_p50_ms: number | null;
  latency_p95_ms: number | null;
  /** 12 buckets of 5 minutes, oldest first: calls, ERP failures and the slowest call. */
  buckets: { calls: number; erp_failures: number; max_ms: number }[];
}

const BUCKETS = 12;

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? null;
}

/** Most calls of one tenant's hour that the health page reads (the newest ones). */
const MAX_ROWS_PER_TENANT = 50_000;

/** Calls and ERP failures of each tenant over the last hour, counted by the database. */
export async function hourCounts(
  store: Store,
  tenantIds: readonly string[],
  now: number,
): Promise<Map<string, { calls: number; erp_failures: number }>> {
  await store.audit.flush().catch(() => undefined);
  const from = new Date(now - 3_600_000).toISOString();
  const rows = await Promise.all(
    tenantIds.map((id) =>
      store.db
        .selectFrom('audit')
        .select((eb) => [
          eb.fn.countAll<number>().as('calls'),
          eb.fn
            .sum<number>(
              eb
                .case()
                .when('outcome', 'in', [...ERP_FAILURES])
                .then(1)
                .else(0)
                .end(),
            )
            .as('erp_failures'),
        ])
        .where('tenant_id', '=', id)
        .where('at', '>=', from)
        .executeTakeFirstOrThrow(),
    ),
  );
  return new Map(
    tenantIds.map((id, i) => [
      id,
      { calls: Number(rows[i]?.calls ?? 0), erp_failures: Number(rows[i]?.erp_failures ?? 0) },
    ]),
  );
}

/** The last hour of calls of each tenant, from the audit (every call of every process is in it). */
export async function lastHour(
  store: Store,
  tenantIds: readonly string[],
  now: number,
): Promise<Map<string, HourStats>> {
  await store.audit.flush().catch(() => undefined);
  const from = now - 3_600_000;
  const out = new Map<string, HourStats>();
  await Promise.all(
    tenantIds.map(async (tenantId) => {
      const rows = await store.db
        .selectFrom('audit')
        .select(['at', 'outcome', 'latency_ms'])
        .where('tenant_id', '=', tenantId)
        .where('at', '>=', new Date(from).toISOString())
        .orderBy('at', 'desc')
        .limit(MAX_ROWS_PER_TENANT)
        .execute();
      if (rows.length > 0) out.set(tenantId, summarise(rows, from));
    }),
  );
  return out;
}

function summarise(rows: { at: string; outcome: string; latency_ms: number }[], from: number): HourStats {
  const s: HourStats = {
    calls: 0,
    errors: 0,
    erp_failures: 0,
    erp_error_rate: 0,
    latency_p50_ms: null,
    latency_p95_ms: null,
    buckets: Array.from({ length: BUCKETS }, () => ({ calls: 0, erp_failures: 0, max_ms: 0 })),
  };
  const latencies: number[] = [];
  for (const r of rows) {
    const failure = ERP_FAILURES.has(r.outcome);
    s.calls++;
    if (r.outcome !== 'ok') s.errors++;
    if (failure) s.erp_failures++;
    latencies.push(r.latency_ms);
    const index = Math.floor(((Date.parse(r.at) - from) / 3_600_000) * BUCKETS);
    const bucket = s.buckets[Math.max(0, Math.min(BUCKETS - 1, index))]!;
    bucket.calls++;
    if (failure) bucket.erp_failures++;
    bucket.max_ms = Math.max(bucket.max_ms, r.latency_ms);
  }
  latencies.sort((a, b) => a - b);
  s.latency_p50_ms = percentile(latencies, 50);
  s.latency_p95_ms = percentile(latencies, 95);
  s.erp_error_rate = s.calls === 0 ? 0 : s.erp_failures / s.calls;
  return s;
}
