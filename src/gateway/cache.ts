// Per-tenant cache for the catalogue reads (products, due dates, resellers, origins). Concurrent
// misses share one ERP request, so a burst of calls after expiry costs the ERP a single read.

interface Entry {
  expiresAt: number;
  value: Promise<unknown>;
}

export class CatalogueCache {
  private readonly entries = new Map<string, Entry>();

  async get<T>(key: string, ttlMs: number, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
    const value = load();
    this.entries.set(key, { expiresAt: now + ttlMs, value });
    // A failed load is not cached: the next call tries the ERP again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** Drops every entry of a tenant (its settings changed). */
  dropTenant(tenantId: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${tenantId}:`)) this.entries.delete(key);
  }
}
