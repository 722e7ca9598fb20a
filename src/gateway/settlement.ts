// Settlement (baixa): nothing lost, nothing doubled (DESIGN §2).
//
// The state of each (tenant, transaction.id) is stored before the ERP is called:
//   received -> applying -> settled | already_settled | rejected      (the ERP answered)
//                        -> failed                                    (a 4xx error, e.g. BILL_NOT_FOUND)
//                        -> queued    (the ERP could not be reached: nothing was sent)
//                        -> unknown   (sent, but the answer was lost: timeout, 5xx, garbled body)
//   received -> waiting_config (the tenant's settings lack what settle_bill needs: nothing is sent;
//               the worker looks again every configRecheckMs and posts it once they are set)
// - Concurrent duplicates wait for the first outcome; later duplicates get the stored one; the
//   same transaction.id with other content is IDEMPOTENCY_CONFLICT.
// - queued and unknown answer the platform `status: "queued"` (success false) and are taken up by
//   the worker with exponential backoff, without any new call from the platform, until applied.
// - unknown is resolved by reading the bill in the ERP first: no longer open -> settled (our baixa
//   landed); still open -> the baixa is applied.
// - A row left in received/applying by a process that died is taken over, by the worker or by the
//   platform's retry of the same transaction, as soon as its holder is known to be dead (same
//   machine: process-identity.ts) or its lease (deadline + 5 s) has run out. `applying` may have
//   reached the ERP, so the bill is read first; `received` never did.
// - A store write that fails (the database went away) is never answered as `queued`: the caller
//   gets SERVICE_UNAVAILABLE, and the row, already stored, is finished by the next attempt.
// - Every change is a compare-and-set, so several processes on one database share the work and
//   never act twice on the same row.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { PonteError, type FunctionInput, type FunctionName, type FunctionOutput } from '../contract/index.js';
import type { SettlementRow, Store } from '../store/index.js';
import { TERMINAL_STATES } from '../store/index.js';
import type { SettlementState } from '../store/schema.js';
import { settlementEvent } from '../webhooks/events.js';
import { fingerprint } from './fingerprint.js';
import { holderIsDead, newHolderName } from './process-identity.js';
import type { Tenant } from './tenant-service.js';

type SettleInput = FunctionInput<'settle_bill'>;
type SettleOutput = FunctionOutput<'settle_bill'>;

/** The call pipeline the HTTP path uses too (src/gateway/pipeline.ts): breaker, deadline, validation. */
export interface SettlementPipeline {
  run(tenant: Tenant, name: FunctionName, input: unknown, req: { requestId: string }): Promise<unknown>;
  /** The settings the tenant lacks for `name` ([] when it is ready). */
  missingSettings(tenant: Tenant, name: FunctionName): string[];
}

export interface SettlementOptions {
  /** First retry delay; doubles per attempt up to maxBackoffMs. */
  retryBaseMs: number;
  maxBackoffMs: number;
  /** How often the worker looks for due settlements. */
  workerIntervalMs: number;
  /** A settlement still queued after this many attempts produces settlement.needs_attention. */
  attentionAfterAttempts: number;
  /** How often a settlement waiting for configuration looks at the tenant's settings again. */
  configRecheckMs: number;
}

export const defaultSettlementOptions: SettlementOptions = {
  retryBaseMs: 1_000,
  maxBackoffMs: 5 * 60_000,
  workerIntervalMs: 1_000,
  attentionAfterAttempts: 10,
  configRecheckMs: 30_000,
};

interface Deps {
  store: Store;
  log: Logger;
  now: () => Date;
  pipeline: SettlementPipeline;
  findTenant: (id: string) => Promise<Tenant | undefined>;
  options?: Partial<SettlementOptions>;
  /** This process's name in leases (tests give two services in one process different ones). */
  holder?: string;
}

export interface SettlementView extends SettlementRow {
  attempts_made: { at: string; kind: string; result: string; detail: string }[];
}

export class SettlementService {
  /** Identifies this process in leases. */
  readonly owner: string;
  private readonly options: SettlementOptions;
  /** The settlements this process is working on now, by tenant and transaction. */
  private readonly local = new Map<string, Promise<unknown>>();
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<number> | null = null;
  private workerFailing = false;

  constructor(private readonly deps: Deps) {
    this.options = { ...defaultSettlementOptions, ...deps.options };
    this.owner = deps.holder ?? newHolderName();
  }

  private get repo() {
    return this.deps.store.settlements;
  }

  private stamp(): string {
    return this.deps.now().toISOString();
  }

