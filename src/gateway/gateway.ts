// The call pipeline, written once for every function and every provider:
// authenticate -> function -> key scope -> rate limit -> provider support and readiness ->
// validate input -> durable write (settlement) | idempotency (writes) | cache (catalogue reads) ->
// pipeline (deadline, breaker, provider, output check and repair) -> audit -> metrics.
// What a function needs is read from its spec (src/contract/functions.ts): no function is named here.
import type { Logger } from 'pino';
import {
  PonteError,
  functions,
  issuesToError,
  type FunctionName,
  type FunctionSpec,
} from '../contract/index.js';
import { readiness, type Readiness } from '../providers/readiness.js';
import type { CheckReport } from '../providers/types.js';
import type { Store } from '../store/index.js';
import type { CircuitState } from './breaker.js';
import { DUPLICATE_WAIT_EXTRA_MS, Idempotency } from './idempotency.js';
import { GatewayMetrics } from './metrics.js';
import { Pipeline } from './pipeline.js';
import { MemoryProtection, type ErpProtection } from './protection.js';
import type { ProviderRegistry } from './registry.js';
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
  /** The tenant the key named (for the request log line); absent when the key was not valid. */
  tenantId?: string;
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

export class Gateway {
  readonly tenants: TenantService;
  readonly metrics: GatewayMetrics;
  readonly settlements: SettlementService;
  readonly protection: ErpProtection;
  readonly webhooks: WebhookService;
  /** The part of a call that reaches the ERP; the settlement worker shares it. */
  readonly pipeline: Pipeline;
  private readonly idempotency: Idempotency;
  private readonly tenantCache = new Map<string, Tenant>();
  private readonly now: () => Date;

  constructor(private readonly deps: GatewayDeps) {
    this.tenants = new TenantService(deps.store, deps.registry);
    this.metrics = deps.metrics ?? new GatewayMetrics();
    this.now = deps.now ?? (() => new Date());
    this.protection = deps.protection ?? new MemoryProtection(() => this.now().getTime());
    this.pipeline = new Pipeline({
      registry: deps.registry,
      log: deps.log,
      dataDir: deps.dataDir,
      metrics: this.metrics,
      now: this.now,
      protection: this.protection,
    });
    this.idempotency = new Idempotency({
      store: deps.store,
      now: this.now,
      toPonteError: (error, fn) => this.pipeline.toPonteError(error, '', fn),
    });
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
      pipeline: this.pipeline,
      ...(deps.settlement ? { options: deps.settlement } : {}),
    });
  }

  /** Which functions a tenant's provider implements. */
  supported(tenant: Tenant): FunctionName[] {
    const provider = this.deps.registry.get(tenant.provider);
    return (Object.keys(functions) as FunctionName[]).filter((n) => provider?.functions[n] !== undefined);
  }

  /** Per function: whether the tenant's ERP can do it, and whether the tenant's settings let it. */
  readiness(tenant: Tenant): Record<FunctionName, Readiness> {
    const provider = this.deps.registry.get(tenant.provider);
    const out = {} as Record<FunctionName, Readiness>;
    for (const name of Object.keys(functions) as FunctionName[]) {
      out[name] = provider
        ? readiness(provider, name, tenant.settings)
        : { supported: false, ready: false, missing_settings: [] };
    }
    return out;
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
      return { status: 200, body, headers: {}, tenantId: tenantLabel };
    } catch (error) {
      const e = this.toPonteError(error, req, fnLabel);
      outcome = e.code;
      const headers: Record<string, string> = {};
      if (e.retryAfterSeconds !== undefined) headers['retry-after'] = String(e.retryAfterSeconds);
      return {
        status: e.status,
        body: e.toBody(req.requestId),
        headers,
        ...(tenantLabel !== 'unknown' ? { tenantId: tenantLabel } : {}),
      };
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
    // A durable write whose settings are missing is still taken (and waits for them, stored);
    // anything else the tenant cannot run yet is refused before its input is read.
    const provider = this.pipeline.providerFor(tenant, spec.name, { requireReady: !spec.durable });
    const parsed = spec.input.safeParse(req.body ?? {});
    if (!parsed.success) throw issuesToError(parsed.error);
    const input = parsed.data as never;

    if (spec.durable) return this.settlements.settle(tenant, input, req.requestId);
    const execute = () => this.pipeline.execute(spec, provider, tenant, input, req);
    const idemKey = spec.idempotencyKey?.(input) ?? null;
    if (idemKey !== null) return this.idempotency.run(spec.name, tenant, idemKey, input, execute);
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

  /** Runs the provider's check for a tenant: credentials, and the ids an operator can choose. */
  async check(idOrName: string): Promise<CheckReport> {
    const tenant = await this.tenants.find(idOrName);
    if (!tenant) throw new PonteError('INVALID_INPUT', `no tenant '${idOrName}'`);
    const report = await this.pipeline.check(tenant);
    // One rule for every provider: what the tenant's settings keep from running.
    const blocks = new Map<string, FunctionName[]>();
    for (const [name, r] of Object.entries(this.readiness(tenant)) as [FunctionName, Readiness][]) {
      for (const setting of r.missing_settings) blocks.set(setting, [...(blocks.get(setting) ?? []), name]);
    }
    const missing = [...blocks].map(([setting, fns]) => ({ setting, blocks: fns }));
    const waiting = await this.deps.store.settlements.list({
      tenantId: tenant.id,
      state: 'waiting_config',
      limit: 1_000,
    });
    const messages = [...report.messages];
    // A provider's own check may already say it (with the modes only it knows): said once.
    for (const m of missing) {
      if (!messages.some((line) => line.startsWith(`${m.setting} is not set`))) {
        messages.push(`${m.setting} is not set: ${m.blocks.join(', ')} cannot run until it is`);
      }
    }
    if (waiting.length > 0) {
      messages.push(
        `${waiting.length} settlement(s) stored and waiting for these settings (ponte settlements list --state waiting_config)`,
      );
    }
    return {
      ...report,
      ok: report.ok && missing.length === 0,
      messages,
      missing_settings: missing,
      waiting_settlements: waiting.length,
    };
  }

  /** Circuit state and load of every tenant ERP this process has called. */
  circuits(): { tenant: string; state: CircuitState; in_flight: number; queued: number }[] {
    return this.pipeline.circuits();
  }

  private toPonteError(error: unknown, req: CallRequest, fn: string): PonteError {
    return this.pipeline.toPonteError(error, req.requestId, fn);
  }

  /** Closes every provider connection (shutdown). */
  async close(): Promise<void> {
    await this.settlements.stopWorker();
    await this.webhooks.close();
    await this.protection.close();
    await this.pipeline.close();
  }
}
