// Catalogue reads (products, due dates, resellers, origins) are cached per tenant: one ERP read
// per TTL, one shared read for concurrent misses, and a fresh read after the tenant changes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { exampleOutput, fakeProvider, sleep } from '../helpers/fake-provider.js';
import { startPonte, type RunningPonte } from '../helpers/ponte.js';

let version = 0;

const provider = fakeProvider({
  id: 'fake',
  functions: {
    list_products: async () => {
      await sleep(50);
      version += 1;
      return [{ codigo: `P${version}`, nome: `Plano versão ${version}` }];
    },
    list_due_dates: () => Promise.resolve(exampleOutput('list_due_dates')),
    list_resellers: () => Promise.reject(new Error('ERP down')),
    get_customer: () => Promise.resolve(exampleOutput('get_customer')),
  },
});

// The gateway's clock: the TTL passes by moving it, not by waiting.
let clock = Date.now();

describe('catalogue cache', () => {
  let ponte: RunningPonte;

  before(async () => {
    ponte = await startPonte({ providers: [provider], now: () => new Date(clock) });
  });
  after(() => ponte.close());

  test('100 calls of list_products read the ERP once', async () => {
    const t = await ponte.createTenant('hundred', 'fake');
    const first = await ponte.call('list_products', {}, t.key);
    for (let i = 0; i < 99; i++) {
      const answer = await ponte.call('list_products', {}, t.key);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, first.body);
    }
    assert.equal(provider.count('list_products', t.id), 1);
  });

  test('concurrent misses share one ERP read', async () => {
    const t = await ponte.createTenant('burst', 'fake');
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => ponte.call('list_products', {}, t.key)),
    );
    assert.equal(provider.count('list_products', t.id), 1);
    for (const a of answers) assert.deepEqual(a.body, answers[0]!.body);
  });

  test('after the TTL the ERP is read again', async () => {
    const t = await ponte.createTenant('short-ttl', 'fake', {}, { cache_ttl_seconds: 1 });
    const first = await ponte.call('list_products', {}, t.key);
    await ponte.call('list_products', {}, t.key);
    assert.equal(provider.count('list_products', t.id), 1);
    clock += 999;
    await ponte.call('list_products', {}, t.key);
    assert.equal(provider.count('list_products', t.id), 1, 'not before the TTL');
    clock += 2;
    const later = await ponte.call('list_products', {}, t.key);
    assert.equal(provider.count('list_products', t.id), 2);
    assert.notDeepEqual(later.body, first.body);
  });

  test('a TTL of 0 turns the cache off', async () => {
    const t = await ponte.createTenant('no-cache', 'fake', {}, { cache_ttl_seconds: 0 });
    for (let i = 0; i < 3; i++) await ponte.call('list_products', {}, t.key);
    assert.equal(provider.count('list_products', t.id), 3);
  });

  test('updating the tenant options invalidates its cache, not the others', async () => {
    const t = await ponte.createTenant('updated', 'fake');
    const other = await ponte.createTenant('untouched', 'fake');
    const before = await ponte.call('list_products', {}, t.key);
    await ponte.call('list_products', {}, other.key);
    await ponte.app.admin.updateTenant(t.id, { options: { cache_ttl_seconds: 600 } });
    const after = await ponte.call('list_products', {}, t.key);
    assert.equal(provider.count('list_products', t.id), 2);
    assert.notDeepEqual(after.body, before.body);
    await ponte.call('list_products', {}, t.key);
    assert.equal(provider.count('list_products', t.id), 2);
    await ponte.call('list_products', {}, other.key);
    assert.equal(provider.count('list_products', other.id), 1);
  });

  test('each catalogue function has its own entry; failures are not cached; other reads are never cached', async () => {
    const t = await ponte.createTenant('mixed', 'fake');
    await ponte.call('list_products', {}, t.key);
    await ponte.call('list_due_dates', {}, t.key);
    await ponte.call('list_due_dates', {}, t.key);
    assert.equal(provider.count('list_products', t.id), 1);
    assert.equal(provider.count('list_due_dates', t.id), 1);
    assert.equal((await ponte.call('list_resellers', {}, t.key)).status, 500);
    assert.equal((await ponte.call('list_resellers', {}, t.key)).status, 500);
    assert.equal(provider.count('list_resellers', t.id), 2);
    const body = { customer_document_number: '52998224725' };
    await ponte.call('get_customer', body, t.key);
    await ponte.call('get_customer', body, t.key);
    assert.equal(provider.count('get_customer', t.id), 2);
  });
});
