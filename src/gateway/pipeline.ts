// The part of a call that reaches the ERP, shared by the HTTP path (Gateway.call) and the
// settlement worker: the tenant's provider and its readiness, the tenant's connection, the ERP's
// breaker and bulkhead, the deadline, and the output check (with the function's own repair pass).
// One object serves both, so a settlement retried by the worker goes through exactly what a call
// from the platform goes through.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { PonteError, functions, type FunctionName, type FunctionSpec } from '../contract/index.js';
import { missingSettings, notReady } from '../providers/readiness.js';
import type { AnyProvider, CallContext, CheckReport } from '../providers/types.js';
import { storeUnavailableError } from '../store/index.js';
import type { CircuitState } from './breaker.js';
import type { GatewayMetrics } from './metrics.js';
import type { ErpProtection, Guard } from './protection.js';
import type { ProviderRegistry } from './registry.js';
import type { Tenant } from './tenant-service.js';

export interface PipelineDeps {
  registry: ProviderRegistry;
  log: Logger;
  dataDir: string;
  metrics: GatewayMetrics;
  now: () => Date;
  protection: ErpProtection;
}

/** What a call through the pipeline knows about its request. */
export interface PipelineRequest {
  requestId: string;
  /** See CallRequest.watchClient. */
  watchClient?: ((onGone: () => void) => () => void) | undefined;
}

interface Connection {
  version: string;
  provider: AnyProvider;
  conn: Promise<unknown>;
}

export class Pipeline {
  private readonly connections = new Map<string, Connection>();
  private readonly guards = new Map<string, { version: string; guard: Guard }>();

  constructor(private readonly deps: PipelineDeps) {}

  /**
   * The tenant's provider, when it can run `name` with the tenant's settings. NOT_SUPPORTED when
   * the ERP cannot do it, or (with `missing_settings` in its details) when the tenant's settings
   * lack what it needs (unless `requireReady` is false: a durable write is stored and waits).
   */
  providerFor(tenant: Tenant, name: FunctionName, options: { requireReady?: boolean } = {}): AnyProvider {
    const provider = this.deps.registry.get(tenant.provider);
    const displayName = provider?.displayName ?? tenant.provider;
    if (!provider?.functions[name]) {
      throw new PonteError('NOT_SUPPORTED', `${displayName} does not support ${name}`, {
        details: { provider: tenant.provider, function: name },
      });
    }
    const missing = options.requireReady === false ? [] : this.missingSettings(tenant, name);
    if (missing.length > 0) throw notReady(displayName, tenant.provider, name, missing);
    return provider;
  }

  /** The settings the tenant lacks for `name` ([] when ready or when the provider lacks it). */
  missingSettings(tenant: Tenant, name: FunctionName): string[] {
    const provider = this.deps.registry.get(tenant.provider);
    return provider ? missingSettings(provider, name, tenant.settings) : [];
  }

  /** Runs one function for a tenant (input already parsed), as the platform's call would. */
  async run(tenant: Tenant, name: FunctionName, input: unknown, req: PipelineRequest): Promise<unknown> {
    const provider = this.providerFor(tenant, name);
    try {
      return await this.execute(functions[name], provider, tenant, input as never, req);
    } catch (error) {
      throw this.toPonteError(error, req.requestId, name);
    }
  }

  /** The deadline around one provider call; the call's own abort signal. */
  async execute(
    spec: FunctionSpec<FunctionName>,
    provider: AnyProvider,
    tenant: Tenant,
    input: never,
    req: PipelineRequest,
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
    req: PipelineRequest,
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
      now: this.deps.now(),
      get log() {
        return logger();
      },
      warn: (message) => warnings.push(message),
      observeErp: (o) =>
        this.deps.metrics.observeErpRequest({
          tenant: tenant.id,
          provider: tenant.provider,
          endpoint: o.endpoint,
          outcome: o.outcome,
          seconds: o.seconds,
        }),
    };
    const conn = await this.connection(provider, tenant);
    const fn = provider.functions[spec.name] as (c: unknown, i: never, call: CallContext) => Promise<unknown>;
    const raw = await this.guard(provider, tenant).run(
      () => withDeadline(fn(conn, input, call), signal, deadline),
      countsAgainstErp,
      signal,
    );
    let checked = spec.output.safeParse(raw);
    if (!checked.success && spec.repairOutput) {
      checked = spec.output.safeParse(spec.repairOutput(raw, (m) => warnings.push(m)));
    }
    if (!checked.success) {
      logger().error(
        { issues: checked.error.issues.map((i) => ({ path: i.path, message: i.message })) },
        'invalid output',
      );
      throw new PonteError('INTERNAL', `the ${provider.displayName} provider produced an invalid answer`);
    }
    for (const message of warnings) {
      this.deps.metrics.warnings.inc({ function: spec.name, tenant: tenant.id });
      logger().warn(message);
    }
    return checked.data;
  }

  /** The breaker and bulkhead of a tenant's ERP (rebuilt when the tenant's settings change). */
  private guard(provider: AnyProvider, tenant: Tenant): Guard {
    const existing = this.guards.get(tenant.id);
    if (existing && existing.version === tenant.updatedAt) return existing.guard;
    const o = tenant.options;
    const guard = this.deps.protection.guard(tenant.id, provider.displayName, {
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
  async check(tenant: Tenant): Promise<CheckReport> {
    const provider = this.deps.registry.get(tenant.provider);
    if (!provider) throw new PonteError('INVALID_INPUT', `unknown provider '${tenant.provider}'`);
    if (!provider.check)
      return { ok: true, messages: [`${provider.displayName} has nothing to check`], choices: {} };
    const requestId = `check-${this.deps.now().getTime()}`;
    const call: CallContext = {
      requestId,
      tenantId: tenant.id,
      signal: AbortSignal.timeout(tenant.options.deadline_ms * 4),
      now: this.deps.now(),
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

  /** Any failure as the PonteError the caller answers (unexpected ones logged with the request id). */
  toPonteError(error: unknown, requestId: string, fn: string): PonteError {
    if (error instanceof PonteError) return error;
    if (error instanceof ClientGoneError) return new PonteError('ERP_UNAVAILABLE', error.message);
    if (error instanceof DeadlineError) {
      return new PonteError('ERP_UNAVAILABLE', `the ERP did not answer within ${error.ms} ms`);
    }
    const unavailable = storeUnavailableError(error);
    if (unavailable) {
      this.deps.log.warn({ err: error, request_id: requestId, function: fn }, 'the database is unreachable');
      return unavailable;
    }
    this.deps.log.error({ err: error, request_id: requestId, function: fn }, 'unexpected error');
    return new PonteError('INTERNAL', 'internal error; the request id identifies it in the logs');
  }

  /** Closes every provider connection (shutdown). */
  async close(): Promise<void> {
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
