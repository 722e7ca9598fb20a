// Ponte survives its database: PostgreSQL cut off (through a TCP proxy that refuses connections
// and cuts the open ones) or dropping Ponte's connections (pg_terminate_backend, as a restart, a
// failover or an idle-connection reaper does). The process stays up, calls answer 503
// SERVICE_UNAVAILABLE in the contract's shape with Retry-After (never `200 queued` for a payment
// that could not be stored), /readyz says the database is down, and calls succeed again by
// themselves once it is back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { fixture } from '../../src/providers/sandbox/fixtures.js';
import { startPonte, type Answer, type RunningPonte } from '../helpers/ponte.js';
import { switchableProxy, type SwitchableProxy } from '../helpers/switchable-proxy.js';

const serverUrl = process.env.DATABASE_URL;
const customer = fixture('overdue-bills').document_number;
const ADMIN = 'outage-admin-token';

function assertUnavailable(answer: Answer) {
  assert.equal(answer.status, 503, JSON.stringify(answer.body));
  assert.equal(answer.body.error.code, 'SERVICE_UNAVAILABLE');
  assert.ok(answer.body.error.request_id);
  assert.ok(Number(answer.headers.get('retry-after')) > 0, 'Retry-After');
}

describe('PostgreSQL going away', { skip: serverUrl ? false : 'needs DATABASE_URL (PostgreSQL)' }, () => {
  let proxy: SwitchableProxy;
  let ponte: RunningPonte;
  let key: string;
  let database = '';

  before(async () => {
    const server = new URL(serverUrl!);
    proxy = await switchableProxy({ host: server.hostname, port: Number(server.port || 5432) });
    ponte = await startPonte({
      // Every call asks the database for its key, so none is served from memory.
      env: { PONTE_KEY_CACHE_MS: '0' },
      adminToken: ADMIN,
      databaseUrl: (url) => {
        const viaProxy = new URL(url);
        viaProxy.hostname = '127.0.0.1';
        viaProxy.port = String(proxy.port);
        database = viaProxy.pathname.slice(1);
        return viaProxy.toString();
      },
    });
    ({ key } = await ponte.createTenant('isp', 'sandbox', { customers: 20 }));
  });
  after(async () => {
    try {
      await proxy.up();
      await ponte?.close();
    } finally {
      await proxy?.close();
    }
  });

  const bills = async () => {
    const answer = await ponte.call('list_bills', { customer_document_number: customer }, key);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body as { remote_id: string; valor_final: string }[];
  };
  const settle = (bill: { remote_id: string; valor_final: string }, tx: string) =>
    ponte.call(
      'settle_bill',
      {
        customer_document_number: customer,
        boleto_id: bill.remote_id,
        transaction: { id: tx, method: 'pix', amount: bill.valor_final, paid_at: new Date().toISOString() },
      },
      key,
    );

  test('cut off: 503 SERVICE_UNAVAILABLE, /readyz down, no payment taken; back: calls succeed again', async () => {
    const [bill] = await bills();
    assert.ok(bill);
    await proxy.down();

    assertUnavailable(await ponte.call('get_customer', { customer_document_number: customer }, key));
    const payment = await settle(bill, 'tx-outage-1');
    assertUnavailable(payment);
    // Not only the functions: the catalogue and the admin API too.
    for (const [path, token] of [
      ['/v1/functions', key],
      ['/admin/v1/tenants', ADMIN],
    ] as const) {
      const res = await fetch(`${ponte.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      assertUnavailable({ status: res.status, body: await res.json(), headers: res.headers });
    }
    const ready = await fetch(`${ponte.url}/readyz`);
    assert.equal(ready.status, 503);
    assert.equal(((await ready.json()) as { checks: { database: string } }).checks.database, 'unreachable');
    assert.equal((await fetch(`${ponte.url}/healthz`)).status, 200, 'the process is up');

    await proxy.up();
    assert.equal((await fetch(`${ponte.url}/readyz`)).status, 200);
    const open = await bills();
    assert.ok(
      open.some((b) => b.remote_id === bill.remote_id),
      'the payment answered 503 was not applied',
    );
    const retried = await settle(bill, 'tx-outage-1');
    assert.equal(retried.status, 200, JSON.stringify(retried.body));
    assert.equal(retried.body.status, 'settled');
  });

  test('connections terminated by the server: the process survives and the next calls succeed', async () => {
    await bills();
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database],
      );
      assert.ok((rowCount ?? 0) > 0, 'Ponte had connections to terminate');
    } finally {
      await admin.end();
    }
    for (let i = 0; i < 5; i++) await bills();
    assert.ok(
      ponte.logs.some((l) => l.includes('a database connection was closed by the server')),
      'the lost connection was logged',
    );
  });
});