  /** A timestamp strictly after `previous`, so compare-and-set always sees a change. */
  private after(previous: string): string {
    const now = this.deps.now().getTime();
    return new Date(Math.max(now, Date.parse(previous) + 1)).toISOString();
  }

  /** One step's lease: a step makes at most one ERP call, which the deadline bounds. */
  private leaseUntil(tenant: Tenant): string {
    return new Date(this.deps.now().getTime() + tenant.options.deadline_ms + 5_000).toISOString();
  }

  /**
   * True when nobody works on a row (not terminal) now: it has no lease (queued or unknown, waiting
   * for its next attempt), its lease ran out, its holder is known dead, or it is this process's
   * own and nothing here runs it (an attempt whose store writes failed half-way).
   */
  private abandoned(row: SettlementRow): boolean {
    if (row.lease_owner === null || row.lease_until === null || row.lease_until < this.stamp()) return true;
    if (row.lease_owner === this.owner) return !this.local.has(keyOf(row));
    return holderIsDead(row.lease_owner, this.owner);
  }

  async settle(tenant: Tenant, input: SettleInput, requestId: string): Promise<SettleOutput> {
    const at = this.stamp();
    const row: SettlementRow = {
      tenant_id: tenant.id,
      transaction_id: input.transaction.id,
      fingerprint: fingerprint(input),
      input: JSON.stringify(input),
      boleto_id: input.boleto_id,
      state: 'received',
      attempts: 0,
      next_attempt_at: null,
      lease_owner: this.owner,
      lease_until: this.leaseUntil(tenant),
      outcome: null,
      last_error: null,
      created_at: at,
      updated_at: at,
    };
    const key = keyOf(row);
    // Tracked from before the insert, so that a duplicate in this process waits for this attempt
    // instead of taking the row for abandoned.
    if (!this.local.has(key)) {
      const first = await this.track(key, this.insertAndApply(tenant, row, requestId));
      if (first !== undefined) return first;
    }
    return this.join(tenant, row, requestId);
  }

  private async insertAndApply(
    tenant: Tenant,
    row: SettlementRow,
    requestId: string,
  ): Promise<SettleOutput | undefined> {
    if (!(await this.repo.insert(row))) return undefined;
    // This call's caller gets this attempt's outcome as its answer: no webhook event for it.
    return this.apply(tenant, row, requestId, true);
  }

  /**
   * A settlement already stored: its outcome; or the outcome of the attempt running now; or, when
   * nobody works on it (its holder died, or it waits in the queue), the outcome of one attempt
   * made here and now: a platform that retries a queued payment once the ERP is back gets
   * `settled` at once, not after the worker's backoff. A call that waited for another attempt
   * answers with that attempt's outcome and makes none of its own, so concurrent duplicates
   * never line up behind each other into a string of attempts.
   */
  private async join(tenant: Tenant, row: SettlementRow, requestId: string): Promise<SettleOutput> {
    const key = keyOf(row);
    const giveUpAt = Date.now() + tenant.options.deadline_ms + 5_000;
    let waited = false;
    for (;;) {
      const running = this.local.get(key);
      if (running) {
        await running.catch(() => undefined);
        waited = true;
      }
      const existing = await this.repo.get(tenant.id, row.transaction_id);
      if (!existing) {
        // Stored by nobody (the insert lost to a row that is gone): never wait past the deadline.
        if (Date.now() > giveUpAt) {
          throw new PonteError(
            'SERVICE_UNAVAILABLE',
            'the settlement could not be stored; retry with the same transaction.id',
            {
              retryAfterSeconds: 1,
            },
          );
        }
        await sleep(25);
        continue;
      }
      if (existing.fingerprint !== row.fingerprint) {
        throw new PonteError(
          'IDEMPOTENCY_CONFLICT',
          'settle_bill was already called with this transaction.id and other content',
          {
            details: { key: row.transaction_id },
          },
        );
      }
      const inFlight = existing.state === 'received' || existing.state === 'applying';
      if (TERMINAL_STATES.has(existing.state) || (!inFlight && waited)) return answer(existing);
      if (this.local.has(key)) continue;
      if (this.abandoned(existing)) {
        if (await this.takeOver(tenant, existing, requestId)) {
          const after = await this.repo.get(tenant.id, row.transaction_id);
          if (!after) throw new PonteError('INTERNAL', 'settlement vanished');
          return answer(after);
        }
        continue;
      }
      if (Date.now() > giveUpAt) return answer(existing);
      waited = true;
      await sleep(25);
    }
  }

