// The console's JSON API under /console/api, behind the session (index.ts checks it and the CSRF
// token before these run). It serves the front end only: shapes follow its pages (names beside
// ids, secrets never sent back), and every action goes through the same services as the CLI and
// the admin API (Admin, TenantService, SettlementService).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PonteError, errorCatalogue, functionNames, functions } from '../contract/index.js';
import { Admin } from '../gateway/admin.js';
import type { Gateway } from '../gateway/gateway.js';
import type { Tenant } from '../gateway/tenant-service.js';
import { tenantOptionsSchema } from '../providers/tenant-options.js';
import type { AnyProvider, CheckReport } from '../providers/types.js';
import type { Store } from '../store/index.js';
import type { SettlementState } from '../store/schema.js';
import {
  getCall,
  hourCounts,
  lastHour,
  listCalls,
  listSettlements,
  needsAttention,
  settlementCounts,
} from './queries.js';
import { readiness } from './readiness.js';

export interface ApiDeps {
  gateway: Gateway;
  store: Store;
  providers: readonly AnyProvider[];
  now: () => number;
}

type Query = Record<string, string | undefined>;

const SETTLEMENT_STATES: readonly SettlementState[] = [
  'received',
  'applying',
  'settled',
  'already_settled',
  'rejected',
  'unknown',
  'queued',
  'failed',
];

