// API keys: random, shown once, stored as a SHA-256 hash (the keys carry 240 bits of entropy, so a
// fast hash is enough; there is nothing to brute-force).
//
// Resolving a key is a database query on every call, and with it the most expensive step of a
// sandbox call (docs/performance.md). With `cacheTtlMs` set, resolved keys are kept in memory for
// that long: a revoke in this process takes effect at once, in other processes sharing the
// database within the TTL. A cached answer carries the tenant's updated_at as it was, so whoever
// updates a tenant must call forgetTenant() for the gateway to see the change at once.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ApiKeyTable, Database } from './schema.js';

export type ApiKeyRow = Selectable<ApiKeyTable>;

/** A key as listed: never the key itself. */
export interface ApiKeyInfo {
  id: string;
  tenant_id: string;
  prefix: string;
  label: string;
  allowed_functions: string[] | null;
  created_at: string;
  revoked_at: string | null;
}

export interface ResolvedKey {
  keyId: string;
  tenantId: string;
  allowedFunctions: ReadonlySet<string> | null;
  tenantUpdatedAt: string;
}

const KEY_PREFIX = 'pk_';

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(30).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function toInfo(row: ApiKeyRow): ApiKeyInfo {
  return {
    id: row.id,
    tenant_id: row.tenant_id,
    prefix: row.prefix,
    label: row.label,
    allowed_functions:
      row.allowed_functions === null ? null : (JSON.parse(row.allowed_functions) as string[]),
    created_at: row.created_at,
    revoked_at: row.revoked_at,
  };
}

export interface KeyCacheOptions {
  /** How long a resolved key is trusted without asking the database; 0 (default) asks every time. */
  cacheTtlMs?: number;
  /** Most keys kept; the oldest entry makes room. */
  cacheSize?: number;
  now?: () => number;
}

interface CachedKey {
  resolved: ResolvedKey;
  expiresAt: number;
}

export class KeyRepo {
  private readonly cache = new Map<string, CachedKey>();
  /** Bumped by every forget: a lookup that started before one must not cache what it read. */
  private generation = 0;
  private readonly ttlMs: number;
  private readonly maxSize: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Kysely<Database>,
    options: KeyCacheOptions = {},
  ) {
    this.ttlMs = options.cacheTtlMs ?? 0;
    this.maxSize = options.cacheSize ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Stores a key; `key` is the clear value to store (hashed here), generated when absent. */
  async create(input: {
    tenantId: string;
    label: string;
    allowedFunctions: string[] | null;
    key?: string | undefined;
    now: Date;
  }): Promise<{ key: string; info: ApiKeyInfo }> {
    const key = input.key ?? generateApiKey();
    const row: ApiKeyRow = {
      id: randomUUID(),
      tenant_id: input.tenantId,
      prefix: key.slice(0, 10),
      hash: hashApiKey(key),
      label: input.label,
      allowed_functions: input.allowedFunctions === null ? null : JSON.stringify(input.allowedFunctions),
      created_at: input.now.toISOString(),
      revoked_at: null,
    };
    await this.db.insertInto('api_keys').values(row).execute();
    return { key, info: toInfo(row) };
  }

  async resolve(key: string): Promise<ResolvedKey | undefined> {
    if (this.ttlMs <= 0) return this.lookup(hashApiKey(key));
    // Cached by the key itself (it is in this process's memory with every request anyway), so a
    // hit costs no hashing.
    const hit = this.cache.get(key);
    if (hit !== undefined && hit.expiresAt > this.now()) return hit.resolved;
    this.cache.delete(key);
    const generation = this.generation;
    const resolved = await this.lookup(hashApiKey(key));
    // Unknown keys are not remembered: a key created elsewhere works at once, and guessed keys
    // cannot fill the memory.
    if (resolved !== undefined && generation === this.generation) {
      if (this.cache.size >= this.maxSize) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, { resolved, expiresAt: this.now() + this.ttlMs });
    }
    return resolved;
  }

  /** Drops the cached keys of a tenant, so its next call sees the tenant's new updated_at. */
  forgetTenant(tenantId: string): void {
    this.generation++;
    for (const [key, entry] of this.cache) {
      if (entry.resolved.tenantId === tenantId) this.cache.delete(key);
    }
  }

  private forgetKey(keyId: string): void {
    this.generation++;
    for (const [key, entry] of this.cache) {
      if (entry.resolved.keyId === keyId) this.cache.delete(key);
    }
  }

  private async lookup(hash: string): Promise<ResolvedKey | undefined> {
    const row = await this.db
      .selectFrom('api_keys')
      .innerJoin('tenants', 'tenants.id', 'api_keys.tenant_id')
      .select([
        'api_keys.id as id',
        'api_keys.tenant_id as tenant_id',
        'api_keys.allowed_functions as allowed_functions',
        'tenants.updated_at as tenant_updated_at',
      ])
      .where('api_keys.hash', '=', hash)
      .where('api_keys.revoked_at', 'is', null)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      keyId: row.id,
      tenantId: row.tenant_id,
      allowedFunctions:
        row.allowed_functions === null ? null : new Set(JSON.parse(row.allowed_functions) as string[]),
      tenantUpdatedAt: row.tenant_updated_at,
    };
  }

  async list(tenantId?: string): Promise<ApiKeyInfo[]> {
    let q = this.db.selectFrom('api_keys').selectAll();
    if (tenantId !== undefined) q = q.where('tenant_id', '=', tenantId);
    return (await q.orderBy('created_at').orderBy('id').execute()).map(toInfo);
  }

  async get(id: string): Promise<ApiKeyInfo | undefined> {
    const row = await this.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toInfo(row);
  }

  /** Returns false when no active key has that id. */
  async revoke(id: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('api_keys')
      .set({ revoked_at: now.toISOString() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    // After the update: a lookup that read the key before it is discarded by the generation.
    this.forgetKey(id);
    return Number(result.numUpdatedRows) > 0;
  }
}