  /** Claims a row nobody works on and carries it on; false when another process claimed it first. */
  private takeOver(tenant: Tenant, row: SettlementRow, requestId: string): Promise<boolean> {
    return this.track(
      keyOf(row),
      (async () => {
        const claim = {
          lease_owner: this.owner,
          lease_until: this.leaseUntil(tenant),
          updated_at: this.after(row.updated_at),
        };
        if (!(await this.repo.transition(row, claim))) return false;
        await this.resume(tenant, { ...row, ...claim }, requestId);
        return true;
      })(),
    );
  }

  private track<T>(key: string, work: Promise<T>): Promise<T> {
    this.local.set(key, work);
    return work.finally(() => {
      if (this.local.get(key) === work) this.local.delete(key);
    });
  }

  /**
   * Sends the baixa for a row this process holds (state received, queued or unknown resolved as
   * open). `answered`: the outcome is the answer to the call that stored the row, so the platform
   * learns it there; otherwise (it was answered `queued`, or never answered) a terminal outcome
   * is also a webhook event.
   */
  private async apply(
    tenant: Tenant,
    row: SettlementRow,
    requestId: string,
    answered = false,
  ): Promise<SettleOutput> {
    const missing = this.deps.pipeline.missingSettings(tenant, 'settle_bill');
    if (missing.length > 0) return this.waitForSettings(row, missing, answered);
    const applying = {
      state: 'applying' as const,
      attempts: row.attempts + 1,
      lease_owner: this.owner,
      lease_until: this.leaseUntil(tenant),
      updated_at: this.after(row.updated_at),
    };
    if (!(await this.repo.transition(row, applying))) {
      const current = await this.repo.get(row.tenant_id, row.transaction_id);
      if (!current) throw new PonteError('INTERNAL', 'settlement vanished');
      return answer(current);
    }
    const held = { ...row, ...applying };
    const input = JSON.parse(row.input) as SettleInput;
    // Only the ERP call is caught here: a store write that fails below propagates, and the row,
    // left `applying` with this lease, is finished by the next attempt (which reads the bill first).
    let output: SettleOutput;
    try {
      output = (await this.deps.pipeline.run(tenant, 'settle_bill', input, { requestId })) as SettleOutput;
    } catch (error) {
      return this.notApplied(tenant, held, error, answered);
    }
    const state: SettlementState = output.status ?? (output.success ? 'settled' : 'rejected');
    if (state === 'queued') {
      return this.notApplied(tenant, held, new PonteError('ERP_UNAVAILABLE', output.api_response), answered);
    }
    await this.finish(
      held,
      state,
      { outcome: JSON.stringify(output), last_error: null },
      'apply',
      output.api_response,
      answered,
    );
    return output;
  }

  /** Keeps a settlement the tenant's settings do not let run yet: stored, not sent, not an attempt. */
  private async waitForSettings(
    row: SettlementRow,
    missing: string[],
    answered: boolean,
  ): Promise<SettleOutput> {
    const detail = `waiting for configuration: the tenant's settings lack ${missing.join(', ')}; nothing was sent to the ERP, and the payment is posted once they are set`;
    const next = new Date(this.deps.now().getTime() + this.options.configRecheckMs).toISOString();
    // Logged once, when it starts waiting, not at every recheck.
    if (row.state !== 'waiting_config') {
      this.deps.log.warn(
        { tenant: row.tenant_id, transaction: row.transaction_id, missing_settings: missing },
        'settlement waits for the tenant settings it needs',
      );
    }
    await this.finish(
      row,
      'waiting_config',
      { last_error: detail, next_attempt_at: next },
      'wait',
      detail,
      answered,
    );
    return queuedAnswer(detail);
  }

  /** Records an ERP call that did not settle: failed for good (4xx), or kept for the worker. */
  private async notApplied(
    tenant: Tenant,
    held: SettlementRow,
    error: unknown,
    answered: boolean,
  ): Promise<SettleOutput> {
    const e =
      error instanceof PonteError ? error : new PonteError('INTERNAL', 'the settlement failed unexpectedly');
    if (e.status < 500) {
      const body = e.toBody('').error;
      await this.finish(
        held,
        'failed',
        { outcome: JSON.stringify(body), last_error: e.message },
        'apply',
        e.message,
        answered,
      );
      throw e;
    }
    const notSent = e.notSent;
    const state: SettlementState = notSent ? 'queued' : 'unknown';
    const detail = [e.message, e.upstream?.excerpt].filter(Boolean).join(': ');
    const next = this.nextAttempt(held.attempts);
    await this.finish(held, state, { last_error: detail, next_attempt_at: next }, 'apply', detail, answered);
    this.deps.log.warn(
      { tenant: tenant.id, transaction: held.transaction_id, state, next_attempt_at: next },
      'settlement not confirmed by the ERP: kept for the worker',
    );
    return queuedAnswer(detail);
  }

