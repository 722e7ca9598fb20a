// The call pipeline, written once for every function and every provider:
// authenticate -> function -> key scope -> rate limit -> provider support -> validate input ->
// idempotency (writes) -> cache (catalogue reads) -> deadline -> provider -> validate and
// sanitise output -> audit -> metrics.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import {
  PonteError,
  functions,
  issuesToError,
  type FunctionName,
  type FunctionSpec,
} from '../contract/index.js';
import { storeUnavailableError, type Store } from '../store/index.js';
import type { AnyProvider, CallContext, CheckReport } from '../providers/types.js';
import type { CircuitState } from './breaker.js';
import { fingerprint } from './fingerprint.js';
import { GatewayMetrics } from './metrics.js';
import { MemoryProtection, type ErpProtection, type Guard } from './protection.js';
import type { ProviderRegistry } from './registry.js';
import { sanitizeBills } from './sanitize.js';
import { SettlementService, type SettlementOptions } from './settlement.js';
import { TenantService, type Tenant } from './tenant-service.js';
import { WebhookService, type WebhookOptions } from '../webhooks/service.js';

export interface CallRequest {
  functionName: string;
  body: unknown;
  requestId: string;
  /** The bearer key; the CLI, which acts as the operator, names the tenant instead. */
  apiKey?: string | undefined;
  tenant?: string | undefined;
  /**
   * Watches for the client going away before the answer: calls `onGone` then (at once when it
   * already has) and returns what stops watching. Absent for callers that cannot leave (the CLI,
   * the settlement worker).
   */
  watchClient?: ((onGone: () => void) => () => void) | undefined;
}

export interface CallResult {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface GatewayDeps {
  store: Store;
  registry: ProviderRegistry;
  log: Logger;
  dataDir: string;
  metrics?: GatewayMetrics;
  now?: () => Date;
  settlement?: Partial<SettlementOptions>;
  /** Rate limits, guards and the catalogue cache: per process (default) or shared (fleet mode). */
  protection?: ErpProtection;
  webhooks?: { allowPrivate: boolean; options?: Partial<WebhookOptions> };
}

interface Caller {
  tenant: Tenant;
  keyId: string;
  allowed: ReadonlySet<string> | null;
}

interface Connection {
  version: string;
  provider: AnyProvider;
  conn: Promise<unknown>;
}

/** How long a duplicate waits for the first call with the same idempotency key, beyond the deadline. */
const DUPLICATE_WAIT_EXTRA_MS = 5_000;

export class Gateway {
  readonly tenants: TenantService;
  readonly metrics: GatewayMetrics;
  readonly settlements: SettlementService;
  readonly protection: ErpProtection;
  readonly webhooks: WebhookService;
  private readonly connections = new Map<string, Connection>();
  private readonly tenantCache = new Map<string, Tenant>();
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly guards = new Map<string, { version: string; guard: Guard }>();
  private readonly now: () => Date;

  constructor(private readonly deps: GatewayDeps) {
    this.tenants = new TenantService(deps.store, deps.registry);
    this.metrics = deps.metrics ?? new GatewayMetrics();
    this.now = deps.now ?? (() => new Date());
    this.protection = deps.protection ?? new MemoryProtection();
    this.metrics.protection = () => this.protection.status();
    this.metrics.circuits = () => this.circuits();
    this.webhooks = new WebhookService({
      store: deps.store,
      log: deps.log,
      now: this.now,
      allowPrivate: deps.webhooks?.allowPrivate ?? false,
      ...(deps.webhooks?.options ? { options: deps.webhooks.options } : {}),
    });
    // erp.unavailable / erp.recovered: the protection tells of the circuit changes its calls made.
    this.protection.onCircuitChange((tenantId, erpName, change) =>
      this.webhooks.circuitChanged(tenantId, erpName, change),
    );
    this.settlements = new SettlementService({
      store: deps.store,
      log: deps.log,
      now: this.now,
      findTenant: (id) => this.tenants.find(id),
      run: (tenant, name, input, requestId) => this.runFor(tenant, name, input, requestId),
      ...(deps.settlement ? { options: deps.settlement } : {}),
    });
  }

