// Webhooks end to end, over real HTTP on 127.0.0.1: a settlement queued while IXC (the simulator)
// is down is applied when IXC is back, and the platform's endpoint gets exactly one
// settlement.settled event id for it, signed, even though the endpoint itself was down for a while;
// the circuit's opening and closing arrive as erp.unavailable then erp.recovered; a settlement
// answered with its outcome at once produces no event; the delivery log, manual redelivery, the
// test event, secret rotation and the address checks, through the admin API.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { ixcProvider } from '../../src/providers/ixc/index.js';
import { WebhookService } from '../../src/webhooks/service.js';
import { verifyWebhook } from '../../src/webhooks/verify.js';
import { FIXTURES } from '../../simulators/ixc/seed.js';
import { ixcTenantSettings, startIxcSimulator, type IxcSimulator } from '../../simulators/ixc/server.js';
import { startPonte, type RunningPonte } from '../helpers/ponte.js';
import { switchableProxy, type SwitchableProxy } from '../helpers/switchable-proxy.js';
import { startReceiver, until, type Receiver } from '../helpers/webhook-receiver.js';

const TOKEN = '7:5e884898da280471';
const ADMIN = 'admin-token-for-webhook-tests';
const PAID_AT = new Date().toISOString();
let sim: IxcSimulator;
let erp: SwitchableProxy;
let receiver: Receiver;
let endpointProxy: SwitchableProxy;
let ponte: RunningPonte;
let tenant: { id: string; key: string };
let endpoint: { id: string; secret: string };

const settings = (baseUrl: string) => ixcTenantSettings(baseUrl, TOKEN);

