import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { PonteError } from '../../contract/index.js';
import { ErpHttpClient, upstreamExcerpt } from './http.js';
import type { CallContext } from '../types.js';

const servers: Server[] = [];
after(() => servers.forEach((s) => s.close()));

/** A server that answers each request with the next of `answers` and counts requests. */
async function erp(answers: { status: number; body: string; headers?: Record<string, string> }[]) {
  const seen = { count: 0 };
  const server = createServer((req, res) => {
    const a = answers[Math.min(seen.count, answers.length - 1)]!;
    seen.count++;
    req.resume();
    res.writeHead(a.status, a.headers ?? {}).end(a.body);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const client = new ErpHttpClient({
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webservice/v1`,
    erpName: 'TestERP',
  });
  return { client, seen };
}

function call(ms = 5000): CallContext {
  return {
    requestId: 'r1',
    tenantId: 't1',
    signal: AbortSignal.timeout(ms),
    now: new Date(),
    log: pino({ level: 'silent' }),
    warn: () => undefined,
  };
}

test('a read is retried after 5xx and succeeds', async () => {
  const { client, seen } = await erp([
    { status: 503, body: 'busy' },
    { status: 200, body: '{"ok":true}' },
  ]);
  const res = await client.request({ method: 'GET', path: '/x', read: true }, call());
  assert.equal(res.status, 200);
  assert.equal(res.text(), '{"ok":true}');
  assert.equal(seen.count, 2);
  await client.close();
});

test('a write is sent once, and a 5xx is ERP_UNAVAILABLE with a masked excerpt', async () => {
  const { client, seen } = await erp([{ status: 502, body: 'erro para cliente 529.982.247-25' }]);
  await assert.rejects(
    client.request({ method: 'POST', path: '/x', body: '{}', read: false }, call()),
    (e: unknown) => {
      assert.ok(e instanceof PonteError);
      assert.equal(e.code, 'ERP_UNAVAILABLE');
      assert.equal(e.upstream?.status, 502);
      assert.doesNotMatch(e.upstream?.excerpt ?? '', /529\.982\.247-25/);
      return true;
    },
  );
  assert.equal(seen.count, 1);
  await client.close();
});

test('429 passes Retry-After on when reads run out of retries', async () => {
  const { client, seen } = await erp([{ status: 429, body: 'slow down', headers: { 'retry-after': '0' } }]);
  await assert.rejects(client.request({ method: 'GET', path: '/x', read: true }, call()), (e: unknown) => {
    assert.ok(e instanceof PonteError);
    assert.equal(e.code, 'ERP_UNAVAILABLE');
    assert.equal(e.retryAfterSeconds, 0);
    return true;
  });
  assert.equal(seen.count, 3);
  await client.close();
});

test('4xx answers come back to the provider untouched', async () => {
  const { client } = await erp([{ status: 401, body: 'no' }]);
  const res = await client.request({ method: 'GET', path: '/x', read: true }, call());
  assert.equal(res.status, 401);
  await client.close();
});

test('an unreachable ERP is ERP_UNAVAILABLE', async () => {
  const client = new ErpHttpClient({ baseUrl: 'http://127.0.0.1:1', erpName: 'TestERP', readRetries: 0 });
  await assert.rejects(client.request({ method: 'GET', path: '/', read: true }, call()), (e: unknown) => {
    assert.ok(e instanceof PonteError);
    assert.equal(e.code, 'ERP_UNAVAILABLE');
    assert.match(e.message, /could not be reached/);
    return true;
  });
  await client.close();
});

test('upstreamExcerpt trims and masks', () => {
  const ex = upstreamExcerpt(200, `${'x'.repeat(400)} joao@example.com`);
  assert.ok(ex.excerpt.length <= 301);
  const masked = upstreamExcerpt(200, 'email joao@example.com cpf 52998224725');
  assert.doesNotMatch(masked.excerpt, /joao@|52998224725/);
});
