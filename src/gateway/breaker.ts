// Protects a struggling ERP and everyone else from it, per tenant:
// - a circuit breaker: after `failureThreshold` consecutive failures (ERP_UNAVAILABLE) the circuit
//   opens and calls fail at once for `openMs`; then one probe call is let through (half-open): its
//   success closes the circuit, its failure opens it again;
// - a bulkhead: at most `maxConcurrent` calls in flight to one ERP, at most `maxQueued` waiting for
//   a slot; beyond that a call fails at once, so a slow ERP cannot take the capacity of the others.
// State is per process: each Ponte process judges the ERP from its own calls.
import { PonteError } from '../contract/index.js';

export type CircuitState = 'closed' | 'open' | 'half_open';

/** Told when a circuit opens after being closed (`opened`) and when a probe closes it (`closed`). */
export type CircuitListener = (change: 'opened' | 'closed') => void;

export interface GuardOptions {
  failureThreshold: number;
  openMs: number;
  maxConcurrent: number;
  maxQueued: number;
}

export const defaultGuardOptions: GuardOptions = {
  failureThreshold: 5,
  openMs: 10_000,
  maxConcurrent: 32,
  maxQueued: 256,
};

export class ErpGuard {
  private state: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly erpName: string,
    private readonly options: GuardOptions = defaultGuardOptions,
    private readonly now: () => number = Date.now,
    private readonly onChange?: CircuitListener,
  ) {}

  get circuit(): CircuitState {
    if (this.state === 'open' && this.now() - this.openedAt >= this.options.openMs) return 'half_open';
    return this.state;
  }

  get active(): number {
    return this.inFlight;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `work` under the breaker and the bulkhead; `isFailure` says which errors count against the ERP. */
  async run<T>(
    work: () => Promise<T>,
    isFailure: (error: unknown) => boolean,
    signal?: AbortSignal,
  ): Promise<T> {
    const probe = this.admit();
    await this.acquire(signal);
    try {
      const result = await work();
      this.succeeded();
      return result;
    } catch (error) {
      if (isFailure(error)) this.failed();
      else if (probe) this.succeeded();
      throw error;
    } finally {
      if (probe) this.probing = false;
      this.release();
    }
  }

  /** Throws when the circuit is open; returns true when this call is the half-open probe. */
  private admit(): boolean {
    const circuit = this.circuit;
    if (circuit === 'closed') return false;
    if (circuit === 'half_open' && !this.probing) {
      this.probing = true;
      this.state = 'half_open';
      return true;
    }
    const waitMs = Math.max(0, this.options.openMs - (this.now() - this.openedAt));
    throw new PonteError('ERP_UNAVAILABLE', `${this.erpName} is failing: its circuit is open`, {
      retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      delivery: 'not_sent',
    });
  }

  private succeeded(): void {
    this.failures = 0;
    const was = this.state;
    this.state = 'closed';
    if (was !== 'closed') this.onChange?.('closed');
  }

  private failed(): void {
    this.failures++;
    if (this.state === 'half_open' || this.failures >= this.options.failureThreshold) {
      // A failed probe opens it again: still the same outage, not a new one to report.
      const wasClosed = this.state === 'closed';
      this.state = 'open';
      this.openedAt = this.now();
      if (wasClosed) this.onChange?.('opened');
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (this.inFlight < this.options.maxConcurrent) {
      this.inFlight++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.options.maxQueued) {
      return Promise.reject(
        new PonteError('ERP_UNAVAILABLE', `too many calls waiting for ${this.erpName}`, {
          retryAfterSeconds: 1,
        }),
      );
    }
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.inFlight++;
        resolve();
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(
          new PonteError('ERP_UNAVAILABLE', `no free slot for ${this.erpName} before the deadline`, {
            retryAfterSeconds: 1,
            delivery: 'not_sent',
          }),
        );
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
  }

  private release(): void {
    this.inFlight--;
    this.waiting.shift()?.();
  }
}