function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new PonteError('INVALID_INPUT', 'the request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

function limitOf(raw: string | undefined, fallback = 100): number {
  return Math.min(1000, Math.max(1, Number(raw ?? fallback) || fallback));
}

function isoOf(raw: string | undefined, name: string): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw new PonteError('INVALID_INPUT', `${name} must be a date and time (ISO 8601)`);
  return new Date(ms).toISOString();
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

export function registerConsoleApi(scope: FastifyInstance, deps: ApiDeps): void {
  const { gateway, store } = deps;
  const admin = new Admin(gateway, store);
  const providers = new Map(deps.providers.map((p) => [p.id, p]));
  const optionsSchema = jsonSchema(tenantOptionsSchema);

  const names = async () => new Map((await store.tenants.list()).map((t) => [t.id, t.name]));

  const tenantOut = (tenant: Tenant) => {
    const provider = providers.get(tenant.provider);
    const secret = new Set(provider?.secretFields ?? []);
    const view = gateway.tenants.view(tenant);
    return {
      id: view.id,
      name: view.name,
      provider: view.provider,
      provider_name: provider?.displayName ?? view.provider,
      settings: Object.fromEntries(Object.entries(view.settings).filter(([k]) => !secret.has(k))),
      secrets_set: Object.keys(tenant.settings).filter((k) => secret.has(k)),
      options: view.options,
      supported_functions: gateway.supported(tenant),
      created_at: view.created_at,
      updated_at: view.updated_at,
    };
  };

  const circuitsById = () => new Map(gateway.circuits().map((c) => [c.tenant, c]));

  const health = (
    circuit: ReturnType<Gateway['circuits']>[number] | undefined,
    calls: number,
    rate: number,
  ) => {
    const state = circuit?.state ?? 'closed';
    const status =
      state === 'open'
        ? 'down'
        : state === 'half_open'
          ? 'recovering'
          : calls === 0
            ? 'idle'
            : rate >= 0.2
              ? 'degraded'
              : 'ok';
    return { status, circuit: state, seen_by_this_process: circuit !== undefined };
  };

  scope.get('/providers', () =>
    deps.providers.map((p) => ({
      id: p.id,
      display_name: p.displayName,
      secret_fields: p.secretFields,
      settings_schema: jsonSchema(p.settings),
      functions: functionNames.filter((n) => p.functions[n] !== undefined),
      has_check: p.check !== undefined,
    })),
  );
  scope.get('/options-schema', () => optionsSchema);
  scope.get('/functions', () =>
    functionNames.map((name) => ({
      name,
      page_name: functions[name].pageName,
      group: functions[name].group,
      kind: functions[name].kind,
    })),
  );

  scope.get('/tenants', async () => {
    const [tenants, keys] = await Promise.all([gateway.tenants.list(), store.keys.list()]);
    const counts = await hourCounts(
      store,
      tenants.map((t) => t.id),
      deps.now(),
    );
    const circuits = circuitsById();
    return tenants.map((t) => {
      const c = counts.get(t.id) ?? { calls: 0, erp_failures: 0 };
      const rate = c.calls === 0 ? 0 : c.erp_failures / c.calls;
      return {
        ...tenantOut(t),
        health: health(circuits.get(t.id), c.calls, rate),
        calls_last_hour: c.calls,
        erp_error_rate: rate,
        active_keys: keys.filter((k) => k.tenant_id === t.id && k.revoked_at === null).length,
        // From the settings each function always needs; "Verificar" also asks the ERP.
        functions_ready: Object.values(gateway.readiness(t)).filter((r) => r.ready).length,
      };
    });
  });
  scope.post<{ Body: unknown }>('/tenants', async (req, reply) => {
    const body = objectBody(req.body);
    const tenant = await gateway.tenants.create({
      name: body.name as string,
      provider: body.provider as string,
      settings: (body.settings ?? {}) as Record<string, unknown>,
      options: (body.options ?? {}) as Record<string, unknown>,
    });
    return reply.code(201).send(tenantOut(tenant));
  });
  scope.get<{ Params: { id: string } }>('/tenants/:id', async (req) =>
    tenantOut(await gateway.tenants.require(req.params.id)),
  );
  scope.patch<{ Params: { id: string }; Body: unknown }>('/tenants/:id', async (req) => {
    const body = objectBody(req.body);
    const current = await gateway.tenants.require(req.params.id);
    const secret = new Set(providers.get(current.provider)?.secretFields ?? []);
    const given = objectBody(body.settings);
    const settings: Record<string, unknown> = {};
    // A secret left empty keeps its stored value (the form never shows it).
    for (const [k, v] of Object.entries(given)) {
      if (!(secret.has(k) && (v === '' || v === null))) settings[k] = v;
    }
    // The form sends every setting it has a value for: one it no longer sends was cleared.
    for (const k of Object.keys(current.settings)) {
      if (!secret.has(k) && !Object.hasOwn(given, k)) settings[k] = undefined;
    }
    const updated = await gateway.tenants.update(current.id, { settings, options: objectBody(body.options) });
    return tenantOut(updated);
  });
  scope.post<{ Params: { id: string } }>('/tenants/:id/check', async (req) => {
    const tenant = await gateway.tenants.require(req.params.id);
    let report: CheckReport;
    try {
      report = await gateway.check(tenant.id);
    } catch (error) {
      // The ERP unreachable or refusing the credentials is the check's answer, not the console's error.
      if (!(error instanceof PonteError)) throw error;
      report = { ok: false, messages: [error.message], choices: {} };
    }
    return { ...report, functions: readiness(gateway.supported(tenant), report, gateway.readiness(tenant)) };
  });

  scope.get<{ Querystring: Query }>('/keys', async (req) => {
    const tenant = req.query.tenant ? await gateway.tenants.require(req.query.tenant) : undefined;
    const [keys, tenantNames] = await Promise.all([admin.listKeys(tenant?.id), names()]);
    return keys
      .map((k) => ({ ...k, tenant_name: tenantNames.get(k.tenant_id) ?? k.tenant_id }))
      .sort((a, b) => b.created_at.localeCompare(a.created_at));
  });
  scope.post<{ Params: { id: string }; Body: unknown }>('/tenants/:id/keys', async (req, reply) => {
    const body = objectBody(req.body);
    const allowed = body.allowed_functions;
    const created = await admin.createKey(req.params.id, {
      label: typeof body.label === 'string' ? body.label : '',
      allowed_functions: Array.isArray(allowed) && allowed.length > 0 ? (allowed as string[]) : null,
    });
    return reply.code(201).send(created);
  });
  scope.post<{ Params: { id: string } }>('/keys/:id/revoke', (req) => admin.revokeKey(req.params.id));

  scope.get<{ Querystring: Query }>('/calls', async (req) => {
    const q = req.query;
    const tenant = q.tenant ? await gateway.tenants.require(q.tenant) : undefined;
    if (
      q.function &&
      q.function !== 'unknown' &&
      !(functionNames as readonly string[]).includes(q.function)
    ) {
      throw new PonteError('INVALID_INPUT', `no function named '${q.function}'`);
    }
    if (q.status && !['ok', 'error'].includes(q.status) && !Object.hasOwn(errorCatalogue, q.status)) {
      throw new PonteError('INVALID_INPUT', `status must be ok, error or an error code`);
    }
    const before = q.before ? Number(q.before) : undefined;
    const limit = limitOf(q.limit, 50);
    const rows = await listCalls(store, {
      tenantId: tenant?.id,
      fn: q.function || undefined,
      status: q.status || undefined,
      since: isoOf(q.since, 'since'),
      until: isoOf(q.until, 'until'),
      requestId: q.request_id || undefined,
      before: before !== undefined && Number.isSafeInteger(before) ? before : undefined,
      limit: limit + 1,
    });
    const tenantNames = await names();
    return {
      calls: rows
        .slice(0, limit)
        .map((r) => ({ ...r, tenant_name: tenantNames.get(r.tenant_id) ?? r.tenant_id })),
      more: rows.length > limit,
    };
  });
  scope.get<{ Params: { id: string } }>('/calls/:id', async (req) => {
    const id = Number(req.params.id);
    const row = Number.isSafeInteger(id) ? await getCall(store, id) : undefined;
    if (!row) throw new PonteError('INVALID_INPUT', `no call '${req.params.id}' in the log`);
    const [tenant, key] = await Promise.all([
      store.tenants.get(row.tenant_id),
      row.key_id && row.key_id !== 'cli' ? store.keys.get(row.key_id) : undefined,
    ]);
    const catalogue = errorCatalogue as Record<string, { status: number; description: string }>;
    const fn = (functions as Record<string, { pageName: string } | undefined>)[row.function];
    return {
      ...row,
      tenant_name: tenant?.name ?? row.tenant_id,
      provider: tenant?.provider ?? null,
      function_page_name: fn?.pageName ?? null,
      key: key ? { id: key.id, prefix: key.prefix, label: key.label, revoked_at: key.revoked_at } : null,
      error: row.outcome === 'ok' ? null : { code: row.outcome, ...catalogue[row.outcome] },
    };
  });

  scope.get<{ Querystring: Query }>('/settlements', async (req) => {
    const q = req.query;
    const tenant = q.tenant ? await gateway.tenants.require(q.tenant) : undefined;
    const view = q.view ?? 'all';
    const states: SettlementState[] | undefined =
      view === 'waiting'
        ? ['queued', 'unknown', 'received', 'applying']
        : view === 'attention'
          ? ['queued', 'unknown', 'failed']
          : view === 'done'
            ? ['settled', 'already_settled', 'rejected']
            : (SETTLEMENT_STATES as string[]).includes(view)
              ? [view as SettlementState]
              : undefined;
    const [rows, tenantNames, counts] = await Promise.all([
      listSettlements(store, { tenantId: tenant?.id, states, limit: limitOf(q.limit) }),
      names(),
      settlementCounts(store),
    ]);
    const out = rows
      .map((r) => ({
        ...r,
        tenant_name: tenantNames.get(r.tenant_id) ?? r.tenant_id,
        needs_attention: needsAttention(r),
        retryable: r.state === 'queued' || r.state === 'unknown',
      }))
      .filter((r) => view !== 'attention' || r.needs_attention);
    return { settlements: out, counts };
  });
  scope.get<{ Params: { tenant: string; tx: string } }>('/settlements/:tenant/:tx', async (req) => {
    const tenant = await gateway.tenants.require(req.params.tenant);
    const view = await gateway.settlements.show(tenant.id, req.params.tx);
    if (!view) throw new PonteError('INVALID_INPUT', `no settlement '${req.params.tx}'`);
    const { input: _input, fingerprint: _fp, outcome, ...rest } = view;
    return {
      ...rest,
      outcome: outcome ? (JSON.parse(outcome) as unknown) : null,
      tenant_name: tenant.name,
      needs_attention: needsAttention(view),
      retryable: view.state === 'queued' || view.state === 'unknown',
    };
  });
  scope.post<{ Params: { tenant: string; tx: string } }>('/settlements/:tenant/:tx/retry', async (req) => {
    const tenant = await gateway.tenants.require(req.params.tenant);
    const {
      input: _input,
      fingerprint: _fp,
      ...row
    } = await gateway.settlements.retry(tenant.id, req.params.tx);
    return row;
  });

  scope.get('/health', async () => {
    const now = deps.now();
    const tenants = await gateway.tenants.list();
    const stats = await lastHour(
      store,
      tenants.map((t) => t.id),
      now,
    );
    const circuits = circuitsById();
    const protection = gateway.protection.status();
    return {
      at: new Date(now).toISOString(),
      erp_protection: protection.erp_protection,
      checks: protection.checks,
      tenants: tenants.map((t) => {
        const c = circuits.get(t.id);
        const s = stats.get(t.id);
        return {
          id: t.id,
          name: t.name,
          provider: t.provider,
          provider_name: providers.get(t.provider)?.displayName ?? t.provider,
          ...health(c, s?.calls ?? 0, s?.erp_error_rate ?? 0),
          in_flight: c?.in_flight ?? 0,
          waiting: c?.queued ?? 0,
          last_hour: s ?? null,
        };
      }),
    };
  });
}
