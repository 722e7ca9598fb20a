// Tenants never see each other's data: the API key alone selects the tenant, whatever the body,
// query string or headers say.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { functions } from '../../src/contract/index.js';
import { exampleOutput, fakeProvider, type FakeConnection } from '../helpers/fake-provider.js';
import { send } from '../helpers/http.js';
import { startPonte, type RunningPonte } from '../helpers/ponte.js';

const CPF = '52998224725';
const label = (conn: FakeConnection) => String(conn.settings.label);

const shared = fakeProvider({
  id: 'shared',
  functions: {
    get_customer: (conn) =>
      Promise.resolve({
        ...exampleOutput('get_customer'),
        nome_completo: label(conn),
        id_remoto: conn.tenantId,
      }),
    list_products: (conn) => Promise.resolve([{ codigo: label(conn), nome: `produtos de ${label(conn)}` }]),
    create_order: (conn) =>
      Promise.resolve({ ...exampleOutput('create_order'), remote_id: `${label(conn)}-order` }),
  },
});
const other = fakeProvider({
  id: 'other',
  functions: { list_products: () => Promise.resolve([{ codigo: 'OTHER', nome: 'other provider' }]) },
});

describe('tenant isolation', () => {
  let ponte: RunningPonte;
  let a: { id: string; key: string };
  let b: { id: string; key: string };
  let c: { id: string; key: string };

  before(async () => {
    ponte = await startPonte({ providers: [shared, other] });
    a = await ponte.createTenant('isp-a', 'shared', { label: 'ALPHA' });
    b = await ponte.createTenant('isp-b', 'shared', { label: 'BRAVO' });
    c = await ponte.createTenant('isp-c', 'other');
  });
  after(() => ponte.close());

  test('each key sees its own tenant data', async () => {
    for (let round = 0; round < 2; round++) {
      const ca = await ponte.call('get_customer', { customer_document_number: CPF }, a.key);
      const cb = await ponte.call('get_customer', { customer_document_number: CPF }, b.key);
      assert.equal(ca.body.nome_completo, 'ALPHA');
      assert.equal(ca.body.id_remoto, a.id);
      assert.equal(cb.body.nome_completo, 'BRAVO');
      assert.equal(cb.body.id_remoto, b.id);
      // Cached catalogue reads are per tenant too.
      assert.deepEqual((await ponte.call('list_products', {}, a.key)).body, [
        { codigo: 'ALPHA', nome: 'produtos de ALPHA' },
      ]);
      assert.deepEqual((await ponte.call('list_products', {}, b.key)).body, [
        { codigo: 'BRAVO', nome: 'produtos de BRAVO' },
      ]);
      assert.deepEqual((await ponte.call('list_products', {}, c.key)).body, [
        { codigo: 'OTHER', nome: 'other provider' },
      ]);
    }
    assert.ok(shared.calls.every((call) => call.tenantId === a.id || call.tenantId === b.id));
    assert.ok(other.calls.every((call) => call.tenantId === c.id));
  });

  test('no body field, query parameter or header selects another tenant', async () => {
    const hijack = {
      tenant: b.id,
      tenant_id: b.id,
      tenantId: b.id,
      tenant_name: 'isp-b',
      provider: 'other',
      settings: { label: 'BRAVO' },
      options: { deadline_ms: 100 },
      api_key: b.key,
      apiKey: b.key,
      key: b.key,
      authorization: `Bearer ${b.key}`,
    };
    const body = { customer_document_number: CPF, ...hijack };
    const before = shared.calls.length;
    const answer = await send(
      ponte.url,
      `/v1/functions/get_customer?tenant=${b.id}&tenant_id=${b.id}&api_key=${b.key}`,
      {
        body: JSON.stringify(body),
        headers: {
          authorization: `Bearer ${a.key}`,
          'content-type': 'application/json',
          'x-tenant': b.id,
          'x-tenant-id': b.id,
          'x-api-key': b.key,
        },
      },
    );
    assert.equal(answer.status, 200);
    assert.equal((answer.body as { nome_completo: string }).nome_completo, 'ALPHA');
    const received = shared.calls.slice(before);
    assert.equal(received.length, 1);
    assert.equal(received[0]!.tenantId, a.id);
    assert.deepEqual(
      received[0]!.input,
      { customer_document_number: CPF },
      'unknown fields never reach the provider',
    );
    for (const name of ['list_products', 'create_order'] as const) {
      const withHijack = { ...(functions[name].example as object), ...hijack };
      const res = await ponte.call(name, withHijack, a.key);
      assert.equal(res.status, 200);
      assert.ok(JSON.stringify(res.body).includes('ALPHA'), name);
      assert.ok(!JSON.stringify(res.body).includes('BRAVO'), name);
    }
  });

  test('a request without a key is not rescued by a tenant header', async () => {
    const answer = await send(ponte.url, '/v1/functions/list_products', {
      body: '{}',
      headers: { 'x-tenant': a.id, 'x-tenant-id': a.id, 'content-type': 'application/json' },
    });
    assert.equal(answer.status, 401);
  });

  test('idempotency keys are per tenant: the same order.id runs once in each', async () => {
    const order = {
      ...functions.create_order.example,
      order: { ...functions.create_order.example.order, id: 'same-id' },
    };
    const ra = await ponte.call('create_order', order, a.key);
    const rb = await ponte.call('create_order', order, b.key);
    const changed = { ...order, message: 'B sends other content with the same id' };
    const rb2 = await ponte.call('create_order', changed, b.key);
    assert.equal(ra.body.remote_id, 'ALPHA-order');
    assert.equal(rb.body.remote_id, 'BRAVO-order');
    assert.equal(rb2.status, 409);
    const again = await ponte.call('create_order', order, a.key);
    assert.equal(again.body.remote_id, 'ALPHA-order');
  });

  test('the function catalogue answers for the key tenant provider', async () => {
    const forA = await send(ponte.url, '/v1/functions', { headers: { authorization: `Bearer ${a.key}` } });
    const forC = await send(ponte.url, '/v1/functions', { headers: { authorization: `Bearer ${c.key}` } });
    const supported = (r: typeof forA) =>
      (r.body as { functions: { name: string; supported: boolean }[] }).functions
        .filter((f) => f.supported)
        .map((f) => f.name);
    assert.deepEqual(supported(forA).sort(), ['create_order', 'get_customer', 'list_products']);
    assert.deepEqual(supported(forC), ['list_products']);
    assert.equal((forC.body as { provider: string }).provider, 'other');
  });

  test('the audit of one tenant holds only its own calls', async () => {
    const rows = await ponte.app.store.audit.list({ tenantId: b.id, limit: 1000 });
    assert.ok(rows.length > 0);
    assert.ok(rows.every((r) => r.tenant_id === b.id));
  });
});