  /** One function for a tenant, through the breaker, deadline and output checks (for the settlement worker). */
  private async runFor(
    tenant: Tenant,
    name: FunctionName,
    input: unknown,
    requestId: string,
  ): Promise<unknown> {
    const provider = this.deps.registry.get(tenant.provider);
    const req: CallRequest = { functionName: name, body: input, requestId, tenant: tenant.id };
    if (!provider?.functions[name]) {
      throw new PonteError(
        'NOT_SUPPORTED',
        `${provider?.displayName ?? tenant.provider} does not support ${name}`,
      );
    }
    try {
      return await this.execute(functions[name], provider, tenant, input as never, req);
    } catch (error) {
      throw this.toPonteError(error, req, name);
    }
  }

  /** Which functions a tenant's provider implements. */
  supported(tenant: Tenant): FunctionName[] {
    const provider = this.deps.registry.get(tenant.provider);
    return (Object.keys(functions) as FunctionName[]).filter((n) => provider?.functions[n] !== undefined);
  }

  async call(req: CallRequest): Promise<CallResult> {
    const started = performance.now();
    const spec = Object.hasOwn(functions, req.functionName)
      ? (functions[req.functionName as FunctionName] as FunctionSpec<FunctionName>)
      : undefined;
    const fnLabel = spec ? spec.name : 'unknown';
    let tenantLabel = 'unknown';
    let keyId = '';
    let outcome = 'ok';
    try {
      const caller = await this.authenticate(req);
      tenantLabel = caller.tenant.id;
      keyId = caller.keyId;
      if (!spec) throw new PonteError('UNKNOWN_FUNCTION', `no function named '${req.functionName}'`);
      const body = await this.run(spec, caller, req);
      return { status: 200, body, headers: {} };
    } catch (error) {
      const e = this.toPonteError(error, req, fnLabel);
      outcome = e.code;
      const headers: Record<string, string> = {};
      if (e.retryAfterSeconds !== undefined) headers['retry-after'] = String(e.retryAfterSeconds);
      return { status: e.status, body: e.toBody(req.requestId), headers };
    } finally {
      const ms = performance.now() - started;
      this.metrics.recordCall(fnLabel, tenantLabel, outcome, ms / 1000);
      if (tenantLabel !== 'unknown') {
        this.deps.store.audit.record({
          at: this.now().toISOString(),
          request_id: req.requestId,
          tenant_id: tenantLabel,
          key_id: keyId,
          function: fnLabel,
          outcome,
          latency_ms: Math.round(ms),
        });
      }
    }
  }

  private async authenticate(req: CallRequest): Promise<Caller> {
    if (req.tenant !== undefined) {
      const tenant = await this.tenants.find(req.tenant);
      if (!tenant) throw new PonteError('UNAUTHENTICATED', `no tenant '${req.tenant}'`);
      return { tenant, keyId: 'cli', allowed: null };
    }
    if (!req.apiKey)
      throw new PonteError('UNAUTHENTICATED', 'missing API key: send Authorization: Bearer <key>');
    const key = await this.deps.store.keys.resolve(req.apiKey);
    if (!key) throw new PonteError('UNAUTHENTICATED', 'unknown or revoked API key');
    let tenant = this.tenantCache.get(key.tenantId);
    if (!tenant || tenant.updatedAt !== key.tenantUpdatedAt) {
      const loaded = await this.tenants.require(key.tenantId);
      // Concurrent first calls all load the tenant; only a newer version clears its cache, so
      // they do not drop the catalogue read another of them has just started.
      const current = this.tenantCache.get(loaded.id);
      if (current === undefined || current.updatedAt < loaded.updatedAt) {
        if (current !== undefined) this.protection.dropTenant(loaded.id);
        this.tenantCache.set(loaded.id, loaded);
      }
      tenant = this.tenantCache.get(loaded.id) ?? loaded;
    }
    return { tenant, keyId: key.keyId, allowed: key.allowedFunctions };
  }

