// The console's JSON API over HTTP (behind a logged-in session): providers and their schemas,
// secrets never sent back and kept when left empty, a cleared setting removed, keys limited to
// functions, the call log's filters and paging, the settlement views, the health page's numbers,
// and a check's readiness.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPonte, type RunningPonte } from '../helpers/ponte.js';

const ADMIN = 'console-api-test-admin-token';
const CUSTOMER = '26184703544';

describe('console API', () => {
  let ponte: RunningPonte;
  let cookie = '';
  let csrf = '';

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${ponte.url}/console/api${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  before(async () => {
    ponte = await startPonte({ adminToken: ADMIN });
    const res = await fetch(`${ponte.url}/console/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: ADMIN }),
    });
    cookie = res.headers.getSetCookie()[0]!.split(';', 1)[0]!;
    csrf = ((await res.json()) as { csrf: string }).csrf;
  });
  after(() => ponte.close());

  test('providers come with their settings schema and secret fields', async () => {
    const { body } = await api('GET', '/providers');
    const ixc = body.find((p: { id: string }) => p.id === 'ixc');
    assert.deepEqual(ixc.secret_fields, ['token']);
    assert.equal(ixc.settings_schema.type, 'object');
    assert.deepEqual(ixc.settings_schema.required, ['base_url', 'token']);
    assert.ok(ixc.functions.includes('settle_bill'));
    const options = await api('GET', '/options-schema');
    assert.equal(options.body.properties.deadline_ms.type, 'integer');
  });

  test('a secret is never sent back, stays when left empty, and a cleared setting is removed', async () => {
    const created = await api('POST', '/tenants', {
      name: 'ixc-secret',
      provider: 'ixc',
      settings: { base_url: 'http://127.0.0.1:1/webservice/v1', token: '9:secret-hash', seller_id: '4' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.settings.token, undefined);
    assert.deepEqual(created.body.secrets_set, ['token']);
    assert.ok(!JSON.stringify(created.body).includes('secret-hash'));
    const id = created.body.id as string;
    const { token: _token, seller_id: _seller, ...kept } = created.body.settings as Record<string, unknown>;
    const patched = await api('PATCH', `/tenants/${id}`, { settings: { ...kept, token: '' }, options: {} });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal(patched.body.settings.seller_id, undefined, 'cleared in the form: removed');
    const stored = await ponte.app.gateway.tenants.require(id);
    assert.equal(stored.settings.token, '9:secret-hash', 'the empty secret kept its value');
    assert.equal(stored.settings.seller_id, undefined);
    const invalid = await api('PATCH', `/tenants/${id}`, { settings: { ...kept, base_url: 'nope' } });
    assert.equal(invalid.status, 400);
    assert.equal(invalid.body.error.details[0].path, 'settings.base_url');
    // A check that cannot reach the ERP is an answer, not an error.
    const check = await api('POST', `/tenants/${id}/check`);
    assert.equal(check.status, 200);
    assert.equal(check.body.ok, false);
    assert.ok(check.body.functions.every((f: { ready: boolean }) => !f.ready));
  });

  test('keys limited to functions, the call log with its filters and paging, the health numbers', async () => {
    const tenant = await api('POST', '/tenants', {
      name: 'sandbox-log',
      provider: 'sandbox',
      settings: { customers: 20 },
    });
    assert.equal(tenant.status, 201, JSON.stringify(tenant.body));
    const id = tenant.body.id as string;
    const check = await api('POST', `/tenants/${id}/check`);
    assert.equal(check.status, 200);
    assert.ok(
      check.body.functions.some((f: { name: string; ready: boolean }) => f.name === 'list_bills' && f.ready),
    );
    const made = await api('POST', `/tenants/${id}/keys`, {
      label: 'bills only',
      allowed_functions: ['list_bills'],
    });
    assert.equal(made.status, 201);
    assert.deepEqual(made.body.key.allowed_functions, ['list_bills']);
    const key = made.body.api_key as string;
    for (let i = 0; i < 3; i++) {
      const ok = await ponte.call('list_bills', { customer_document_number: CUSTOMER }, key, {
        'x-request-id': `log-ok-${i}`,
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
    }
    const refused = await ponte.call('get_customer', { customer_document_number: CUSTOMER }, key, {
      'x-request-id': 'log-forbidden',
    });
    assert.equal(refused.status, 403);

    const all = await api('GET', `/calls?tenant=${id}`);
    assert.deepEqual(
      all.body.calls.map((c: { request_id: string }) => c.request_id),
      ['log-forbidden', 'log-ok-2', 'log-ok-1', 'log-ok-0'],
    );
    assert.equal(all.body.calls[0].tenant_name, 'sandbox-log');
    assert.equal(all.body.calls[0].outcome, 'FORBIDDEN');
    const errors = await api('GET', `/calls?tenant=${id}&status=error`);
    assert.deepEqual(
      errors.body.calls.map((c: { request_id: string }) => c.request_id),
      ['log-forbidden'],
    );
    const byFunction = await api('GET', `/calls?tenant=${id}&function=list_bills&limit=2`);
    assert.equal(byFunction.body.calls.length, 2);
    assert.equal(byFunction.body.more, true);
    const next = await api(
      'GET',
      `/calls?tenant=${id}&function=list_bills&limit=2&before=${byFunction.body.calls[1].id}`,
    );
    assert.deepEqual(
      next.body.calls.map((c: { request_id: string }) => c.request_id),
      ['log-ok-0'],
    );
    assert.equal(next.body.more, false);
    const future = await api(
      'GET',
      `/calls?tenant=${id}&since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    );
    assert.deepEqual(future.body.calls, []);
    assert.equal((await api('GET', '/calls?status=NOPE')).status, 400);
    const detail = await api('GET', `/calls/${all.body.calls[0].id}`);
    assert.equal(detail.body.key.label, 'bills only');
    assert.equal(detail.body.error.code, 'FORBIDDEN');
    assert.equal(detail.body.error.status, 403);

    const health = await api('GET', '/health');
    const mine = health.body.tenants.find((t: { id: string }) => t.id === id);
    assert.equal(mine.last_hour.calls, 4);
    assert.equal(mine.last_hour.erp_failures, 0);
    assert.equal(mine.status, 'ok');
    assert.equal(mine.circuit, 'closed');
    assert.equal(
      mine.last_hour.buckets.reduce((n: number, b: { calls: number }) => n + b.calls, 0),
      4,
    );
    const list = await api('GET', '/tenants');
    const row = list.body.find((t: { id: string }) => t.id === id);
    assert.equal(row.calls_last_hour, 4);
    assert.equal(row.active_keys, 1);
    assert.equal(row.health.status, 'ok');

    const revoked = await api('POST', `/keys/${made.body.key.id}/revoke`);
    assert.equal(revoked.status, 200);
    assert.ok(revoked.body.revoked_at);
    assert.equal((await ponte.call('list_bills', { customer_document_number: CUSTOMER }, key)).status, 401);
  });

  test('the settlement views', async () => {
    const empty = await api('GET', '/settlements?view=waiting');
    assert.equal(empty.status, 200);
    assert.deepEqual(empty.body.settlements, []);
    assert.equal((await api('GET', '/settlements/sandbox-log/none')).status, 400);
    assert.equal((await api('POST', '/settlements/sandbox-log/none/retry')).status, 400);
  });
});
