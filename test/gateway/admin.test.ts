// The admin API under /admin/v1: off without a token, behind it otherwise; tenants with secret
// settings that are never shown back nor stored in clear; keys created, limited and revoked; the audit.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { exampleOutput, fakeProvider } from '../helpers/fake-provider.js';
import { assertError, send, type RawAnswer } from '../helpers/http.js';
import { startPonte, type RunningPonte } from '../helpers/ponte.js';

const TOKEN = 'adm_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const PASSWORD = 'Hunter2-very-secret-ERP-password';
const NEW_PASSWORD = 'Another-secret-ERP-password-77';
const CPF = '52998224725';

const vault = fakeProvider({
  id: 'vault',
  displayName: 'Vault ERP',
  settings: z.object({ base_url: z.url(), user: z.string().min(1), password: z.string().min(8) }),
  secretFields: ['password'],
  functions: {
    // Answers with what it was given, so the tests can see the settings the provider received.
    get_customer: (conn) =>
      Promise.resolve({
        ...exampleOutput('get_customer'),
        nome_completo: `${String(conn.settings.base_url)} ${conn.settings.password === PASSWORD ? 'old' : 'new'}`,
      }),
    list_products: () => Promise.resolve(exampleOutput('list_products')),
    list_bills: () => Promise.resolve(exampleOutput('list_bills')),
  },
});

interface TenantJson {
  id: string;
  name: string;
  settings: Record<string, unknown>;
  options: Record<string, unknown>;
  supported_functions?: string[];
}

interface KeyJson {
  id: string;
  tenant_id: string;
  label: string;
  allowed_functions: string[] | null;
  revoked_at: string | null;
}

interface AuditJson {
  request_id: string;
  tenant_id: string;
  function: string;
  outcome: string;
}

describe('admin API disabled without a token', () => {
  let ponte: RunningPonte;
  before(async () => {
    ponte = await startPonte({ providers: [vault] });
  });
  after(() => ponte.close());

  test('every admin route answers 403 FORBIDDEN, even with some bearer', async () => {
    for (const [method, path] of [
      ['GET', '/admin/v1/tenants'],
      ['POST', '/admin/v1/tenants'],
      ['DELETE', '/admin/v1/keys/abc'],
      ['GET', '/admin/v1/audit'],
    ] as const) {
      const answer = await send(ponte.url, path, { method, headers: { authorization: `Bearer ${TOKEN}` } });
      assertError(answer, 'FORBIDDEN');
      assert.match(answer.body.error.message, /disabled/);
    }
  });
});