  private async run(spec: FunctionSpec<FunctionName>, caller: Caller, req: CallRequest): Promise<unknown> {
    const { tenant } = caller;
    if (caller.allowed && !caller.allowed.has(spec.name)) {
      throw new PonteError('FORBIDDEN', `this API key may not call ${spec.name}`);
    }
    const rate = tenant.options.rate_limit_per_second;
    if (rate !== null) {
      const wait = await this.protection.take(tenant.id, rate);
      if (wait > 0) {
        throw new PonteError('RATE_LIMITED', `more than ${rate} calls per second`, {
          retryAfterSeconds: wait,
        });
      }
    }
    const provider = this.deps.registry.get(tenant.provider);
    const fn = provider?.functions[spec.name];
    if (!provider || !fn) {
      throw new PonteError(
        'NOT_SUPPORTED',
        `${provider?.displayName ?? tenant.provider} does not support ${spec.name}`,
        { details: { provider: tenant.provider, function: spec.name } },
      );
    }
    const parsed = spec.input.safeParse(req.body ?? {});
    if (!parsed.success) throw issuesToError(parsed.error);
    const input = parsed.data as never;

    if (spec.name === 'settle_bill') {
      return this.settlements.settle(tenant, input, req.requestId);
    }
    const execute = () => this.execute(spec, provider, tenant, input, req);
    const idemKey = spec.idempotencyKey?.(input) ?? null;
    if (idemKey !== null) return this.idempotent(spec, tenant, idemKey, input, req, execute);
    if (spec.cacheable && tenant.options.cache_ttl_seconds > 0) {
      // The tenant's version is in the key: a fleet's shared entries change with its settings.
      return this.protection.cached(
        `${tenant.id}:${spec.name}:${tenant.updatedAt}`,
        tenant.options.cache_ttl_seconds * 1000,
        execute,
        tenant.options.deadline_ms + DUPLICATE_WAIT_EXTRA_MS,
      );
    }
    return execute();
  }

  private async execute(
    spec: FunctionSpec<FunctionName>,
    provider: AnyProvider,
    tenant: Tenant,
    input: never,
    req: CallRequest,
  ): Promise<unknown> {
    const deadline = tenant.options.deadline_ms;
    // One controller and one timer per call, cleared as soon as the call settles. (AbortSignal.timeout
    // and AbortSignal.any keep every call's signal and timer alive for the whole deadline on Node 20:
    // thousands of them under load.)
    const stop = new AbortController();
    const signal = stop.signal;
    const timer = setTimeout(() => stop.abort(new DeadlineError(deadline)), deadline);
    const unwatch = req.watchClient?.(() => stop.abort(new ClientGoneError()));
    try {
      return await this.executeWithin(spec, provider, tenant, input, req, signal, deadline);
    } finally {
      clearTimeout(timer);
      unwatch?.();
    }
  }

  private async executeWithin(
    spec: FunctionSpec<FunctionName>,
    provider: AnyProvider,
    tenant: Tenant,
    input: never,
    req: CallRequest,
    signal: AbortSignal,
    deadline: number,
  ): Promise<unknown> {
    const warnings: string[] = [];
    // The call's logger is made when something is logged (rarely): a pino child per call costs.
    let callLog: Logger | undefined;
    const parentLog = this.deps.log;
    const logger = () =>
      (callLog ??= parentLog.child({ request_id: req.requestId, tenant: tenant.id, function: spec.name }));
    const call: CallContext = {
      requestId: req.requestId,
      tenantId: tenant.id,
      signal,
      now: this.now(),
      get log() {
        return logger();
      },
      warn: (message) => warnings.push(message),
    };
    const conn = await this.connection(provider, tenant);
    const fn = provider.functions[spec.name] as (c: unknown, i: never, call: CallContext) => Promise<unknown>;
    const raw = await this.guard(provider, tenant).run(
      () => withDeadline(fn(conn, input, call), signal, deadline),
      countsAgainstErp,
      signal,
    );
    let checked = spec.output.safeParse(raw);
    // Bills that fail the schema get one repair pass: a linha digitável or Pix code failing its
    // check digits is removed with a warning, a barcode becomes its line, amounts that do not add
    // up are the ERP's contradiction. Valid answers (nearly all) are checked once.
    if (!checked.success && (spec.name === 'list_bills' || spec.name === 'get_bill')) {
      checked = spec.output.safeParse(sanitizeBills(raw, (m) => warnings.push(m)));
    }
    if (!checked.success) {
      logger().error(
        { issues: checked.error.issues.map((i) => ({ path: i.path, message: i.message })) },
        'invalid output',
      );
      throw new PonteError('INTERNAL', `the ${provider.displayName} provider produced an invalid answer`);
    }
    for (const message of warnings) {
      this.metrics.warnings.inc({ function: spec.name, tenant: tenant.id });
      logger().warn(message);
    }
    return checked.data;
  }

