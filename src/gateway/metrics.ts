// Prometheus metrics of the call pipeline. One registry per gateway, so tests can run several.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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
