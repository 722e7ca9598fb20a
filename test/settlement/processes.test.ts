// Settlements survive their process: a gateway killed with SIGKILL while settlements are queued
// applies them after a restart, and two gateways sharing one PostgreSQL apply a queue of 200 while
// the ERP flaps, each exactly once (counted by the IXC simulator). A gateway killed while its baixa
// is in flight leaves a lease behind: the platform's retry takes it over at once, without waiting
// for the lease to run out, and the bill is settled once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { Store } from '../../src/store/index.js';
import { FIXTURES } from '../../simulators/ixc/seed.js';
import { ixcTenantSettings, startIxcSimulator, type IxcSimulator } from '../../simulators/ixc/server.js';
import { testDatabase, type TestDatabase } from '../helpers/database.js';
import { callProcess, startPonteProcess, type PonteProcess } from '../helpers/ponte-process.js';
import { switchableProxy, type SwitchableProxy } from '../helpers/switchable-proxy.js';

const TOKEN = '9:2c26b46b68ffc68f';
const PAID_AT = new Date().toISOString();
const WORKER_ENV = { PONTE_WORKER_INTERVAL_MS: '50', PONTE_SETTLEMENT_RETRY_MS: '100' };

interface World {
  sim: IxcSimulator;
  proxy: SwitchableProxy;
  dataDir: string;
  database: TestDatabase;
  env: Record<string, string>;
  key: string;
  tenantId: string;
}

async function world(
  customers: number,
  databaseUrl?: string,
  options: Record<string, unknown> = {},
): Promise<World> {
  const sim = await startIxcSimulator({ token: TOKEN, seed: { customers } });
  const proxy = await switchableProxy({ host: '127.0.0.1', port: Number(new URL(sim.url).port) });
  const dataDir = mkdtempSync(join(tmpdir(), 'ponte-proc-'));
  const database = await testDatabase(databaseUrl);
  const env: Record<string, string> = {
    PONTE_DATA_DIR: dataDir,
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...WORKER_ENV,
  };
  const app = await openApp(loadConfig(env), pino({ level: 'silent' }));
  const created = await app.admin.createTenant({
    name: 'isp',
    provider: 'ixc',
    settings: ixcTenantSettings(proxy.url('/webservice/v1'), TOKEN),
    options: { circuit_open_seconds: 1, deadline_ms: 3000, ...options },
  });
  await app.close();
  return { sim, proxy, dataDir, database, env, key: created.api_key, tenantId: created.tenant.id };
}

async function dispose(w: World): Promise<void> {
  await w.proxy.close();
  await w.sim.close();
  await w.database.drop();
  rmSync(w.dataDir, { recursive: true, force: true });
}

/** Open bills as Ponte lists them, with the document that owns each. */
async function openBills(url: string, key: string, documents: string[]) {
  const out: { document: string; remote_id: string; valor_final: string }[] = [];
  for (const document of documents) {
    const answer = await callProcess(url, 'list_bills', { customer_document_number: document }, key);
    if (answer.status !== 200) continue;
    for (const b of answer.body as { remote_id: string; valor_final: string }[]) out.push({ document, ...b });
  }
  return out;
}

const settleBody = (bill: { document: string; remote_id: string; valor_final: string }, tx: string) => ({
  customer_document_number: bill.document,
  boleto_id: bill.remote_id,
  transaction: { id: tx, method: 'pix', amount: bill.valor_final, paid_at: PAID_AT },
});

