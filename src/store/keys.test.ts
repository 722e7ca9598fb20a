import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Store } from './index.js';
import { KeyRepo } from './keys.js';

describe('KeyRepo', () => {
  let dir: string;
  let store: Store;
  let clock = 0;
  const now = () => clock;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ponte-keys-'));
    store = await Store.open({ dataDir: dir });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function tenant(name: string, updatedAt = '2026-01-01T00:00:00.000Z'): Promise<string> {
    await store.tenants.insert({
      id: name,
      name,
      provider: 'sandbox',
      settings: '{}',
      secrets: '',
      options: '{}',
      created_at: updatedAt,
      updated_at: updatedAt,
    });
    return name;
  }

  async function key(repo: KeyRepo, tenantId: string, allowed: string[] | null = null) {
    return repo.create({ tenantId, label: '', allowedFunctions: allowed, now: new Date() });
  }

  test('without a cache every resolve reads the database', async () => {
    const repo = new KeyRepo(store.db);
    const t = await tenant('plain');
    const { key: k, info } = await key(repo, t, ['list_bills']);
    const resolved = await repo.resolve(k);
    assert.equal(resolved?.keyId, info.id);
    assert.deepEqual([...(resolved?.allowedFunctions ?? [])], ['list_bills']);
    await store.tenants.update(t, { updated_at: '2026-02-01T00:00:00.000Z' });
    assert.equal((await repo.resolve(k))?.tenantUpdatedAt, '2026-02-01T00:00:00.000Z');
    assert.equal(await new KeyRepo(store.db).revoke(info.id, new Date()), true);
    assert.equal(await repo.resolve(k), undefined);
  });

  test('a cached key is answered from memory until the TTL, then read again', async () => {
    const repo = new KeyRepo(store.db, { cacheTtlMs: 5_000, now });
    const t = await tenant('cached');
    const { key: k } = await key(repo, t);
    clock = 1_000;
    assert.equal((await repo.resolve(k))?.tenantUpdatedAt, '2026-01-01T00:00:00.000Z');
    await store.tenants.update(t, { updated_at: '2026-03-01T00:00:00.000Z' });
    clock = 5_999;
    assert.equal((await repo.resolve(k))?.tenantUpdatedAt, '2026-01-01T00:00:00.000Z');
    clock = 6_000;
    assert.equal((await repo.resolve(k))?.tenantUpdatedAt, '2026-03-01T00:00:00.000Z');
  });

  test('forgetTenant makes the next resolve see the tenant as it is now, for that tenant only', async () => {
    const repo = new KeyRepo(store.db, { cacheTtlMs: 60_000, now });
    const a = await tenant('forget-a');
    const b = await tenant('forget-b');
    const ka = (await key(repo, a)).key;
    const kb = (await key(repo, b)).key;
    await repo.resolve(ka);
    await repo.resolve(kb);
    await store.tenants.update(a, { updated_at: '2026-04-01T00:00:00.000Z' });
    await store.tenants.update(b, { updated_at: '2026-04-01T00:00:00.000Z' });
    repo.forgetTenant(a);
    assert.equal((await repo.resolve(ka))?.tenantUpdatedAt, '2026-04-01T00:00:00.000Z');
    assert.equal((await repo.resolve(kb))?.tenantUpdatedAt, '2026-01-01T00:00:00.000Z');
  });

  test('a revoke through the repo takes effect at once; one from elsewhere within the TTL', async () => {
    const repo = new KeyRepo(store.db, { cacheTtlMs: 5_000, now });
    const elsewhere = new KeyRepo(store.db);
    const t = await tenant('revoked');
    const local = await key(repo, t);
    const remote = await key(repo, t);
    clock = 10_000;
    assert.ok(await repo.resolve(local.key));
    assert.ok(await repo.resolve(remote.key));
    assert.equal(await repo.revoke(local.info.id, new Date()), true);
    assert.equal(await repo.resolve(local.key), undefined);
    assert.equal(await elsewhere.revoke(remote.info.id, new Date()), true);
    assert.ok(await repo.resolve(remote.key), 'still cached: another process revoked it');
    clock = 15_000;
    assert.equal(await repo.resolve(remote.key), undefined);
  });

  test('a revoke that lands while the key is being read leaves nothing cached', async () => {
    const repo = new KeyRepo(store.db, { cacheTtlMs: 60_000, now });
    const t = await tenant('racing');
    const { key: k, info } = await key(repo, t);
    const [first] = await Promise.all([repo.resolve(k), repo.revoke(info.id, new Date())]);
    assert.equal(first?.keyId, info.id);
    assert.equal(await repo.resolve(k), undefined);
  });

  test('unknown keys are not remembered, and the cache keeps at most cacheSize keys', async () => {
    const repo = new KeyRepo(store.db, { cacheTtlMs: 60_000, cacheSize: 2, now });
    const t = await tenant('bounded');
    const value = 'pk_created_after_a_miss_000000000000000000000';
    assert.equal(await repo.resolve(value), undefined);
    await repo.create({ tenantId: t, label: '', allowedFunctions: null, key: value, now: new Date() });
    assert.ok(await repo.resolve(value), 'a key created after a miss resolves at once');
    const k2 = (await key(repo, t)).key;
    const k3 = (await key(repo, t)).key;
    await repo.resolve(k2);
    await repo.resolve(k3);
    await store.tenants.update(t, { updated_at: '2026-05-01T00:00:00.000Z' });
    // The first key was the oldest entry: it made room and is read again; the others are cached.
    assert.equal((await repo.resolve(value))?.tenantUpdatedAt, '2026-05-01T00:00:00.000Z');
    assert.equal((await repo.resolve(k3))?.tenantUpdatedAt, '2026-01-01T00:00:00.000Z');
  });
});