  private async finish(
    held: SettlementRow,
    state: SettlementState,
    changes: Partial<SettlementRow>,
    kind: 'apply' | 'read' | 'wait',
    detail: string,
    answered = false,
  ): Promise<void> {
    const at = this.after(held.updated_at);
    const terminal = TERMINAL_STATES.has(state);
    // The webhook event is written in the same transaction as the change, and only when this
    // compare-and-set wins: a settlement never ends without its event, and a change another
    // process made is not reported from here. Its id is derived from (tenant, transaction,
    // outcome), so even a second write of the same outcome would be the same event.
    const event = answered
      ? undefined
      : settlementEvent(
          held,
          state,
          { outcome: changes.outcome ?? null, lastError: changes.last_error ?? null },
          at,
          this.options.attentionAfterAttempts,
        );
    const webhooks = this.deps.store.webhooks;
    const won = await this.repo.transition(
      held,
      {
        state,
        lease_owner: null,
        lease_until: null,
        ...(terminal ? { next_attempt_at: null } : {}),
        ...changes,
        updated_at: at,
      },
      event === undefined ? undefined : (db) => webhooks.enqueue(event, { db }).then(() => undefined),
    );
    await this.repo.recordAttempt({
      tenant_id: held.tenant_id,
      transaction_id: held.transaction_id,
      at,
      kind,
      result: state,
      detail: detail.slice(0, 2000),
    });
    // Observability (issue 18): each change this process made is counted (onOutcome: the metrics);
    // a final outcome after a queued answer is logged, as the answered ones are by their request.
    if (!won) return;
    this.onOutcome({ tenant: held.tenant_id, state, when: answered ? 'answer' : 'later' });
    if (terminal && !answered) {
      this.deps.log.info(
        { tenant: held.tenant_id, transaction: held.transaction_id, state, attempts: held.attempts },
        `queued settlement finished: ${state}`,
      );
    }
  }

  /** Told of every settlement state change this process makes (the gateway's metrics set it). */
  onOutcome: (change: { tenant: string; state: SettlementState; when: 'answer' | 'later' }) => void = () =>
    undefined;

  private nextAttempt(attempts: number): string {
    const base = Math.min(
      this.options.retryBaseMs * 2 ** Math.max(0, attempts - 1),
      this.options.maxBackoffMs,
    );
    const jitter = Math.floor(Math.random() * Math.min(250, base / 4));
    return new Date(this.deps.now().getTime() + base + jitter).toISOString();
  }

  /** Takes up due settlements once; returns how many it handled. */
  async tick(): Promise<number> {
    if (this.ticking) return this.ticking;
    this.ticking = this.runTick()
      .then((handled) => {
        if (this.workerFailing) this.deps.log.info('the settlement worker reaches the database again');
        this.workerFailing = false;
        return handled;
      })
      .catch((error: unknown) => {
        // The database is away (or another fault): the rows wait in the store for the next tick.
        if (!this.workerFailing) {
          this.deps.log.warn({ err: error }, 'the settlement worker cannot read the queue; it keeps trying');
        }
        this.workerFailing = true;
        return 0;
      })
      .finally(() => {
        this.ticking = null;
      });
    return this.ticking;
  }

  private async runTick(): Promise<number> {
    const now = this.stamp();
    const due = await this.repo.due(now, 50);
    // Rows still under a lease whose holder is known dead need not wait for it to run out.
    const orphaned = (await this.repo.leased(now, 50)).filter((row) => this.abandoned(row));
    let handled = 0;
    for (const row of [...due, ...orphaned]) {
      if (this.local.has(keyOf(row))) continue;
      const tenant = await this.deps.findTenant(row.tenant_id);
      if (!tenant) continue;
      const requestId = `settlement-worker-${row.transaction_id}`;
      const claimed = await this.takeOver(tenant, row, requestId).catch((error: unknown) => {
        this.deps.log.error({ err: error, transaction: row.transaction_id }, 'settlement worker error');
        return true;
      });
      if (claimed) handled++;
    }
    return handled;
  }