async function waitAllSettled(w: World, txs: string[], ms: number): Promise<void> {
  const store = await Store.open({ dataDir: w.dataDir, databaseUrl: w.database.url });
  try {
    const end = Date.now() + ms;
    for (;;) {
      const rows = await Promise.all(txs.map((tx) => store.settlements.get(w.tenantId, tx)));
      const pending = rows.filter((r) => r?.state !== 'settled');
      if (pending.length === 0) return;
      if (Date.now() > end) {
        throw new Error(
          `${pending.length} settlements not applied: ${pending.map((r) => r?.state).join(',')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await store.close();
  }
}

async function storedSettlement(w: World, tx: string) {
  const store = await Store.open({ dataDir: w.dataDir, databaseUrl: w.database.url });
  try {
    return await store.settlements.get(w.tenantId, tx);
  } finally {
    await store.close();
  }
}

function baixasPerBill(sim: IxcSimulator): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of sim.state.tables.fn_areceber_baixas?.rows ?? []) {
    counts.set(String(r.id_receber), (counts.get(String(r.id_receber)) ?? 0) + 1);
  }
  return counts;
}

describe('a gateway killed while settlements are queued', () => {
  let w: World;
  before(async () => {
    w = await world(5);
  });
  after(() => dispose(w));

  test('is restarted and applies each of them once', async () => {
    let ponte: PonteProcess = await startPonteProcess(w.env);
    const documents = [FIXTURES.manyBills, FIXTURES.bills, FIXTURES.otherBills];
    const bills = (await openBills(ponte.url, w.key, documents)).slice(0, 5);
    assert.ok(bills.length >= 3);
    const baixas = w.sim.state.counters.baixas;
    await w.proxy.down();
    const txs = bills.map((_, i) => `tx-kill-${i}-${Date.now()}`);
    for (const [i, bill] of bills.entries()) {
      const answer = await callProcess(ponte.url, 'settle_bill', settleBody(bill, txs[i]!), w.key);
      assert.deepEqual([answer.status, answer.body.status], [200, 'queued']);
    }
    await ponte.stop('SIGKILL');
    await w.proxy.up();
    assert.equal(w.sim.state.counters.baixas, baixas, 'nothing reached IXC while it was down');

    ponte = await startPonteProcess(w.env);
    try {
      await waitAllSettled(w, txs, 30_000);
    } finally {
      await ponte.stop();
    }
    assert.equal(w.sim.state.counters.baixas, baixas + bills.length);
    const perBill = baixasPerBill(w.sim);
    for (const bill of bills) assert.equal(perBill.get(bill.remote_id), 1, `bill ${bill.remote_id}`);
  });
});

describe('a gateway killed while its baixa is in flight', () => {
  let w: World;
  // A deadline of a minute gives each step a lease of 65 s: an answer `settled` to the first retry
  // shows that the lease of the dead process was taken over, not waited out.
  before(async () => {
    w = await world(5, undefined, { deadline_ms: 60_000 });
  });
  after(() => dispose(w));

  test("the platform's retry takes over the dead process's lease and settles once", async () => {
    const first = await startPonteProcess(w.env);
    const [bill] = await openBills(first.url, w.key, [FIXTURES.bills]);
    assert.ok(bill);
    const baixas = w.sim.state.counters.baixas;
    // IXC applies the baixa and never answers: the settlement stays `applying` in the dead process.
    w.sim.faults.set([{ kind: 'timeout', resource: 'fn_areceber_recebimentos_baixas_novo', times: 1 }]);
    const tx = `tx-inflight-${Date.now()}`;
    const lost = callProcess(first.url, 'settle_bill', settleBody(bill, tx), w.key).catch(() => null);
    while (w.sim.state.counters.baixas === baixas) await new Promise((r) => setTimeout(r, 20));
    await first.stop('SIGKILL');
    assert.equal(await lost, null, 'the first call never got an answer');
    const left = await storedSettlement(w, tx);
    assert.equal(left?.state, 'applying');
    assert.ok(left.lease_until);

    const second = await startPonteProcess(w.env);
    try {
      const retry = await callProcess(second.url, 'settle_bill', settleBody(bill, tx), w.key);
      assert.equal(retry.status, 200, JSON.stringify(retry.body));
      assert.equal(retry.body.status, 'settled', JSON.stringify(retry.body));
      assert.equal(retry.body.success, true);
      const again = await callProcess(second.url, 'settle_bill', settleBody(bill, tx), w.key);
      assert.deepEqual(again.body, retry.body, 'later retries get the same outcome');
    } finally {
      await second.stop();
    }
    const done = await storedSettlement(w, tx);
    assert.equal(done?.state, 'settled');
    assert.ok(done.updated_at < left.lease_until, 'settled while the dead process still held its lease');
    assert.equal(w.sim.state.counters.baixas, baixas + 1, 'one baixa in all');
    assert.equal(baixasPerBill(w.sim).get(bill.remote_id), 1);
  });
});

describe(
  'two gateways on one PostgreSQL',
  { skip: process.env.DATABASE_URL ? false : 'needs DATABASE_URL (PostgreSQL)' },
  () => {
    let w: World;
    before(async () => {
      w = await world(100, process.env.DATABASE_URL);
    });
    after(() => dispose(w));

    test('apply a queue of 200 settlements while the ERP flaps, each exactly once', async () => {
      const a = await startPonteProcess(w.env);
      const b = await startPonteProcess(w.env);
      try {
        const documents = w.sim.state.tables.cliente!.rows.map((r) => String(r.cnpj_cpf).replace(/\D/g, ''));
        const bills = (await openBills(a.url, w.key, documents)).slice(0, 200);
        assert.equal(bills.length, 200);
        const baixas = w.sim.state.counters.baixas;
        await w.proxy.down();
        const txs = bills.map((_, i) => `tx-pg-${i}-${Date.now()}`);
        for (let i = 0; i < bills.length; i += 10) {
          await Promise.all(
            bills.slice(i, i + 10).map(async (bill, j) => {
              const target = (i + j) % 2 === 0 ? a : b;
              const answer = await callProcess(
                target.url,
                'settle_bill',
                settleBody(bill, txs[i + j]!),
                w.key,
              );
              assert.deepEqual([answer.status, answer.body.status], [200, 'queued']);
            }),
          );
        }
        // The ERP comes and goes while both workers take up the queue.
        for (let i = 0; i < 8; i++) {
          await w.proxy.up();
          await new Promise((r) => setTimeout(r, 200));
          await w.proxy.down();
          await new Promise((r) => setTimeout(r, 150));
        }
        await w.proxy.up();
        await waitAllSettled(w, txs, 90_000);
        assert.equal(w.sim.state.counters.baixas, baixas + 200);
        const perBill = baixasPerBill(w.sim);
        for (const bill of bills) assert.equal(perBill.get(bill.remote_id), 1, `bill ${bill.remote_id}`);
      } finally {
        await a.stop();
        await b.stop();
      }
    });
  },
);
