// API keys: random, shown once, stored as a SHA-256 hash (the keys carry 240 bits of entropy, so a
// fast hash is enough; there is nothing to brute-force).
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

export class KeyRepo {
  constructor(private readonly db: Kysely<Database>) {}

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
    const row = await this.db
      .selectFrom('api_keys')
      .innerJoin('tenants', 'tenants.id', 'api_keys.tenant_id')
      .select([
        'api_keys.id as id',
        'api_keys.tenant_id as tenant_id',
        'api_keys.allowed_functions as allowed_functions',
        'tenants.updated_at as tenant_updated_at',
      ])
      .where('api_keys.hash', '=', hashApiKey(key))
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
    return Number(result.numUpdatedRows) > 0;
  }
}