async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(`${ponte.url}/admin/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${ADMIN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are asserted field by field
  return { status: res.status, body: (await res.json()) as any };
}

const openBills = async (document: string) =>
  (await ponte.call('list_bills', { customer_document_number: document }, tenant.key)).body as {
    remote_id: string;
    valor_final: string;
  }[];

const settleBody = (document: string, bill: { remote_id: string; valor_final: string }, id: string) => ({
  customer_document_number: document,
  boleto_id: bill.remote_id,
  transaction: { id, method: 'pix', amount: bill.valor_final, paid_at: PAID_AT },
});

const ofType = (type: string) => receiver.received.filter((d) => d.json?.type === type);

before(async () => {
  sim = await startIxcSimulator({ token: TOKEN, seed: { customers: 10 } });
  erp = await switchableProxy({ host: '127.0.0.1', port: Number(new URL(sim.url).port) });
  receiver = await startReceiver();
  endpointProxy = await switchableProxy({ host: '127.0.0.1', port: receiver.port });
  ponte = await startPonte({
    providers: [ixcProvider],
    adminToken: ADMIN,
    env: {
      PONTE_WORKER_INTERVAL_MS: '50',
      PONTE_SETTLEMENT_RETRY_MS: '50',
      PONTE_WEBHOOK_INTERVAL_MS: '50',
      PONTE_WEBHOOK_RETRY_MS: '50',
      PONTE_WEBHOOKS_ALLOW_PRIVATE: 'true',
    },
  });
  tenant = await ponte.createTenant('isp', 'ixc', settings(erp.url('/webservice/v1')), {
    circuit_failure_threshold: 1,
    circuit_open_seconds: 1,
  });
  const added = await admin('POST', `/tenants/${tenant.id}/webhooks`, { url: endpointProxy.url('/hooks') });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  endpoint = { id: added.body.endpoint.id, secret: added.body.secret };
});
after(async () => {
  await ponte.close();
  await endpointProxy.close();
  await receiver.close();
  await erp.close();
  await sim.close();
});

describe('webhook endpoints through the admin API', () => {
  test('the secret is shown once; listings never carry it', async () => {
    assert.match(endpoint.secret, /^whsec_[A-Za-z0-9_-]{32}$/);
    const listed = await admin('GET', `/tenants/${tenant.id}/webhooks`);
    assert.equal(listed.status, 200);
    assert.equal(listed.body.length, 1);
    assert.deepEqual(Object.keys(listed.body[0]).sort(), [
      'created_at',
      'events',
      'id',
      'previous_secret_until',
      'tenant_id',
      'url',
    ]);
    assert.ok(!JSON.stringify(listed.body).includes(endpoint.secret));
    assert.ok(!JSON.stringify(await ponte.app.store.webhooks.listEndpoints()).includes(endpoint.secret));
    assert.ok(!ponte.logs.join('').includes(endpoint.secret));
  });

  test('non-http(s) URLs and unknown events are refused', async () => {
    for (const body of [
      { url: 'ftp://127.0.0.1/x' },
      { url: 'not a url' },
      { url: endpointProxy.url('/x'), events: ['settlement.lost'] },
    ]) {
      const answer = await admin('POST', `/tenants/${tenant.id}/webhooks`, body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(answer.body.error.code, 'INVALID_INPUT');
    }
  });

  test('without PONTE_WEBHOOKS_ALLOW_PRIVATE, loopback and private hosts are refused', async () => {
    const strict = new WebhookService({
      store: ponte.app.store,
      log: pino({ level: 'silent' }),
      allowPrivate: false,
    });
    try {
      for (const url of [
        'http://127.0.0.1:8080/x',
        'http://localhost/x',
        'http://10.0.0.5/x',
        'http://[::1]/x',
      ]) {
        await assert.rejects(strict.add(tenant.id, { url }), /private, loopback or reserved/, url);
      }
    } finally {
      await strict.close();
    }
  });
});

describe('a settlement queued while the ERP is down', () => {
  test('produces one settlement.settled event id, delivered once the endpoint is back, signed', async () => {
    const bills = await openBills(FIXTURES.manyBills);
    const bill = bills[bills.length - 1]!;
    const tx = `tx-webhook-${Date.now()}`;
    const body = settleBody(FIXTURES.manyBills, bill, tx);
    const baixas = sim.state.counters.baixas;
    await endpointProxy.down();
    await erp.down();
    try {
      const first = await ponte.call('settle_bill', body, tenant.key);
      assert.deepEqual([first.status, first.body.success, first.body.status], [200, false, 'queued']);
      // The same transaction again, ERP still down: the current state, queued.
      const again = await ponte.call('settle_bill', body, tenant.key);
      assert.deepEqual([again.status, again.body.status], [200, 'queued']);
    } finally {
      await erp.up();
    }
    await until('the worker to settle it', async () =>
      (await ponte.app.gateway.settlements.show(tenant.id, tx))?.state === 'settled' ? true : undefined,
    );
    assert.equal(sim.state.counters.baixas, baixas + 1);
    // The same transaction once more: its current state, settled (not the first answer, queued).
    const current = await ponte.call('settle_bill', body, tenant.key);
    assert.deepEqual([current.body.success, current.body.status], [true, 'settled']);

    // The endpoint is down: attempts fail and are logged, nothing arrives.
    const [delivery] = await until('failed attempts', async () => {
      const rows = (
        await ponte.app.gateway.webhooks.deliveries({ endpointId: endpoint.id, limit: 50 })
      ).filter((d) => d.type === 'settlement.settled');
      if (rows.length !== 1) return undefined;
      // Two attempts made and logged (a claimed one may still be on its way).
      const logged = await ponte.app.store.webhooks.attempts(rows[0]!.id);
      return logged.length >= 2 ? rows : undefined;
    });
    assert.equal(ofType('settlement.settled').length, 0);
    await endpointProxy.up();
    const arrived = await until('the delivery', () => {
      const got = ofType('settlement.settled').filter((d) => d.json.data.transaction_id === tx);
      return got.length > 0 ? got : undefined;
    });
    await until('the delivery to be recorded', async () =>
      (await ponte.app.gateway.webhooks.showDelivery(delivery!.id)).state === 'delivered' ? true : undefined,
    );
    const forTx = ofType('settlement.settled').filter((d) => d.json.data.transaction_id === tx);
    assert.equal(new Set(forTx.map((d) => d.json.id)).size, 1, 'one event id');
    assert.equal(forTx.length, 1, 'delivered once');

    const got = arrived[0]!;
    assert.equal(got.headers['ponte-event-id'], got.json.id);
    assert.equal(got.headers['ponte-event-type'], 'settlement.settled');
    assert.deepEqual(
      {
        transaction_id: got.json.data.transaction_id,
        boleto_id: got.json.data.boleto_id,
        status: got.json.data.status,
        success: got.json.data.success,
      },
      { transaction_id: tx, boleto_id: bill.remote_id, status: 'settled', success: true },
    );
    assert.equal(typeof got.json.data.api_response, 'string');
    assert.ok(got.json.data.occurred_at);
    assert.ok(!got.body.includes(FIXTURES.manyBills), "no customer's document in the body");
    const header = got.headers['ponte-signature'] as string;
    assert.deepEqual(verifyWebhook({ body: got.body, header, secrets: endpoint.secret }).ok, true);
    const tampered = got.body.replace('"success":true', '"success":false');
    assert.notEqual(tampered, got.body);
    assert.equal(verifyWebhook({ body: tampered, header, secrets: endpoint.secret }).ok, false);
    const later = () => new Date(Date.now() + 10 * 60_000);
    assert.deepEqual(verifyWebhook({ body: got.body, header, secrets: endpoint.secret, now: later }), {
      ok: false,
      reason: 'outside_tolerance',
    });

    // The delivery log: the failed attempts (no answer) and the one that got 200, each timed.
    const shown = await admin('GET', `/webhook-deliveries/${delivery!.id}`);
    assert.equal(shown.status, 200);
    const attempts = shown.body.attempts_made as { status: number | null; latency_ms: number }[];
    assert.ok(attempts.length >= 3, JSON.stringify(attempts));
    assert.ok(attempts.slice(0, -1).every((a) => a.status === null));
    assert.equal(attempts.at(-1)!.status, 200);
    assert.ok(attempts.every((a) => Number.isInteger(a.latency_ms) && a.latency_ms >= 0));

    // Manual redelivery: the same event id again.
    const redelivered = await admin('POST', `/webhook-deliveries/${delivery!.id}/redeliver`);
    assert.equal(redelivered.status, 200, JSON.stringify(redelivered.body));
    await until('the redelivery', () =>
      ofType('settlement.settled').filter((d) => d.json.data.transaction_id === tx).length === 2
        ? true
        : undefined,
    );
    const both = ofType('settlement.settled').filter((d) => d.json.data.transaction_id === tx);
    assert.equal(both[1]!.json.id, both[0]!.json.id);
  });

  test('the circuit opening and closing arrive as erp.unavailable then erp.recovered', async () => {
    const [down] = await until('erp.unavailable', () => {
      const got = ofType('erp.unavailable');
      return got.length > 0 ? got : undefined;
    });
    const [up] = await until('erp.recovered', () => {
      const got = ofType('erp.recovered');
      return got.length > 0 ? got : undefined;
    });
    assert.equal(down!.json.data.erp, ixcProvider.displayName);
    assert.equal(up!.json.data.circuit, 'closed');
    assert.ok(receiver.received.indexOf(down!) < receiver.received.indexOf(up!), 'in order');
    assert.ok(
      verifyWebhook({
        body: up!.body,
        header: up!.headers['ponte-signature'] as string,
        secrets: endpoint.secret,
      }).ok,
    );
  });

  test('a settlement answered with its outcome at once produces no event', async () => {
    const [bill] = await openBills(FIXTURES.bills);
    const tx = `tx-direct-${Date.now()}`;
    const answer = await ponte.call('settle_bill', settleBody(FIXTURES.bills, bill!, tx), tenant.key);
    assert.deepEqual([answer.body.success, answer.body.status], [true, 'settled']);
    const events = await ponte.app.store.db
      .selectFrom('webhook_events')
      .select('id')
      .where('ordering_key', '=', `settlement:${tx}`)
      .execute();
    assert.deepEqual(events, []);
  });
});

describe('test events and secret rotation', () => {
  test('after a rotation, deliveries verify with the new secret and, for a while, the old one', async () => {
    const rotated = await admin('POST', `/webhooks/${endpoint.id}/rotate`);
    assert.equal(rotated.status, 200, JSON.stringify(rotated.body));
    const secret = rotated.body.secret as string;
    assert.notEqual(secret, endpoint.secret);
    assert.ok(rotated.body.endpoint.previous_secret_until);
    const queued = await admin('POST', `/webhooks/${endpoint.id}/test`);
    assert.equal(queued.status, 202);
    const got = await until('the test event', () =>
      receiver.received.find((d) => d.json?.id === queued.body.event_id),
    );
    assert.equal(got.json.type, 'webhook.test');
    const header = got.headers['ponte-signature'] as string;
    assert.ok(verifyWebhook({ body: got.body, header, secrets: secret }).ok);
    assert.ok(verifyWebhook({ body: got.body, header, secrets: endpoint.secret }).ok);
    assert.equal(verifyWebhook({ body: got.body, header, secrets: 'whsec_someone_else' }).ok, false);
  });

  test('a removed endpoint gets nothing more', async () => {
    const extra = await admin('POST', `/tenants/${tenant.id}/webhooks`, {
      url: endpointProxy.url('/other'),
      events: ['erp.unavailable'],
    });
    assert.equal(extra.status, 201);
    const removed = await admin('DELETE', `/webhooks/${extra.body.endpoint.id}`);
    assert.equal(removed.status, 200);
    const listed = await admin('GET', `/tenants/${tenant.id}/webhooks`);
    assert.deepEqual(
      listed.body.map((e: { id: string }) => e.id),
      [endpoint.id],
    );
    assert.equal((await admin('POST', `/webhooks/${extra.body.endpoint.id}/test`)).status, 400);
  });
});
