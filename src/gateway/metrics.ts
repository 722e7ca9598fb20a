// Prometheus metrics of the call pipeline, the ERP requests under it, the settlement queue and
// the tenants' names. One registry per gateway, so tests can run several. docs/operations.md
// ("Metrics") lists them; docs/grafana-dashboard.json and docs/alerts.yml read them.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Store } from '../store/index.js';

/** One ERP request (an attempt), as src/providers/kit/http.ts observes it. */
export interface ErpRequestReading {
  tenant: string;
  provider: string;
  endpoint: string;
  /** ok, client_error, rate_limited, server_error, unreachable or aborted. */
  outcome: string;
  seconds: number;
}

/** A settlement's state change: the answer to the call that stored it, or later (the worker, a retry). */
export interface SettlementOutcomeReading {
  tenant: string;
  /** settled, already_settled, rejected, failed, queued, unknown, waiting_config. */
  state: string;
  when: 'answer' | 'later';
}

/** The settlements in one state that is not final (or that waits for a human: failed). */
export interface SettlementQueueReading {
  state: string;
  count: number;
  /** When the oldest of them was received (ISO), null when there are none. */
  oldestCreatedAt: string | null;
}

export interface TenantReading {
  id: string;
  name: string;
  provider: string;
}

/** The states `ponte_settlement_queue` always reports (0 when empty), so alerts see them. */
export const QUEUE_STATES = [
  'received',
  'applying',
  'queued',
  'unknown',
  'waiting_config',
  'failed',
] as const;

/** At most this many tenants get a ponte_tenant_info series, names cut to this many characters. */
const MAX_TENANT_SERIES = 2_000;
const MAX_TENANT_NAME = 64;
/** Distinct ERP endpoint labels per provider; beyond it (ids the normaliser missed) they are "other". */
const MAX_ENDPOINTS_PER_PROVIDER = 100;

export interface CircuitReading {
  tenant: string;
  state: 'closed' | 'half_open' | 'open';
  in_flight: number;
  queued: number;
}

const CIRCUIT_VALUE = { closed: 0, half_open: 1, open: 2 } as const;

