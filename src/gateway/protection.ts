// What protects a tenant's ERP, behind one interface: the rate limit, the guard (circuit breaker
// and bulkhead) and the catalogue cache. Two implementations, chosen once in app.ts from the
// configuration: this one keeps everything in process memory (the embedded default), and
// fleet-protection.ts shares it among every instance through Redis (REDIS_URL). The gateway's
// pipeline is the same for both.
import { ErpGuard, type CircuitState, type GuardOptions } from './breaker.js';
import { CatalogueCache } from './cache.js';
import { RateLimiter } from './rate-limit.js';

export interface Guard {
  /** Runs `work` under the breaker and the bulkhead; `isFailure` says which errors count against the ERP. */
  run<T>(work: () => Promise<T>, isFailure: (error: unknown) => boolean, signal?: AbortSignal): Promise<T>;
  /** The circuit as this process last saw it. */
  readonly circuit: CircuitState;
  /** Calls of this process in flight to the ERP, and waiting for a slot. */
  readonly active: number;
  readonly queued: number;
}

export interface TenantGuardOptions extends GuardOptions {
  /** The longest a call can hold a slot (its deadline): a shared slot is given back after this. */
  deadlineMs: number;
}

export interface ProtectionStatus {
  /** `fleet`: shared through Redis; `process`: each process on its own (embedded, or Redis away). */
  erp_protection: 'fleet' | 'process';
  /** Added to /readyz's checks: `redis: ok | unreachable` in fleet mode, nothing otherwise. */
  checks: Record<string, string>;
}

/** A tenant's circuit opened (its ERP is failing) or closed again (a probe succeeded). */
export type CircuitChangeListener = (tenantId: string, erpName: string, change: 'opened' | 'closed') => void;

export interface ErpProtection {
  /**
   * Who is told of circuit changes (the webhooks' erp.unavailable / erp.recovered). In fleet mode
   * only the instance whose call flipped the shared circuit tells it, so the fleet reports each
   * change once.
   */
  onCircuitChange(listener: CircuitChangeListener): void;
  /** 0 when a call may go on, otherwise the seconds to wait before trying again. */
  take(tenantId: string, ratePerSecond: number): Promise<number>;
  guard(tenantId: string, erpName: string, options: TenantGuardOptions): Guard;
  /** The cached value of `key`, or `load`'s (concurrent misses share one load). */
  cached<T>(key: string, ttlMs: number, load: () => Promise<T>, loadMs: number): Promise<T>;
  /** Drops every cached entry of a tenant (its settings changed). */
  dropTenant(tenantId: string): void;
  status(): ProtectionStatus;
  close(): Promise<void>;
}

export class MemoryProtection implements ErpProtection {
  private readonly limiter = new RateLimiter();
  private readonly cache = new CatalogueCache();
  private listener: CircuitChangeListener | undefined;

  /** `now`: the clock circuits and the catalogue cache run on (the gateway's, injected in tests). */
  constructor(private readonly now: () => number = Date.now) {}

  onCircuitChange(listener: CircuitChangeListener): void {
    this.listener = listener;
  }

  take(tenantId: string, ratePerSecond: number): Promise<number> {
    return Promise.resolve(this.limiter.take(tenantId, ratePerSecond));
  }

  guard(tenantId: string, erpName: string, options: TenantGuardOptions): Guard {
    return new ErpGuard(erpName, options, this.now, (change) => this.listener?.(tenantId, erpName, change));
  }

  cached<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    return this.cache.get(key, ttlMs, load, this.now());
  }

  dropTenant(tenantId: string): void {
    this.cache.dropTenant(tenantId);
  }

  status(): ProtectionStatus {
    return { erp_protection: 'process', checks: {} };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
