// Operator actions on tenants and keys, shared by the CLI and the admin HTTP API so both behave
// the same way.
import { z } from 'zod';
import { PonteError, functionNames, issuesToError } from '../contract/index.js';
import type { ApiKeyInfo, Store } from '../store/index.js';
import type { Gateway } from './gateway.js';
import type { TenantInput, TenantView } from './tenant-service.js';

const keyRequestSchema = z.object({
  label: z.string().max(80).default(''),
  allowed_functions: z
    .array(z.enum(functionNames as unknown as [string, ...string[]]))
    .min(1)
    .nullable()
    .default(null),
});

export type KeyRequest = z.input<typeof keyRequestSchema>;

export class Admin {
  constructor(
    private readonly gateway: Gateway,
    private readonly store: Store,
  ) {}

  async createTenant(
    input: TenantInput & { key?: KeyRequest; apiKey?: string | undefined },
  ): Promise<{ tenant: TenantView; api_key: string; key: ApiKeyInfo }> {
    const keyRequest = this.parseKeyRequest(input.key ?? { label: 'default' });
    const tenant = await this.gateway.tenants.create(input);
    const { key, info } = await this.store.keys.create({
      tenantId: tenant.id,
      label: keyRequest.label,
      allowedFunctions: keyRequest.allowed_functions,
      key: input.apiKey,
      now: new Date(),
    });
    return { tenant: this.gateway.tenants.view(tenant), api_key: key, key: info };
  }

  async listTenants(): Promise<TenantView[]> {
    const tenants = await this.gateway.tenants.list();
    return tenants.map((t) => this.gateway.tenants.view(t));
  }

  async showTenant(idOrName: string): Promise<TenantView & { supported_functions: string[] }> {
    const tenant = await this.requireTenant(idOrName);
    return { ...this.gateway.tenants.view(tenant), supported_functions: this.gateway.supported(tenant) };
  }

  async updateTenant(
    idOrName: string,
    changes: { settings?: Record<string, unknown>; options?: Record<string, unknown> },
  ): Promise<TenantView> {
    await this.requireTenant(idOrName);
    const updated = await this.gateway.tenants.update(idOrName, changes);
    // A payment that waited for a setting is posted as soon as the setting is there.
    if (changes.settings !== undefined) await this.gateway.settlements.settingsChanged(updated.id);
    return this.gateway.tenants.view(updated);
  }

  async createKey(idOrName: string, request: KeyRequest): Promise<{ api_key: string; key: ApiKeyInfo }> {
    const tenant = await this.requireTenant(idOrName);
    const parsed = this.parseKeyRequest(request);
    const { key, info } = await this.store.keys.create({
      tenantId: tenant.id,
      label: parsed.label,
      allowedFunctions: parsed.allowed_functions,
      now: new Date(),
    });
    return { api_key: key, key: info };
  }

  async listKeys(idOrName?: string): Promise<ApiKeyInfo[]> {
    const tenantId = idOrName === undefined ? undefined : (await this.requireTenant(idOrName)).id;
    return this.store.keys.list(tenantId);
  }

  async revokeKey(id: string): Promise<ApiKeyInfo> {
    if (!(await this.store.keys.revoke(id, new Date()))) {
      throw new PonteError('INVALID_INPUT', `no active key with id '${id}'`);
    }
    const info = await this.store.keys.get(id);
    if (!info) throw new PonteError('INTERNAL', 'revoked key vanished');
    return info;
  }

  private async requireTenant(idOrName: string) {
    const tenant = await this.gateway.tenants.find(idOrName);
    if (!tenant) throw new PonteError('INVALID_INPUT', `no tenant '${idOrName}'`);
    return tenant;
  }

  private parseKeyRequest(request: KeyRequest) {
    const parsed = keyRequestSchema.safeParse(request);
    if (!parsed.success) throw issuesToError(parsed.error);
    return parsed.data;
  }
}
