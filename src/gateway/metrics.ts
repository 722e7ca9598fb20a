// Prometheus metrics of the call pipeline. One registry per gateway, so tests can run several.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'ponte_' });
  }
}
