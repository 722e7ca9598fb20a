// Tenants as the rest of Ponte sees them: settings validated against the provider's schema at
// save and at load, secret fields encrypted at rest and never shown back.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { PonteError, issuesToError } from '../contract/index.js';
import type { Store, TenantRow } from '../store/index.js';
import type { ProviderRegistry } from './registry.js';
import { tenantOptionsSchema, type TenantOptions } from '../providers/tenant-options.js';

export interface Tenant {
  id: string;
  name: string;
  provider: string;
  /** Provider settings including decrypted secrets: for the provider only, never for output. */
  settings: Record<string, unknown>;
  options: TenantOptions;
  createdAt: string;
  updatedAt: string;
}

/** A tenant as shown by the CLI and admin API: secrets replaced by a marker. */
export interface TenantView {
  id: string;
  name: string;
  provider: string;
  settings: Record<string, unknown>;
  options: TenantOptions;
  created_at: string;
  updated_at: string;
}

export const SECRET_MARKER = '********';

const nameSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[\w .-]+$/, 'letters, digits, spaces, dot, dash and underscore only');

export interface TenantInput {
  name: string;
  provider: string;
  settings?: Record<string, unknown>;
  options?: Record<string, unknown>;
}

export class TenantService {
  constructor(
    private readonly store: Store,
    private readonly registry: ProviderRegistry,
  ) {}

  private provider(id: string) {
    const provider = this.registry.get(id);
    if (!provider) {
      throw new PonteError('INVALID_INPUT', `unknown provider '${id}'`, {
        details: [{ path: 'provider', message: `one of: ${this.registry.ids().join(', ')}` }],
      });
    }
    return provider;
  }

  private validate(providerId: string, settings: Record<string, unknown>, options: Record<string, unknown>) {
    const provider = this.provider(providerId);
    const s = provider.settings.safeParse(settings);
    if (!s.success) throw prefixed(issuesToError(s.error), 'settings');
    const o = tenantOptionsSchema.safeParse(options);
    if (!o.success) throw prefixed(issuesToError(o.error), 'options');
    return { provider, settings: s.data as Record<string, unknown>, options: o.data };
  }

  private split(providerId: string, id: string, settings: Record<string, unknown>) {
    const secretFields = new Set(this.provider(providerId).secretFields);
    const plain: Record<string, unknown> = {};
    const secret: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(settings)) (secretFields.has(k) ? secret : plain)[k] = v;
    return {
      settings: JSON.stringify(plain),
      secrets: Object.keys(secret).length
        ? this.store.secrets.seal(JSON.stringify(secret), `tenant:${id}`)
        : '',
    };
  }

  async create(input: TenantInput, now = new Date()): Promise<Tenant> {
    const name = nameSchema.safeParse(input.name);
    if (!name.success) throw prefixed(issuesToError(name.error), 'name');
    const v = this.validate(input.provider, input.settings ?? {}, input.options ?? {});
    if (await this.store.tenants.getByName(name.data)) {
      throw new PonteError('INVALID_INPUT', `a tenant named '${name.data}' already exists`, {
        details: [{ path: 'name', message: 'already taken' }],
      });
    }
    const id = randomUUID();
    const at = now.toISOString();
    await this.store.tenants.insert({
      id,
      name: name.data,
      provider: input.provider,
      ...this.split(input.provider, id, v.settings),
      options: JSON.stringify(input.options ?? {}),
      created_at: at,
      updated_at: at,
    });
    return this.require(id);
  }

  /** Merges the given settings and options into the tenant's (secrets given as the marker stay as they were). */
  async update(
    idOrName: string,
    changes: { settings?: Record<string, unknown>; options?: Record<string, unknown> },
    now = new Date(),
  ): Promise<Tenant> {
    const current = await this.require(idOrName);
    const givenSettings = Object.fromEntries(
      Object.entries(changes.settings ?? {}).filter(([, v]) => v !== SECRET_MARKER),
    );
    const settings = { ...current.settings, ...givenSettings };
    const row = await this.store.tenants.get(current.id);
    const options = { ...(JSON.parse(row?.options ?? '{}') as Record<string, unknown>), ...changes.options };
    const v = this.validate(current.provider, settings, options);
    // Strictly later than the previous version, so that caches keyed on it always see the change.
    const previous = Date.parse(current.updatedAt);
    const at = new Date(Math.max(now.getTime(), previous + 1)).toISOString();
    await this.store.tenants.update(current.id, {
      ...this.split(current.provider, current.id, v.settings),
      options: JSON.stringify(options),
      updated_at: at,
    });
    // Cached keys carry the tenant's previous updated_at: without this the gateway would go on
    // serving the old settings until they expire.
    this.store.keys.forgetTenant(current.id);
    return this.require(current.id);
  }

  async find(idOrName: string): Promise<Tenant | undefined> {
    const row = (await this.store.tenants.get(idOrName)) ?? (await this.store.tenants.getByName(idOrName));
    return row && this.load(row);
  }

  async require(idOrName: string): Promise<Tenant> {
    const tenant = await this.find(idOrName);
    if (!tenant) throw new PonteError('INVALID_INPUT', `no tenant '${idOrName}'`);
    return tenant;
  }

  async list(): Promise<Tenant[]> {
    return (await this.store.tenants.list()).map((r) => this.load(r));
  }

  private load(row: TenantRow): Tenant {
    const secrets = row.secrets
      ? (JSON.parse(this.store.secrets.open(row.secrets, `tenant:${row.id}`)) as Record<string, unknown>)
      : {};
    const settings = JSON.parse(row.settings) as Record<string, unknown>;
    const options = JSON.parse(row.options) as Record<string, unknown>;
    const v = this.validate(row.provider, { ...settings, ...secrets }, options);
    return {
      id: row.id,
      name: row.name,
      provider: row.provider,
      settings: v.settings,
      options: v.options,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  view(tenant: Tenant): TenantView {
    const secretFields = new Set(this.provider(tenant.provider).secretFields);
    return {
      id: tenant.id,
      name: tenant.name,
      provider: tenant.provider,
      settings: Object.fromEntries(
        Object.entries(tenant.settings).map(([k, v]) => [k, secretFields.has(k) ? SECRET_MARKER : v]),
      ),
      options: tenant.options,
      created_at: tenant.createdAt,
      updated_at: tenant.updatedAt,
    };
  }
}

function prefixed(error: PonteError, prefix: string): PonteError {
  const details = Array.isArray(error.details)
    ? (error.details as { path: string; message: string }[]).map((d) => ({
        ...d,
        path: d.path ? `${prefix}.${d.path}` : prefix,
      }))
    : error.details;
  return new PonteError(error.code, `invalid ${prefix}: ${error.message}`, { details });
}