describe('admin API', () => {
  let ponte: RunningPonte;
  const answers: RawAnswer[] = [];
  const admin = async (method: string, path: string, body?: unknown, token = TOKEN) => {
    const answer = await send(ponte.url, `/admin/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    answers.push(answer);
    return answer;
  };
  let tenantId: string;
  let apiKey: string;

  before(async () => {
    ponte = await startPonte({ providers: [vault], adminToken: TOKEN });
  });
  after(() => ponte.close());

  test('a missing or wrong token is 401', async () => {
    assertError(await send(ponte.url, '/admin/v1/tenants'), 'UNAUTHENTICATED');
    assertError(await admin('GET', '/tenants', undefined, `${TOKEN}x`), 'UNAUTHENTICATED');
    assertError(await admin('GET', '/tenants', undefined, TOKEN.slice(0, -1)), 'UNAUTHENTICATED');
    // An API key is not an admin token.
    const tenant = await ponte.createTenant('by-harness', 'vault', {
      base_url: 'https://erp.example',
      user: 'u',
      password: PASSWORD,
    });
    assertError(await admin('GET', '/tenants', undefined, tenant.key), 'UNAUTHENTICATED');
  });

  test('create a tenant: 201 with an API key that works; secrets masked', async () => {
    const created = await admin('POST', '/tenants', {
      name: 'Net Rapida',
      provider: 'vault',
      settings: { base_url: 'https://erp.netrapida.example', user: 'ponte', password: PASSWORD },
      options: { cache_ttl_seconds: 60 },
    });
    assert.equal(created.status, 201, created.text);
    const body = created.body as { tenant: TenantJson; api_key: string; key: KeyJson };
    assert.match(body.api_key, /^pk_/);
    assert.equal(body.tenant.settings.password, '********');
    assert.equal(body.tenant.settings.user, 'ponte');
    assert.equal(body.tenant.options.cache_ttl_seconds, 60);
    assert.equal(body.key.tenant_id, body.tenant.id);
    assert.equal(body.key.allowed_functions, null);
    assert.ok(!('hash' in body.key));
    tenantId = body.tenant.id;
    apiKey = body.api_key;
    const call = await ponte.call('get_customer', { customer_document_number: CPF }, apiKey);
    assert.equal(call.status, 200);
    assert.equal(call.body.nome_completo, 'https://erp.netrapida.example old');
  });

  test('invalid tenants are refused with INVALID_INPUT naming the field', async () => {
    const bad = await admin('POST', '/tenants', {
      name: 'Bad',
      provider: 'vault',
      settings: { base_url: 'not a url', user: 'u', password: 'short' },
    });
    assertError(bad, 'INVALID_INPUT');
    const paths = bad.body.error.details.map((d: { path: string }) => d.path).sort();
    assert.deepEqual(paths, ['settings.base_url', 'settings.password']);
    assertError(await admin('POST', '/tenants', { name: 'X', provider: 'nope' }), 'INVALID_INPUT');
    assertError(
      await admin('POST', '/tenants', { name: 'Net Rapida', provider: 'vault', settings: {} }),
      'INVALID_INPUT',
    );
    const dup = await admin('POST', '/tenants', {
      name: 'Net Rapida',
      provider: 'vault',
      settings: { base_url: 'https://a.example', user: 'u', password: PASSWORD },
    });
    assertError(dup, 'INVALID_INPUT');
    assertError(await admin('POST', '/tenants', [1, 2]), 'INVALID_INPUT');
    const malformed = await send(ponte.url, '/admin/v1/tenants', {
      body: '{"name":',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    });
    assertError(malformed, 'INVALID_INPUT');
  });

  test('list and show: secrets shown as ********', async () => {
    const list = await admin('GET', '/tenants');
    assert.equal(list.status, 200);
    const mine = (list.body as TenantJson[]).find((t) => t.id === tenantId)!;
    assert.equal(mine.name, 'Net Rapida');
    assert.equal(mine.settings.password, '********');
    for (const t of list.body as TenantJson[]) assert.equal(t.settings.password, '********');

    for (const ref of [tenantId, 'Net Rapida']) {
      const show = await admin('GET', `/tenants/${encodeURIComponent(ref)}`);
      assert.equal(show.status, 200);
      const t = show.body;
      assert.equal(t.id, tenantId);
      assert.equal(t.settings.password, '********');
      assert.deepEqual([...t.supported_functions].sort(), ['get_customer', 'list_bills', 'list_products']);
    }
    assertError(await admin('GET', '/tenants/no-such-tenant'), 'INVALID_INPUT');
  });

  test('patch: merges settings and options; the marker keeps the stored secret', async () => {
    const patched = await admin('PATCH', `/tenants/${tenantId}`, {
      settings: { base_url: 'https://erp2.netrapida.example', password: '********' },
      options: { rate_limit_per_second: 50 },
    });
    assert.equal(patched.status, 200, patched.text);
    const t = patched.body;
    assert.equal(t.settings.base_url, 'https://erp2.netrapida.example');
    assert.equal(t.settings.user, 'ponte');
    assert.equal(t.settings.password, '********');
    assert.equal(t.options.rate_limit_per_second, 50);
    assert.equal(t.options.cache_ttl_seconds, 60);
    const call = await ponte.call('get_customer', { customer_document_number: CPF }, apiKey);
    assert.equal(call.body.nome_completo, 'https://erp2.netrapida.example old');

    assert.equal(
      (await admin('PATCH', `/tenants/${tenantId}`, { settings: { password: NEW_PASSWORD } })).status,
      200,
    );
    const after = await ponte.call('get_customer', { customer_document_number: CPF }, apiKey);
    assert.equal(after.body.nome_completo, 'https://erp2.netrapida.example new');

    assertError(
      await admin('PATCH', `/tenants/${tenantId}`, { options: { deadline_ms: 5 } }),
      'INVALID_INPUT',
    );
    assertError(
      await admin('PATCH', `/tenants/${tenantId}`, { options: { unknown_option: 1 } }),
      'INVALID_INPUT',
    );
  });

  test('keys: create one limited to some functions, list, revoke', async () => {
    const created = await admin('POST', `/tenants/${tenantId}/keys`, {
      label: 'totem',
      allowed_functions: ['list_bills', 'list_products'],
    });
    assert.equal(created.status, 201, created.text);
    const { api_key: totemKey, key: info } = created.body as { api_key: string; key: KeyJson };
    assert.deepEqual(info.allowed_functions, ['list_bills', 'list_products']);
    assert.equal(info.label, 'totem');
    assert.equal((await ponte.call('list_products', {}, totemKey)).status, 200);
    assertError(await ponte.call('get_customer', { customer_document_number: CPF }, totemKey), 'FORBIDDEN');

    assertError(
      await admin('POST', `/tenants/${tenantId}/keys`, { allowed_functions: ['nope'] }),
      'INVALID_INPUT',
    );
    assertError(await admin('POST', `/tenants/${tenantId}/keys`, { allowed_functions: [] }), 'INVALID_INPUT');

    const keys = await admin('GET', `/tenants/${tenantId}/keys`);
    assert.equal(keys.status, 200);
    const listed = keys.body as KeyJson[];
    assert.equal(listed.length, 2);
    assert.ok(listed.every((k) => k.tenant_id === tenantId && !('hash' in k)));
    assert.ok(!keys.text.includes(totemKey) && !keys.text.includes(apiKey), 'keys are never listed');

    const revoked = await admin('DELETE', `/keys/${info.id}`);
    assert.equal(revoked.status, 200);
    assert.equal(typeof revoked.body.revoked_at, 'string');
    assertError(await ponte.call('list_products', {}, totemKey), 'UNAUTHENTICATED');
    assert.equal((await ponte.call('list_products', {}, apiKey)).status, 200, 'other keys still work');
    assertError(await admin('DELETE', `/keys/${info.id}`), 'INVALID_INPUT');
  });

  test('the audit lists the calls, without personal data', async () => {
    await ponte.call('get_customer', { customer_document_number: '529.982.247-25' }, apiKey, {
      'x-request-id': 'audited-1',
    });
    await ponte.call('list_bills', { customer_document_number: '11144477735' }, apiKey);
    const audit = await admin('GET', `/audit?tenant=${tenantId}&limit=1000`);
    assert.equal(audit.status, 200);
    const rows = audit.body as AuditJson[];
    const row = rows.find((r) => r.request_id === 'audited-1');
    assert.ok(row, 'the call is audited');
    assert.equal(row.function, 'get_customer');
    assert.equal(row.outcome, 'ok');
    assert.equal(row.tenant_id, tenantId);
    assert.ok(rows.some((r) => r.outcome === 'FORBIDDEN'));
    assert.ok(rows.every((r) => r.tenant_id === tenantId));
    for (const cpf of ['52998224725', '529.982.247-25', '11144477735'])
      assert.ok(!audit.text.includes(cpf), cpf);
    const limited = await admin('GET', '/audit?limit=2');
    assert.equal((limited.body as unknown[]).length, 2);
  });

  test('the ERP password never appears in an admin answer, the database or the logs', async () => {
    assert.ok(answers.length > 20);
    for (const answer of answers) {
      assert.ok(!answer.text.includes(PASSWORD) && !answer.text.includes(NEW_PASSWORD), answer.text);
    }
    const stored: [string, string][] = [];
    if (ponte.app.store.dialect === 'postgres') {
      // Every row of every table, as text.
      for (const table of ['tenants', 'api_keys', 'idempotency', 'audit'] as const) {
        const rows = await ponte.app.store.db.selectFrom(table).selectAll().execute();
        stored.push([table, JSON.stringify(rows)]);
      }
    } else {
      const dir = ponte.app.config.dataDir;
      const files = readdirSync(dir).filter((f) => f.startsWith('ponte.db'));
      assert.ok(files.includes('ponte.db'));
      for (const file of files) stored.push([file, readFileSync(join(dir, file)).toString('latin1')]);
    }
    for (const [file, bytes] of stored) {
      assert.ok(
        !bytes.includes(PASSWORD) && !bytes.includes(NEW_PASSWORD),
        `${file} holds a secret in clear`,
      );
      assert.ok(!bytes.includes(CPF), `${file} holds a CPF`);
    }
    for (const line of ponte.logs) assert.ok(!line.includes(PASSWORD) && !line.includes(NEW_PASSWORD), line);
  });
});