  /** The breaker and bulkhead of a tenant's ERP (rebuilt when the tenant's settings change). */
  private guard(provider: AnyProvider, tenant: Tenant): Guard {
    const existing = this.guards.get(tenant.id);
    if (existing && existing.version === tenant.updatedAt) return existing.guard;
    const o = tenant.options;
    const guard = this.protection.guard(tenant.id, provider.displayName, {
      failureThreshold: o.circuit_failure_threshold,
      openMs: o.circuit_open_seconds * 1000,
      maxConcurrent: o.max_concurrent_calls,
      maxQueued: o.max_concurrent_calls * 8,
      deadlineMs: o.deadline_ms,
    });
    this.guards.set(tenant.id, { version: tenant.updatedAt, guard });
    return guard;
  }

  /** Runs the provider's check for a tenant: credentials, and the ids an operator can choose. */
  async check(idOrName: string): Promise<CheckReport> {
    const tenant = await this.tenants.find(idOrName);
    if (!tenant) throw new PonteError('INVALID_INPUT', `no tenant '${idOrName}'`);
    const provider = this.deps.registry.get(tenant.provider);
    if (!provider) throw new PonteError('INVALID_INPUT', `unknown provider '${tenant.provider}'`);
    if (!provider.check)
      return { ok: true, messages: [`${provider.displayName} has nothing to check`], choices: {} };
    const requestId = `check-${Date.now()}`;
    const call: CallContext = {
      requestId,
      tenantId: tenant.id,
      signal: AbortSignal.timeout(tenant.options.deadline_ms * 4),
      now: this.now(),
      log: this.deps.log.child({ request_id: requestId, tenant: tenant.id }),
      warn: () => undefined,
    };
    const conn = await this.connection(provider, tenant);
    return provider.check(conn, call);
  }

  /** Circuit state and load of every tenant ERP this process has called. */
  circuits(): { tenant: string; state: CircuitState; in_flight: number; queued: number }[] {
    return [...this.guards.entries()].map(([tenant, { guard }]) => ({
      tenant,
      state: guard.circuit,
      in_flight: guard.active,
      queued: guard.queued,
    }));
  }

  private async connection(provider: AnyProvider, tenant: Tenant): Promise<unknown> {
    const existing = this.connections.get(tenant.id);
    if (existing && existing.version === tenant.updatedAt) return existing.conn;
    const conn = provider.connect({
      tenantId: tenant.id,
      settings: tenant.settings,
      options: tenant.options,
      dataDir: this.deps.dataDir,
      log: this.deps.log.child({ tenant: tenant.id }),
    });
    this.connections.set(tenant.id, { version: tenant.updatedAt, provider, conn });
    conn.catch(() => {
      if (this.connections.get(tenant.id)?.conn === conn) this.connections.delete(tenant.id);
    });
    if (existing) void this.closeLater(existing.provider, existing.conn);
    return conn;
  }

  private async closeLater(provider: AnyProvider, conn: Promise<unknown>): Promise<void> {
    // Calls already running on the old connection get time to finish.
    await sleep(30_000, undefined, { ref: false });
    await provider.close?.(await conn).catch(() => undefined);
  }

