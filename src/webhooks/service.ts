// Webhooks (docs/webhooks.md): each tenant's endpoints, and the worker that delivers the outbox.
//
// - Events are written to the store's outbox (webhook_events) with one delivery per endpoint that
//   takes them; settlement events in the same transaction as the settlement's last change
//   (settlement.ts), circuit events when this instance's call flipped the circuit.
// - Every `ponte serve` runs the worker. A delivery is claimed by compare-and-set with a lease
//   (the request's deadline + 5 s), so the instances on one database share the outbox and each
//   delivery is sent by one of them at a time; a claimer that dies leaves a lease that runs out,
//   and the delivery is sent again with the same event id (at least once).
// - A failed attempt (no answer, or not 2xx) is retried with exponential backoff and jitter until
//   a day has passed, then the delivery is `failed` and listed; an operator can redeliver it.
// - Per endpoint, the events of one transaction (one ordering key) go out in the order they were
//   written: a later one waits while an earlier one is pending.
// - The connection's DNS lookup refuses private addresses (address.ts), at every delivery.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { Agent, request } from 'undici';
import { PonteError } from '../contract/index.js';
import type { Store, WebhookDeliveryRow, WebhookEndpointRow } from '../store/index.js';
import { DELIVERY_WINDOW_MS } from '../store/webhooks.js';
import { checkWebhookUrl, guardedLookup, WebhookAddressError } from './address.js';
import { circuitEvent, EVENT_TYPES, testEvent } from './events.js';
import { SIGNATURE_HEADER, signatureHeader } from './verify.js';

export interface WebhookOptions {
  /** How often the worker looks for due deliveries. */
  intervalMs: number;
  /** First retry delay; doubles per attempt up to maxBackoffMs, with jitter. */
  retryBaseMs: number;
  maxBackoffMs: number;
  /** How long a delivery is retried before it is marked failed. */
  giveUpAfterMs: number;
  /** Deadline of one delivery request. */
  timeoutMs: number;
  /** How long the previous secret still signs after a rotation. */
  secretOverlapMs: number;
}

export const defaultWebhookOptions: WebhookOptions = {
  intervalMs: 1_000,
  retryBaseMs: 10_000,
  maxBackoffMs: 3_600_000,
  giveUpAfterMs: DELIVERY_WINDOW_MS,
  timeoutMs: 10_000,
  secretOverlapMs: 86_400_000,
};

interface Deps {
  store: Store;
  log: Logger;
  /** PONTE_WEBHOOKS_ALLOW_PRIVATE: loopback and private addresses may be endpoints. */
  allowPrivate: boolean;
  now?: () => Date;
  options?: Partial<WebhookOptions>;
}

export interface EndpointView {
  id: string;
  tenant_id: string;
  url: string;
  events: string[];
  created_at: string;
  /** Until when the secret before the last rotation still signs (null: no rotation in progress). */
  previous_secret_until: string | null;
}

const USER_AGENT = 'Ponte-Webhooks/1';

export class WebhookService {
  private readonly options: WebhookOptions;
  private readonly owner = `webhooks-${randomBytes(6).toString('hex')}`;
  private readonly agent: Agent;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<number> | null = null;
  private failing = false;

  constructor(private readonly deps: Deps) {
    this.options = { ...defaultWebhookOptions, ...deps.options };
    this.agent = new Agent({
      connect: { lookup: guardedLookup(deps.allowPrivate), timeout: this.options.timeoutMs },
      headersTimeout: this.options.timeoutMs,
      bodyTimeout: this.options.timeoutMs,
      keepAliveTimeout: 4_000,
    });
  }