  private async resume(tenant: Tenant, held: SettlementRow, requestId: string): Promise<void> {
    // Anything but queued and received (the baixa was never sent) may have reached the ERP: read
    // the bill before sending the baixa again.
    if (held.state !== 'queued' && held.state !== 'received' && held.state !== 'waiting_config') {
      const input = JSON.parse(held.input) as SettleInput;
      let open: boolean;
      try {
        open = await this.billStillOpen(tenant, input, requestId);
      } catch (error) {
        const detail = `reading the bill failed: ${(error as Error).message}`;
        await this.finish(
          held,
          'unknown',
          { last_error: detail, next_attempt_at: this.nextAttempt(held.attempts) },
          'read',
          detail,
        );
        return;
      }
      if (!open) {
        const output: SettleOutput = {
          success: true,
          status: 'settled',
          api_response: 'The bill is no longer open in the ERP: the baixa sent earlier was applied.',
        };
        await this.finish(
          held,
          'settled',
          { outcome: JSON.stringify(output), last_error: null },
          'read',
          output.api_response,
        );
        return;
      }
      const readAt = this.after(held.updated_at);
      await this.repo.recordAttempt({
        tenant_id: held.tenant_id,
        transaction_id: held.transaction_id,
        at: readAt,
        kind: 'read',
        result: 'open',
        detail: 'the bill is still open in the ERP: the baixa is sent again',
      });
    }
    // A refusal (4xx) is stored as `failed` by apply; anything else (the store) propagates.
    await this.apply(tenant, held, requestId).catch((error: unknown) => {
      if (!(error instanceof PonteError)) throw error;
    });
  }

  /** True when the bill is still among the customer's open bills in the ERP. */
  private async billStillOpen(tenant: Tenant, input: SettleInput, requestId: string): Promise<boolean> {
    const bills = (await this.deps.pipeline.run(
      tenant,
      'list_bills',
      { customer_document_number: input.customer_document_number },
      { requestId },
    )) as { remote_id: string }[];
    return bills.some((b) => b.remote_id === input.boleto_id);
  }

  startWorker(): void {
    if (this.timer) return;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.options.workerIntervalMs);
    this.timer.unref();
  }

  async stopWorker(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
  }

  /**
   * The tenant's settings changed: the settlements waiting for configuration are due now (the
   * worker posts them at its next tick if the settings now let it, or they wait again).
   */
  async settingsChanged(tenantId: string): Promise<number> {
    const waiting = await this.repo.list({ tenantId, state: 'waiting_config', limit: 1_000 });
    let due = 0;
    for (const row of waiting) {
      const at = this.after(row.updated_at);
      if (await this.repo.transition(row, { next_attempt_at: this.stamp(), updated_at: at })) due++;
    }
    return due;
  }

  /** Makes a queued, unknown or waiting settlement due now. */
  async retry(tenantId: string, transactionId: string): Promise<SettlementRow> {
    const row = await this.repo.get(tenantId, transactionId);
    if (!row) throw new PonteError('INVALID_INPUT', `no settlement with transaction id '${transactionId}'`);
    if (row.state !== 'queued' && row.state !== 'unknown' && row.state !== 'waiting_config') {
      throw new PonteError(
        'INVALID_INPUT',
        `settlement ${transactionId} is ${row.state}: only queued, unknown or waiting_config ones can be retried`,
      );
    }
    const at = this.after(row.updated_at);
    await this.repo.transition(row, { next_attempt_at: at, updated_at: at });
    return (await this.repo.get(tenantId, transactionId))!;
  }

  async show(tenantId: string, transactionId: string): Promise<SettlementView | undefined> {
    const row = await this.repo.get(tenantId, transactionId);
    if (!row) return undefined;
    const attempts = await this.repo.attempts(tenantId, transactionId);
    return {
      ...row,
      attempts_made: attempts.map(({ at, kind, result, detail }) => ({ at, kind, result, detail })),
    };
  }
}

function keyOf(row: Pick<SettlementRow, 'tenant_id' | 'transaction_id'>): string {
  return `${row.tenant_id}\u0000${row.transaction_id}`;
}

function queuedAnswer(detail: string | null): SettleOutput {
  return {
    success: false,
    status: 'queued',
    api_response: detail ?? 'The ERP could not confirm the settlement yet: Ponte keeps it and applies it.',
  };
}

/** What a duplicate gets for a settlement in a given state. */
function answer(row: SettlementRow): SettleOutput {
  if (row.state === 'failed' && row.outcome) {
    const error = JSON.parse(row.outcome) as { code: string; message: string; details?: unknown };
    throw new PonteError(error.code as never, error.message, { details: error.details });
  }
  if (TERMINAL_STATES.has(row.state) && row.outcome) return JSON.parse(row.outcome) as SettleOutput;
  return queuedAnswer(row.last_error);
}