export class GatewayMetrics {
  readonly registry = new Registry();
  readonly calls = new Counter({
    name: 'ponte_calls_total',
    help: 'Function calls by function, tenant and outcome (ok or the error code).',
    labelNames: ['function', 'tenant', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: 'ponte_call_duration_seconds',
    help: 'Latency of function calls, from the request reaching the gateway to the answer.',
    labelNames: ['function', 'tenant'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly warnings = new Counter({
    name: 'ponte_answer_warnings_total',
    help: 'Values removed from answers (failed check digits or CRC) and other warnings, by function and tenant.',
    labelNames: ['function', 'tenant'] as const,
    registers: [this.registry],
  });

  readonly erpRequests = new Histogram({
    name: 'ponte_erp_request_duration_seconds',
    help: 'Latency of each request to a tenant ERP (each attempt of a retried read), by tenant, provider, ERP endpoint (ids as :id) and outcome (ok, client_error, rate_limited, server_error, unreachable, aborted).',
    labelNames: ['tenant', 'provider', 'endpoint', 'outcome'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
    registers: [this.registry],
  });
  readonly settlementOutcomes = new Counter({
    name: 'ponte_settlement_outcomes_total',
    help: 'Settlement state changes by tenant, state (settled, already_settled, rejected, failed; queued, unknown, waiting_config: kept for the worker) and when (answer: the settle_bill call was answered with it; later: after a queued answer, by the worker or a retry).',
    labelNames: ['tenant', 'state', 'when'] as const,
    registers: [this.registry],
  });
  private readonly endpoints = new Map<string, Set<string>>();

  /** Counts one ERP request (the observer src/providers/kit/http.ts calls). */
  observeErpRequest(r: ErpRequestReading): void {
    let seen = this.endpoints.get(r.provider);
    if (seen === undefined) this.endpoints.set(r.provider, (seen = new Set()));
    let endpoint = r.endpoint;
    if (!seen.has(endpoint)) {
      if (seen.size < MAX_ENDPOINTS_PER_PROVIDER) seen.add(endpoint);
      else endpoint = 'other';
    }
    this.erpRequests.labels(r.tenant, r.provider, endpoint, r.outcome).observe(r.seconds);
  }

  /** Counts one settlement state change. */
  recordSettlement(r: SettlementOutcomeReading): void {
    this.settlementOutcomes.labels(r.tenant, r.state, r.when).inc();
  }

  /** Where the settlement queue gauges read from (set where the store is known; [] until then). */
  settlementQueue: () => Promise<SettlementQueueReading[]> = () => Promise.resolve([]);
  /** Where ponte_tenant_info reads the tenants' names from. */
  tenantNames: () => Promise<TenantReading[]> = () => Promise.resolve([]);
  /** The clock of the oldest-age gauge (tests set it). */
  now: () => Date = () => new Date();

  // The label children of each (function, tenant[, outcome]), found once: prom-client hashes the
  // labels on every inc/observe otherwise, a noticeable part of a fast call.
  private readonly callChildren = new Map<string, { inc(): void }>();
  private readonly durationChildren = new Map<string, { observe(value: number): void }>();

  /** Counts one call and its latency. */
  recordCall(fn: string, tenant: string, outcome: string, seconds: number): void {
    const key = `${fn}\u0000${tenant}`;
    const callKey = `${key}\u0000${outcome}`;
    let counter = this.callChildren.get(callKey);
    if (counter === undefined) {
      counter = this.calls.labels(fn, tenant, outcome);
      this.callChildren.set(callKey, counter);
    }
    let histogram = this.durationChildren.get(key);
    if (histogram === undefined) {
      histogram = this.duration.labels(fn, tenant);
      this.durationChildren.set(key, histogram);
    }
    counter.inc();
    histogram.observe(seconds);
  }

  /** Where the circuit gauges read from (the gateway sets it). */
  circuits: () => CircuitReading[] = () => [];
  /** Whether the ERP protection is shared by the fleet right now (the gateway sets it). */
  protection: () => { erp_protection: 'fleet' | 'process' } = () => ({ erp_protection: 'process' });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'ponte_' });
    const readings = () => this.circuits();
    const protection = () => this.protection();
    // One read of the queue serves both of its gauges in a scrape.
    let queueRead: Promise<SettlementQueueReading[]> | null = null;
    const queue = () => {
      queueRead ??= this.settlementQueue().finally(() => setTimeout(() => (queueRead = null), 0));
      return queueRead;
    };
    const now = () => this.now();
    const tenants = () => this.tenantNames();
    /** A gauge per settlement state from one queue read; no series while the database is away. */
    const queueGauge = (
      name: string,
      help: string,
      value: (row: SettlementQueueReading | undefined, at: number) => number,
    ) =>
      new Gauge({
        name,
        help,
        labelNames: ['state'] as const,
        registers: [this.registry],
        async collect() {
          // No series rather than zeros, which would look like an empty queue.
          const rows = await queue().catch(() => null);
          this.reset();
          if (rows === null) return;
          const at = now().getTime();
          for (const state of QUEUE_STATES)
            this.set(
              { state },
              value(
                rows.find((r) => r.state === state),
                at,
              ),
            );
        },
      });
    queueGauge(
      'ponte_settlement_queue',
      'Settlements not final by state (received, applying, queued, unknown, waiting_config) and failed ones, which wait for a human.',
      (row) => row?.count ?? 0,
    );
    queueGauge(
      'ponte_settlement_oldest_age_seconds',
      'Age of the oldest settlement in each state of ponte_settlement_queue (0 when none).',
      (row, at) => {
        const oldest = row?.oldestCreatedAt ?? null;
        return oldest === null ? 0 : Math.max(0, (at - Date.parse(oldest)) / 1000);
      },
    );
    new Gauge({
      name: 'ponte_tenant_info',
      help: '1 per tenant, naming it: join on `tenant` (the id every other metric carries) to show names, e.g. ponte_calls_total * on(tenant) group_left(tenant_name) ponte_tenant_info. Names are cut to 64 characters; at most 2000 tenants.',
      labelNames: ['tenant', 'tenant_name', 'provider'] as const,
      registers: [this.registry],
      async collect() {
        const list = await tenants().catch(() => null);
        this.reset();
        for (const t of (list ?? []).slice(0, MAX_TENANT_SERIES)) {
          this.set({ tenant: t.id, tenant_name: t.name.slice(0, MAX_TENANT_NAME), provider: t.provider }, 1);
        }
      },
    });
    new Gauge({
      name: 'ponte_erp_protection_shared',
      help: 'ERP rate limits, concurrency caps, circuits and catalogue cache: 1 shared by the fleet through Redis, 0 per process (no REDIS_URL, or Redis unreachable).',
      registers: [this.registry],
      collect() {
        this.set(protection().erp_protection === 'fleet' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'ponte_erp_circuit_state',
      help: 'Circuit breaker of each tenant ERP: 0 closed, 1 half-open, 2 open.',
      labelNames: ['tenant'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const r of readings()) this.set({ tenant: r.tenant }, CIRCUIT_VALUE[r.state]);
      },
    });
    new Gauge({
      name: 'ponte_erp_calls_in_flight',
      help: 'Calls to each tenant ERP in flight (bulkhead), and waiting for a slot.',
      labelNames: ['tenant', 'stage'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const r of readings()) {
          this.set({ tenant: r.tenant, stage: 'running' }, r.in_flight);
          this.set({ tenant: r.tenant, stage: 'waiting' }, r.queued);
        }
      },
    });
  }
}

/** Points the gauges that read the store (settlement queue, tenant names) at it. */
export function readStoreInto(metrics: GatewayMetrics, store: Store): void {
  metrics.settlementQueue = async () => {
    const rows = await store.db
      .selectFrom('settlements')
      .select((eb) => [
        'state',
        eb.fn.countAll<number | string>().as('n'),
        eb.fn.min('created_at').as('oldest'),
      ])
      .where('state', 'in', [...QUEUE_STATES])
      .groupBy('state')
      .execute();
    return rows.map((r) => ({
      state: r.state,
      count: Number(r.n),
      oldestCreatedAt: r.oldest === null ? null : new Date(r.oldest as string | Date).toISOString(),
    }));
  };
  metrics.tenantNames = async () =>
    (await store.tenants.list()).map((t) => ({ id: t.id, name: t.name, provider: t.provider }));
}