  private get repo() {
    return this.deps.store.webhooks;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private after(previous: string): string {
    return new Date(Math.max(this.now().getTime(), Date.parse(previous) + 1)).toISOString();
  }

  private aad(endpointId: string): string {
    return `webhook:${endpointId}`;
  }

  private view(row: WebhookEndpointRow): EndpointView {
    const until = row.previous_secret_until;
    return {
      id: row.id,
      tenant_id: row.tenant_id,
      url: row.url,
      events: JSON.parse(row.events) as string[],
      created_at: row.created_at,
      previous_secret_until: until !== null && until > this.now().toISOString() ? until : null,
    };
  }

  private async checkedUrl(url: unknown): Promise<string> {
    if (typeof url !== 'string' || url.length > 2000) {
      throw new PonteError('INVALID_INPUT', 'url must be an http(s) URL of at most 2000 characters', {
        details: [{ path: 'url', message: 'required' }],
      });
    }
    try {
      return (await checkWebhookUrl(url, this.deps.allowPrivate)).href;
    } catch (error) {
      if (error instanceof WebhookAddressError) {
        throw new PonteError('INVALID_INPUT', error.message, {
          details: [{ path: 'url', message: error.message }],
        });
      }
      throw error;
    }
  }

  private checkedEvents(events: unknown): string[] {
    if (events === undefined || events === null) return [...EVENT_TYPES];
    const known = new Set<string>([...EVENT_TYPES, '*']);
    if (
      !Array.isArray(events) ||
      events.length === 0 ||
      events.some((e) => typeof e !== 'string' || !known.has(e))
    ) {
      throw new PonteError('INVALID_INPUT', `events must be a non-empty list of: ${[...known].join(', ')}`, {
        details: [{ path: 'events', message: 'unknown event type' }],
      });
    }
    return [...new Set(events as string[])];
  }

  /** A new endpoint and its signing secret (shown this once). */
  async add(
    tenantId: string,
    input: { url: unknown; events?: unknown },
  ): Promise<{ endpoint: EndpointView; secret: string }> {
    const url = await this.checkedUrl(input.url);
    const events = this.checkedEvents(input.events);
    const id = `we_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    const secret = newSecret();
    const row: WebhookEndpointRow = {
      id,
      tenant_id: tenantId,
      url,
      events: JSON.stringify(events),
      secret: this.deps.store.secrets.seal(secret, this.aad(id)),
      previous_secret: null,
      previous_secret_until: null,
      created_at: this.now().toISOString(),
      removed_at: null,
    };
    await this.repo.insertEndpoint(row);
    return { endpoint: this.view(row), secret };
  }

  async list(tenantId?: string): Promise<EndpointView[]> {
    return (await this.repo.listEndpoints(tenantId)).map((r) => this.view(r));
  }

  async get(id: string): Promise<EndpointView> {
    return this.view(await this.requireEndpoint(id));
  }

  private async requireEndpoint(id: string): Promise<WebhookEndpointRow> {
    const row = await this.repo.getEndpoint(id);
    if (!row || row.removed_at !== null) throw new PonteError('INVALID_INPUT', `no webhook endpoint '${id}'`);
    return row;
  }

  /** Stops deliveries to it; its pending deliveries are marked failed by the worker. */
  async remove(id: string): Promise<EndpointView> {
    const row = await this.requireEndpoint(id);
    await this.repo.updateEndpoint(id, { removed_at: this.now().toISOString() });
    return this.view(row);
  }

  /** A new secret (shown once); the one it replaces keeps signing for `secretOverlapMs`. */
  async rotate(id: string): Promise<{ endpoint: EndpointView; secret: string }> {
    const row = await this.requireEndpoint(id);
    const secret = newSecret();
    const changes = {
      secret: this.deps.store.secrets.seal(secret, this.aad(id)),
      previous_secret: row.secret,
      previous_secret_until: new Date(this.now().getTime() + this.options.secretOverlapMs).toISOString(),
    };
    await this.repo.updateEndpoint(id, changes);
    return { endpoint: this.view({ ...row, ...changes }), secret };
  }

  /** Queues a `webhook.test` event to this endpoint alone; the worker delivers it like any other. */
  async test(id: string): Promise<{ event_id: string }> {
    const row = await this.requireEndpoint(id);
    const event = testEvent(row.tenant_id, id, this.now().toISOString());
    await this.repo.enqueue(event, { onlyEndpoint: id, giveUpAfterMs: this.options.giveUpAfterMs });
    return { event_id: event.id };
  }

  /** erp.unavailable / erp.recovered (the protection's circuit listener); never throws. */
  circuitChanged(tenantId: string, erpName: string, change: 'opened' | 'closed'): void {
    const event = circuitEvent(tenantId, erpName, change, this.now().toISOString());
    this.repo.enqueue(event, { giveUpAfterMs: this.options.giveUpAfterMs }).catch((error: unknown) => {
      this.deps.log.warn(
        { err: error, tenant: tenantId, type: event.type },
        'could not store a webhook event',
      );
    });
  }

  async deliveries(filter: {
    tenantId?: string;
    endpointId?: string;
    state?: string;
    limit: number;
  }): Promise<(WebhookDeliveryRow & { type: string })[]> {
    const states = ['pending', 'delivering', 'delivered', 'failed'];
    if (filter.state !== undefined && !states.includes(filter.state)) {
      throw new PonteError('INVALID_INPUT', `state must be one of ${states.join(', ')}`);
    }
    return this.repo.listDeliveries({
      ...(filter.tenantId !== undefined ? { tenantId: filter.tenantId } : {}),
      ...(filter.endpointId !== undefined ? { endpointId: filter.endpointId } : {}),
      ...(filter.state !== undefined ? { state: filter.state as WebhookDeliveryRow['state'] } : {}),
      limit: filter.limit,
    });
  }

  /** One delivery with its event's body and every attempt (status, latency). */
  async showDelivery(id: number) {
    const row = await this.repo.getDelivery(id);
    if (!row) throw new PonteError('INVALID_INPUT', `no webhook delivery ${id}`);
    const event = await this.repo.getEvent(row.event_id);
    const attempts = await this.repo.attempts(id);
    return {
      ...row,
      type: event?.type ?? '',
      body: event ? (JSON.parse(event.body) as unknown) : null,
      attempts_made: attempts.map(({ at, status, latency_ms, error }) => ({ at, status, latency_ms, error })),
    };
  }

  /** Sends a delivery again now (delivered, failed or waiting), with a new day of retries. */
  async redeliver(id: number): Promise<WebhookDeliveryRow> {
    const row = await this.repo.getDelivery(id);
    if (!row) throw new PonteError('INVALID_INPUT', `no webhook delivery ${id}`);
    if (row.state === 'delivering') throw new PonteError('INVALID_INPUT', `delivery ${id} is being sent now`);
    const at = this.after(row.updated_at);
    const moved = await this.repo.transition(row, {
      state: 'pending',
      next_attempt_at: at,
      give_up_at: new Date(Date.parse(at) + this.options.giveUpAfterMs).toISOString(),
      updated_at: at,
    });
    if (!moved) throw new PonteError('INVALID_INPUT', `delivery ${id} changed meanwhile; try again`);
    return (await this.repo.getDelivery(id))!;
  }

  /** Sends what is due once; returns how many deliveries it attempted. */
  async tick(): Promise<number> {
    if (this.ticking) return this.ticking;
    this.ticking = this.runTick()
      .then((n) => {
        if (this.failing) this.deps.log.info('the webhook worker reaches the database again');
        this.failing = false;
        return n;
      })
      .catch((error: unknown) => {
        if (!this.failing)
          this.deps.log.warn({ err: error }, 'the webhook worker cannot read the outbox; it keeps trying');
        this.failing = true;
        return 0;
      })
      .finally(() => {
        this.ticking = null;
      });
    return this.ticking;
  }

  private async runTick(): Promise<number> {
    const due = await this.repo.due(this.now().toISOString(), 50);
    const sent = await Promise.all(due.map((row) => this.claimAndSend(row)));
    return sent.filter(Boolean).length;
  }

  private async claimAndSend(row: WebhookDeliveryRow): Promise<boolean> {
    const claim = {
      state: 'delivering' as const,
      attempts: row.attempts + 1,
      lease_owner: this.owner,
      lease_until: new Date(this.now().getTime() + this.options.timeoutMs + 5_000).toISOString(),
      updated_at: this.after(row.updated_at),
    };
    if (!(await this.repo.transition(row, claim))) return false;
    const held = { ...row, ...claim };
    const endpoint = await this.repo.getEndpoint(row.endpoint_id);
    const event = await this.repo.getEvent(row.event_id);
    if (!endpoint || endpoint.removed_at !== null || !event) {
      await this.repo.transition(held, {
        state: 'failed',
        lease_owner: null,
        lease_until: null,
        next_attempt_at: null,
        last_error: 'the endpoint was removed',
        updated_at: this.after(held.updated_at),
      });
      return false;
    }
    const result = await this.send(endpoint, event.id, event.type, event.body, held.attempts);
    const at = this.after(held.updated_at);
    await this.repo.recordAttempt({
      delivery_id: row.id,
      at,
      status: result.status,
      latency_ms: result.latencyMs,
      error: result.error,
    });
    if (result.ok) {
      await this.repo.transition(held, {
        state: 'delivered',
        lease_owner: null,
        lease_until: null,
        next_attempt_at: null,
        last_status: result.status,
        last_error: null,
        updated_at: at,
      });
      return true;
    }
    const next = this.nextAttempt(held.attempts);
    const givingUp = next >= held.give_up_at;
    await this.repo.transition(held, {
      state: givingUp ? 'failed' : 'pending',
      lease_owner: null,
      lease_until: null,
      next_attempt_at: givingUp ? null : next,
      last_status: result.status,
      last_error: result.error,
      updated_at: at,
    });
    if (givingUp) {
      this.deps.log.warn(
        { tenant: row.tenant_id, endpoint: row.endpoint_id, event: row.event_id, attempts: held.attempts },
        'webhook delivery failed for a day: given up (ponte webhooks deliveries --state failed)',
      );
    }
    return true;
  }

  private nextAttempt(attempts: number): string {
    const base = Math.min(
      this.options.retryBaseMs * 2 ** Math.max(0, attempts - 1),
      this.options.maxBackoffMs,
    );
    // Jitter: anywhere in the upper half, so endpoints that failed together do not retry together.
    const delay = base / 2 + Math.random() * (base / 2);
    return new Date(this.now().getTime() + delay).toISOString();
  }

  private async send(
    endpoint: WebhookEndpointRow,
    eventId: string,
    type: string,
    body: string,
    attempt: number,
  ): Promise<{ ok: boolean; status: number | null; latencyMs: number; error: string | null }> {
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    let secrets: string[];
    try {
      secrets = [this.deps.store.secrets.open(endpoint.secret, this.aad(endpoint.id))];
      if (
        endpoint.previous_secret !== null &&
        (endpoint.previous_secret_until ?? '') > this.now().toISOString()
      ) {
        secrets.push(this.deps.store.secrets.open(endpoint.previous_secret, this.aad(endpoint.id)));
      }
    } catch {
      return { ok: false, status: null, latencyMs: latency(), error: 'the endpoint secret cannot be opened' };
    }
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), this.options.timeoutMs);
    try {
      // Checked again at every delivery: IP literals here (a connection to one makes no DNS
      // lookup), names here and again in the connection's own lookup (guardedLookup).
      await checkWebhookUrl(endpoint.url, this.deps.allowPrivate);
      const timestamp = Math.floor(this.now().getTime() / 1000);
      const res = await request(endpoint.url, {
        method: 'POST',
        dispatcher: this.agent,
        signal: stop.signal,
        headers: {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(body, secrets, timestamp),
          'ponte-event-id': eventId,
          'ponte-event-type': type,
          'ponte-delivery-attempt': String(attempt),
        },
        body,
      });
      await res.body.dump({ limit: 65_536 }).catch(() => undefined);
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      return {
        ok,
        status: res.statusCode,
        latencyMs: latency(),
        error: ok ? null : `HTTP ${res.statusCode}`,
      };
    } catch (error) {
      const message = stop.signal.aborted
        ? `no answer within ${this.options.timeoutMs} ms`
        : ((error as Error).message || String(error)).slice(0, 500);
      return { ok: false, status: null, latencyMs: latency(), error: message };
    } finally {
      clearTimeout(timer);
    }
  }

  startWorker(): void {
    if (this.timer) return;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
    await this.agent.close();
  }
}

function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}