  private async idempotent(
    spec: FunctionSpec<FunctionName>,
    tenant: Tenant,
    key: string,
    input: unknown,
    req: CallRequest,
    execute: () => Promise<unknown>,
  ): Promise<unknown> {
    const repo = this.deps.store.idempotency;
    const id = { tenantId: tenant.id, fn: spec.name, key };
    const fp = fingerprint(input);
    const local = `${tenant.id}\u0000${spec.name}\u0000${key}`;
    const giveUpAt = Date.now() + tenant.options.deadline_ms + DUPLICATE_WAIT_EXTRA_MS;
    for (;;) {
      const claim = await repo.claim(id, fp, this.now());
      if (claim.state === 'conflict') {
        throw new PonteError(
          'IDEMPOTENCY_CONFLICT',
          `${spec.name} was already called with this key and other content`,
          {
            details: { key },
          },
        );
      }
      if (claim.state === 'done') return replay(claim.response);
      if (claim.state === 'claimed') return this.runClaimed(id, local, req, execute);
      const running = this.inFlight.get(local);
      if (running) {
        await running.catch(() => undefined);
        continue;
      }
      const staleMs = 2 * tenant.options.deadline_ms + DUPLICATE_WAIT_EXTRA_MS;
      if (claim.since !== null && Date.parse(claim.since) < this.now().getTime() - staleMs) {
        if (await repo.takeOver(id, claim.since, this.now())) return this.runClaimed(id, local, req, execute);
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

  private async runClaimed(
    id: { tenantId: string; fn: string; key: string },
    local: string,
    req: CallRequest,
    execute: () => Promise<unknown>,
  ): Promise<unknown> {
    const repo = this.deps.store.idempotency;
    const running = (async () => {
      try {
        const body = await execute();
        await repo.complete(id, 200, JSON.stringify({ ok: true, body }), this.now());
        return body;
      } catch (error) {
        const e = this.toPonteError(error, req, id.fn);
        // Server-side failures may not have reached the ERP: the key is given back so a retry can
        // go through. Answers the caller must not retry into a different outcome are kept.
        if (e.status >= 500) await repo.release(id);
        else
          await repo.complete(
            id,
            e.status,
            JSON.stringify({ ok: false, error: e.toBody('').error }),
            this.now(),
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

  private toPonteError(error: unknown, req: CallRequest, fn: string): PonteError {
    if (error instanceof PonteError) return error;
    if (error instanceof ClientGoneError) return new PonteError('ERP_UNAVAILABLE', error.message);
    if (error instanceof DeadlineError) {
      return new PonteError('ERP_UNAVAILABLE', `the ERP did not answer within ${error.ms} ms`);
    }
    const unavailable = storeUnavailableError(error);
    if (unavailable) {
      this.deps.log.warn(
        { err: error, request_id: req.requestId, function: fn },
        'the database is unreachable',
      );
      return unavailable;
    }
    this.deps.log.error({ err: error, request_id: req.requestId, function: fn }, 'unexpected error');
    return new PonteError('INTERNAL', 'internal error; the request id identifies it in the logs');
  }

  /** Closes every provider connection (shutdown). */
  async close(): Promise<void> {
    await this.settlements.stopWorker();
    await this.webhooks.close();
    await this.protection.close();
    const all = [...this.connections.values()];
    this.connections.clear();
    await Promise.all(
      all.map(async ({ provider, conn }) => {
        const c = await conn.catch(() => undefined);
        if (c !== undefined) await provider.close?.(c).catch(() => undefined);
      }),
    );
  }
}

/** What says the ERP itself is failing (as opposed to a refusal or a bad input). */
function countsAgainstErp(error: unknown): boolean {
  return error instanceof DeadlineError || (error instanceof PonteError && error.code === 'ERP_UNAVAILABLE');
}

class DeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`deadline of ${ms} ms exceeded`);
  }
}

/** The platform closed the connection before the answer: not the ERP's fault. */
class ClientGoneError extends Error {
  constructor() {
    super('the client closed the connection before the answer');
  }
}

/**
 * Settles with the provider's answer, or rejects when the signal aborts first: with the signal's
 * reason, a DeadlineError when the deadline passed, a ClientGoneError when the client left (which
 * must not count against the ERP's circuit).
 */
function withDeadline<T>(work: Promise<T>, signal: AbortSignal, ms: number): Promise<T> {
  const stopped = (): Error =>
    signal.reason instanceof ClientGoneError ? signal.reason : new DeadlineError(ms);
  if (signal.aborted) {
    // The work still settles later; its rejection must not go unhandled.
    work.catch(() => undefined);
    return Promise.reject(stopped());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(stopped());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        if (!(e instanceof Error)) reject(new Error(String(e)));
        else reject(e.name === 'AbortError' && signal.aborted ? stopped() : e);
      },
    );
  });
}

function replay(response: string): unknown {
  const stored = JSON.parse(response) as
    | { ok: true; body: unknown }
    | { ok: false; error: { code: string; message: string; details?: unknown; upstream?: never } };
  if (stored.ok) return stored.body;
  const { code, message, details, upstream } = stored.error;
  throw new PonteError(code as never, message, { details, upstream });
}
