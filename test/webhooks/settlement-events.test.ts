// Which settlement changes become webhook events, through the real state machine (a fake ERP, the
// worker driven by hand): none for a settlement answered with its outcome; settlement.needs_attention
// once when it is still queued after N attempts; then one settlement.settled (or .rejected,
// .already_settled) when it lands, in that order, each written with the settlement's final change.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { PonteError } from '../../src/contract/index.js';
import { Gateway } from '../../src/gateway/gateway.js';
import { testDatabase, type TestDatabase } from '../helpers/database.js';
import { fakeProvider } from '../helpers/fake-provider.js';

let erp: 'down' | 'settled' | 'rejected' | 'already_settled' = 'down';
const provider = fakeProvider({
  id: 'fake-webhooks',
  functions: {
    settle_bill: () => {
      if (erp === 'down')
        return Promise.reject(new PonteError('ERP_UNAVAILABLE', 'down', { delivery: 'not_sent' }));
      return Promise.resolve({ success: erp === 'settled', status: erp, api_response: `ERP says ${erp}` });
    },
  },
});

let app: App;
let gateway: Gateway;
let database: TestDatabase;
let dataDir: string;
let tenantId: string;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ponte-settlement-events-'));
  database = await testDatabase();
  const log = pino({ level: 'silent' });
  app = await openApp(
    loadConfig({
      PONTE_DATA_DIR: dataDir,
      PONTE_WEBHOOKS_ALLOW_PRIVATE: 'true',
      ...(database.url ? { DATABASE_URL: database.url } : {}),
    }),
    log,
    { providers: [provider] },
  );
  const created = await app.admin.createTenant({
    name: 'isp',
    provider: provider.id,
    settings: {},
    options: { circuit_failure_threshold: 1000 },
  });
  tenantId = created.tenant.id;
  await app.gateway.webhooks.add(tenantId, { url: 'http://127.0.0.1:9/hooks' });
  gateway = new Gateway({
    store: app.store,
    registry: app.registry,
    log,
    dataDir,
    settlement: { attentionAfterAttempts: 3 },
  });
});
after(async () => {
  await gateway.close();
  await app.close();
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

const settle = (tx: string) =>
  gateway.call({
    functionName: 'settle_bill',
    requestId: `req-${tx}`,
    tenant: tenantId,
    body: {
      customer_document_number: '52998224725',
      boleto_id: '77',
      transaction: { id: tx, method: 'pix', amount: '10.00', paid_at: '2026-12-01T10:00:00-03:00' },
    },
  });

/** One more attempt by the worker, now. */
async function attempt(tx: string): Promise<void> {
  await gateway.settlements.retry(tenantId, tx);
  // Due from the next millisecond on (retry stamps it strictly after the row's last change).
  while ((await gateway.settlements.tick()) === 0) await new Promise((r) => setTimeout(r, 2));
}

const eventsOf = async (tx: string) =>
  (
    await app.store.db
      .selectFrom('webhook_events')
      .selectAll()
      .where('ordering_key', '=', `settlement:${tx}`)
      .orderBy('seq')
      .execute()
  ).map((e) => ({
    id: e.id,
    type: e.type,
    data: (JSON.parse(e.body) as { data: Record<string, unknown> }).data,
  }));

describe('settlement events', () => {
  test('queued, stuck after 3 attempts (told once), then settled (told once), in that order', async () => {
    erp = 'down';
    const tx = `tx-stuck-${Date.now()}`;
    const first = await settle(tx);
    assert.deepEqual([first.status, (first.body as { status: string }).status], [200, 'queued']);
    await attempt(tx);
    assert.deepEqual(await eventsOf(tx), [], 'two attempts: nothing to tell yet');
    await attempt(tx);
    await attempt(tx);
    const stuck = await eventsOf(tx);
    assert.deepEqual(
      stuck.map((e) => [e.type, e.data.reason]),
      [['settlement.needs_attention', 'stuck']],
    );
    erp = 'settled';
    await attempt(tx);
    const all = await eventsOf(tx);
    assert.deepEqual(
      all.map((e) => e.type),
      ['settlement.needs_attention', 'settlement.settled'],
    );
    assert.deepEqual(all[1]!.data, {
      transaction_id: tx,
      boleto_id: '77',
      status: 'settled',
      success: true,
      api_response: 'ERP says settled',
      occurred_at: all[1]!.data.occurred_at,
    });
    const again = await settle(tx);
    assert.deepEqual((again.body as { status: string }).status, 'settled', 'the current state');
    assert.equal((await eventsOf(tx)).length, 2, 'a repeated call tells nothing new');
    // The endpoint has a delivery of each, waiting for the worker.
    const deliveries = await app.store.webhooks.listDeliveries({ tenantId, limit: 100 });
    assert.deepEqual(
      new Set(deliveries.filter((d) => all.some((e) => e.id === d.event_id)).map((d) => d.event_id)).size,
      2,
    );
  });

  for (const outcome of ['rejected', 'already_settled'] as const) {
    test(`queued, then ${outcome}: one settlement.${outcome}`, async () => {
      erp = 'down';
      const tx = `tx-${outcome}-${Date.now()}`;
      await settle(tx);
      erp = outcome;
      await attempt(tx);
      const events = await eventsOf(tx);
      assert.deepEqual(
        events.map((e) => [e.type, e.data.success, e.data.status]),
        [[`settlement.${outcome}`, false, outcome]],
      );
    });
  }

  test('settled at the first call: no event', async () => {
    erp = 'settled';
    const tx = `tx-first-${Date.now()}`;
    assert.equal(((await settle(tx)).body as { status: string }).status, 'settled');
    assert.deepEqual(await eventsOf(tx), []);
  });
});
