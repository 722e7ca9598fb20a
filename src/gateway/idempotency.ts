// Idempotent writes (create_order, create_lead, create_ticket with a request_id...): the first
// call with a key claims it in the store and runs; concurrent duplicates wait for its outcome;
// later ones replay the stored answer; the same key with other content is IDEMPOTENCY_CONFLICT.
// A claim whose holder died is taken over once it is stale. Server-side failures (5xx) give the
// key back, so a retry can go through once the ERP is reachable again.
import { setTimeout as sleep } from 'node:timers/promises';
import { PonteError } from '../contract/index.js';
import type { Store } from '../store/index.js';
import { fingerprint } from './fingerprint.js';
import type { Tenant } from './tenant-service.js';

/** How long a duplicate waits for the first call with the same key, beyond the deadline. */
export const DUPLICATE_WAIT_EXTRA_MS = 5_000;

interface Deps {
  store: Store;
  now: () => Date;
  /** The PonteError a failure is answered with (the pipeline's classification). */
  toPonteError: (error: unknown, fn: string) => PonteError;
}

type Id = { tenantId: string; fn: string; key: string };

export class Idempotency {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: Deps) {}

  /** The answer of `execute` for (tenant, fn, key), run at most once. */
  async run(
    fn: string,
    tenant: Tenant,
    key: string,
    input: unknown,
    execute: () => Promise<unknown>,
  ): Promise<unknown> {
    const repo = this.deps.store.idempotency;
    const id: Id = { tenantId: tenant.id, fn, key };
    const fp = fingerprint(input);
    const local = `${tenant.id}\u0000${fn}\u0000${key}`;
    const giveUpAt = Date.now() + tenant.options.deadline_ms + DUPLICATE_WAIT_EXTRA_MS;
    for (;;) {
      const claim = await repo.claim(id, fp, this.deps.now());
      if (claim.state === 'conflict') {
        throw new PonteError(
          'IDEMPOTENCY_CONFLICT',
          `${fn} was already called with this key and other content`,
          {
            details: { key },
          },
        );
      }
      if (claim.state === 'done') return replay(claim.response);
      if (claim.state === 'claimed') return this.runClaimed(id, local, execute);
      const running = this.inFlight.get(local);
      if (running) {
        await running.catch(() => undefined);
        continue;
      }
      const staleMs = 2 * tenant.options.deadline_ms + DUPLICATE_WAIT_EXTRA_MS;
      if (claim.since !== null && Date.parse(claim.since) < this.deps.now().getTime() - staleMs) {
        if (await repo.takeOver(id, claim.since, this.deps.now())) return this.runClaimed(id, local, execute);
        continue;
      }
      if (Date.now() > giveUpAt) {
        throw new PonteError('ERP_UNAVAILABLE', 'a call with the same idempotency key is still in progress', {
          retryAfterSeconds: 1,
        });
      }
      await sleep(25);
    }
  }

  private async runClaimed(id: Id, local: string, execute: () => Promise<unknown>): Promise<unknown> {
    const repo = this.deps.store.idempotency;
    const running = (async () => {
      try {
        const body = await execute();
        await repo.complete(id, 200, JSON.stringify({ ok: true, body }), this.deps.now());
        return body;
      } catch (error) {
        const e = this.deps.toPonteError(error, id.fn);
        // Server-side failures may not have reached the ERP: the key is given back so a retry can
        // go through. Answers the caller must not retry into a different outcome are kept.
        if (e.status >= 500) await repo.release(id);
        else
          await repo.complete(
            id,
            e.status,
            JSON.stringify({ ok: false, error: e.toBody('').error }),
            this.deps.now(),
          );
        throw e;
      }
    })();
    this.inFlight.set(local, running);
    try {
      return await running;
    } finally {
      this.inFlight.delete(local);
    }
  }
}

function replay(response: string): unknown {
  const stored = JSON.parse(response) as
    | { ok: true; body: unknown }
    | { ok: false; error: { code: string; message: string; details?: unknown; upstream?: never } };
  if (stored.ok) return stored.body;
  const { code, message, details, upstream } = stored.error;
  throw new PonteError(code as never, message, { details, upstream });
}
