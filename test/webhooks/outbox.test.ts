// The outbox in the store (SQLite, and PostgreSQL with DATABASE_URL): an event id stored twice is
// one event; deliveries of one transaction go out in order; the worker backs off with jitter on an
// injected clock and gives a delivery up after its window; settlement events have stable ids.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { settlementEvent } from '../../src/webhooks/events.js';
import { WebhookService } from '../../src/webhooks/service.js';
import { testDatabase, type TestDatabase } from '../helpers/database.js';
import { startReceiver, until } from '../helpers/webhook-receiver.js';

let app: App;
let database: TestDatabase;
let dataDir: string;
let tenantId: string;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ponte-outbox-'));
  database = await testDatabase();
  app = await openApp(
    loadConfig({
      PONTE_DATA_DIR: dataDir,
      PONTE_WEBHOOKS_ALLOW_PRIVATE: 'true',
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    }),
    pino({ level: 'silent' }),
  );
  const created = await app.admin.createTenant({
    name: 'isp',
    provider: 'sandbox',
    settings: { customers: 0 },
  });
  tenantId = created.tenant.id;
});
after(async () => {
  await app.close();
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A port that refuses connections (an endpoint that is down). */
async function refusedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

const event = (id: string, key: string, at: string) => ({
  id,
  tenant_id: tenantId,
  type: 'settlement.settled',
  ordering_key: key,
  body: JSON.stringify({ id }),
  created_at: at,
});

describe('the outbox', () => {
  test('the same event id stored twice is one event with one delivery per endpoint', async () => {
    const { endpoint } = await app.gateway.webhooks.add(tenantId, { url: 'http://127.0.0.1:9/a' });
    const at = new Date().toISOString();
    const repo = app.store.webhooks;
    assert.equal(await repo.enqueue(event('evt_twice', 'settlement:tw', at)), true);
    assert.equal(await repo.enqueue(event('evt_twice', 'settlement:tw', at)), false);
    const rows = await repo.listDeliveries({ eventId: 'evt_twice', limit: 10 });
    assert.deepEqual(
      rows.map((r) => r.endpoint_id),
      [endpoint.id],
    );
    await app.gateway.webhooks.remove(endpoint.id);
  });

  test('a later event of a transaction waits until the earlier one is delivered or given up', async () => {
    const { endpoint } = await app.gateway.webhooks.add(tenantId, { url: 'http://127.0.0.1:9/b' });
    const repo = app.store.webhooks;
    const at = new Date(Date.now() - 1000).toISOString();
    await repo.enqueue(event('evt_first', 'settlement:ord', at));
    await repo.enqueue(event('evt_second', 'settlement:ord', at));
    await repo.enqueue(event('evt_other', 'settlement:other', at));
    const dueIds = async () =>
      (await repo.due(new Date().toISOString(), 50))
        .filter((d) => d.endpoint_id === endpoint.id)
        .map((d) => d.event_id);
    assert.deepEqual(await dueIds(), ['evt_first', 'evt_other']);
    const [first] = await repo.listDeliveries({ eventId: 'evt_first', limit: 1 });
    assert.ok(await repo.transition(first!, { state: 'delivered', updated_at: new Date().toISOString() }));
    assert.deepEqual(await dueIds(), ['evt_second', 'evt_other']);
    await app.gateway.webhooks.remove(endpoint.id);
  });

  test('failed attempts back off with jitter and the delivery is given up after its window', async () => {
    let now = new Date('2026-12-01T12:00:00.000Z');
    const service = new WebhookService({
      store: app.store,
      log: pino({ level: 'silent' }),
      allowPrivate: true,
      now: () => now,
      options: { retryBaseMs: 60_000, maxBackoffMs: 3_600_000, giveUpAfterMs: 3 * 60_000, timeoutMs: 2_000 },
    });
    try {
      const { endpoint } = await service.add(tenantId, {
        url: `http://127.0.0.1:${await refusedPort()}/down`,
      });
      await app.store.webhooks.enqueue(event('evt_backoff', 'settlement:backoff', now.toISOString()), {
        onlyEndpoint: endpoint.id,
        giveUpAfterMs: 3 * 60_000,
      });
      const row = async () =>
        (await app.store.webhooks.listDeliveries({ eventId: 'evt_backoff', limit: 1 }))[0]!;
      const wait = async () => Date.parse((await row()).next_attempt_at!) - now.getTime();

      assert.equal(await service.tick(), 1);
      assert.equal((await row()).state, 'pending');
      const first = await wait();
      assert.ok(first >= 30_000 && first <= 60_000, `first retry in ${first} ms`);
      assert.equal(await service.tick(), 0, 'not due yet');

      now = new Date(now.getTime() + first);
      assert.equal(await service.tick(), 1);
      const second = await wait();
      assert.ok(second >= 60_000 && second <= 120_000, `second retry in ${second} ms`);

      // The next retry would fall after the window: the delivery is given up and listed as failed.
      now = new Date(now.getTime() + second);
      assert.equal(await service.tick(), 1);
      const failed = await row();
      assert.equal(failed.state, 'failed');
      assert.equal(failed.attempts, 3);
      assert.match(failed.last_error ?? '', /ECONNREFUSED|connect/);
      const listed = await service.deliveries({ endpointId: endpoint.id, state: 'failed', limit: 10 });
      assert.deepEqual(
        listed.map((d) => d.event_id),
        ['evt_backoff'],
      );
      const log = await app.store.webhooks.attempts(failed.id);
      assert.equal(log.length, 3);
      assert.ok(log.every((a) => a.status === null && a.error !== null));

      // Redelivery makes it due now, with a new window.
      const again = await service.redeliver(failed.id);
      assert.equal(again.state, 'pending');
      assert.ok(again.give_up_at > failed.give_up_at);
      await service.remove(endpoint.id);
    } finally {
      await service.close();
    }
  });
});

test('at delivery time too, a private address is refused unless the operator allows it', async () => {
  const receiver = await startReceiver();
  const strict = new WebhookService({
    store: app.store,
    log: pino({ level: 'silent' }),
    allowPrivate: false,
  });
  try {
    // Stored while private addresses were allowed (or a name that has since moved to one).
    const { endpoint } = await app.gateway.webhooks.add(tenantId, { url: `${receiver.url}/ssrf` });
    await app.store.webhooks.enqueue(event('evt_ssrf', 'settlement:ssrf', new Date().toISOString()), {
      onlyEndpoint: endpoint.id,
    });
    const [delivery] = await app.store.webhooks.listDeliveries({ eventId: 'evt_ssrf', limit: 1 });
    await until('the refused attempt', async () => {
      await strict.tick();
      return (await app.store.webhooks.attempts(delivery!.id)).length > 0 ? true : undefined;
    });
    const [refused] = await app.store.webhooks.attempts(delivery!.id);
    assert.equal(refused!.status, null);
    assert.match(refused!.error ?? '', /private, loopback or reserved/);
    assert.equal(receiver.received.length, 0, 'nothing reached the address');
    await app.gateway.webhooks.remove(endpoint.id);
  } finally {
    await strict.close();
    await receiver.close();
  }
});

describe('settlement events', () => {
  const row = { tenant_id: 't1', transaction_id: 'pix-1', boleto_id: '42', attempts: 3 };
  const outcome = JSON.stringify({
    success: true,
    status: 'settled',
    api_response: 'ok',
    settlement_id: '9',
  });

  test('an outcome has an id derived from tenant, transaction and outcome', () => {
    const a = settlementEvent(row, 'settled', { outcome, lastError: null }, '2026-12-01T10:00:00.000Z', 10)!;
    const b = settlementEvent(row, 'settled', { outcome, lastError: null }, '2026-12-01T11:00:00.000Z', 10)!;
    assert.equal(a.id, b.id);
    assert.equal(a.type, 'settlement.settled');
    assert.equal(a.ordering_key, 'settlement:pix-1');
    assert.deepEqual(JSON.parse(a.body), {
      id: a.id,
      type: 'settlement.settled',
      created_at: '2026-12-01T10:00:00.000Z',
      data: {
        transaction_id: 'pix-1',
        boleto_id: '42',
        status: 'settled',
        success: true,
        api_response: 'ok',
        settlement_id: '9',
        occurred_at: '2026-12-01T10:00:00.000Z',
      },
    });
    const other = settlementEvent(
      { ...row, transaction_id: 'pix-2' },
      'settled',
      { outcome, lastError: null },
      'x',
      10,
    );
    assert.notEqual(other!.id, a.id);
    const rejected = settlementEvent(row, 'rejected', { outcome, lastError: null }, 'x', 10);
    assert.equal(rejected!.type, 'settlement.rejected');
    assert.notEqual(rejected!.id, a.id);
  });

  test("the ERP's free text is masked: a document or e-mail it echoed does not reach the platform", () => {
    const echoed = JSON.stringify({
      success: true,
      status: 'settled',
      api_response: 'Baixa do cliente 529.982.247-25 (maria@example.com) efetuada',
    });
    const event = settlementEvent(row, 'settled', { outcome: echoed, lastError: null }, 'x', 10)!;
    assert.ok(!event.body.includes('529.982.247-25'));
    assert.ok(!event.body.includes('maria@example.com'));
    assert.match(JSON.parse(event.body).data.api_response, /^Baixa do cliente .* efetuada$/);
  });

  test('a settlement still queued after N attempts needs attention, once; before that, nothing', () => {
    assert.equal(
      settlementEvent({ ...row, attempts: 9 }, 'queued', { outcome: null, lastError: 'down' }, 'x', 10),
      undefined,
    );
    const stuck = settlementEvent(
      { ...row, attempts: 10 },
      'unknown',
      { outcome: null, lastError: 'down' },
      'x',
      10,
    )!;
    const later = settlementEvent(
      { ...row, attempts: 14 },
      'queued',
      { outcome: null, lastError: 'down' },
      'y',
      10,
    )!;
    assert.equal(stuck.type, 'settlement.needs_attention');
    assert.equal(stuck.id, later.id, 'one event however many attempts follow');
    assert.equal(JSON.parse(stuck.body).data.reason, 'stuck');
    const failed = settlementEvent(
      row,
      'failed',
      { outcome: JSON.stringify({ code: 'BILL_NOT_FOUND', message: 'no such bill' }), lastError: null },
      'x',
      10,
    )!;
    assert.equal(failed.type, 'settlement.needs_attention');
    assert.deepEqual(JSON.parse(failed.body).data.error, { code: 'BILL_NOT_FOUND', message: 'no such bill' });
  });
});
