// Nothing lost, nothing doubled: settle_bill through SGP (the simulator) under duplicates, with SGP
// down and back, and when SGP records the baixa but its answer is lost (a timeout after the baixa,
// a 504 after it). The simulator counts the baixas it recorded, so "exactly once" is what SGP saw.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sgpProvider } from '../../src/providers/sgp/index.js';
import { sgpTenantSettings } from '../../simulators/sgp/index.js';
import { startSgpSimulator, type SgpSimulator } from '../../simulators/sgp/server.js';
import type { RunningPonte } from '../helpers/ponte.js';
import {
  settleBody,
  settleConcurrently,
  startSettlementPonte,
  untilState,
  withFault,
  assertReadBackNotResent,
} from '../helpers/settlement.js';
import { switchableProxy, type SwitchableProxy } from '../helpers/switchable-proxy.js';

let sim: SgpSimulator;
let proxy: SwitchableProxy;
let ponte: RunningPonte;
const keys: Record<string, { id: string; key: string }> = {};
const used = new Set<string>();

before(async () => {
  sim = await startSgpSimulator({ seed: { customers: 12, seed: 3 } });
  proxy = await switchableProxy({ host: '127.0.0.1', port: Number(new URL(sim.url).port) });
  ponte = await startSettlementPonte(sgpProvider);
  const viaProxy = sgpTenantSettings(proxy.url(''));
  keys.main = await ponte.createTenant('isp', 'sgp', viaProxy, { circuit_open_seconds: 1 });
  keys.short = await ponte.createTenant('isp-short', 'sgp', viaProxy, {
    deadline_ms: 500,
    circuit_open_seconds: 1,
  });
});
after(async () => {
  await ponte.close();
  await proxy.close();
  await sim.close();
});

/** A customer with an open título no other test used. */
function freshCustomer(): string {
  const { data } = sim.state;
  const customer = data.customers.find(
    (c) => !used.has(c.cpfcnpj) && data.titles.some((t) => t.clienteId === c.id && t.status === 'Gerado'),
  )!;
  used.add(customer.cpfcnpj);
  return customer.cpfcnpj;
}

async function openBill(document: string, key = keys.main!.key) {
  const answer = await ponte.call('list_bills', { customer_document_number: document }, key);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return (answer.body as { remote_id: string; valor_final: string }[])[0]!;
}

describe('settle_bill through SGP', () => {
  test('50 concurrent calls with one transaction: one baixa reaches SGP, all 50 get the same answer', async () => {
    const doc = freshCustomer();
    const bill = await openBill(doc);
    const baixas = sim.state.counters.baixas;
    const body = settleBody(doc, bill, `tx-burst-${Date.now()}`);
    const first = await settleConcurrently(ponte, body, keys.main!.key);
    assert.deepEqual([first.success, first.status], [true, 'settled']);
    assert.equal(sim.state.counters.baixas, baixas + 1);
    // Another transaction for the same título: SGP already has it paid.
    const other = await ponte.call(
      'settle_bill',
      settleBody(doc, bill, `tx-burst-other-${Date.now()}`),
      keys.main!.key,
    );
    assert.deepEqual([other.body.success, other.body.status], [false, 'already_settled']);
    assert.equal(sim.state.counters.baixas, baixas + 1);
  });

  test('SGP down: queued; SGP back: applied exactly once by the worker', async () => {
    const doc = freshCustomer();
    const bill = await openBill(doc);
    const tx = `tx-down-${Date.now()}`;
    const baixas = sim.state.counters.baixas;
    await proxy.down();
    try {
      const answer = await ponte.call('settle_bill', settleBody(doc, bill, tx), keys.main!.key);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.deepEqual([answer.body.success, answer.body.status], [false, 'queued']);
      assert.equal(sim.state.counters.baixas, baixas);
    } finally {
      await proxy.up();
    }
    await untilState(ponte, keys.main!.id, tx, 'settled', 'the worker to apply it');
    assert.equal(sim.state.counters.baixas, baixas + 1);
    const again = await ponte.call('settle_bill', settleBody(doc, bill, tx), keys.main!.key);
    assert.deepEqual([again.body.success, again.body.status], [true, 'settled']);
    await ponte.app.gateway.settlements.tick();
    assert.equal(sim.state.counters.baixas, baixas + 1, 'never a second baixa');
  });

  test('a 504 after SGP recorded the baixa: the título is read back in the same call, settled, one baixa', async () => {
    const doc = freshCustomer();
    const bill = await openBill(doc);
    const baixas = sim.state.counters.baixas;
    await withFault(sim.faults, { kind: 'http504', route: '/baixar', times: 1 }, async () => {
      const answer = await ponte.call(
        'settle_bill',
        settleBody(doc, bill, `tx-504-${Date.now()}`),
        keys.main!.key,
      );
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.deepEqual([answer.body.success, answer.body.status], [true, 'settled']);
      assert.match(answer.body.api_response, /reads back paid/);
    });
    assert.equal(sim.state.counters.baixas, baixas + 1);
  });

  test('a timeout after SGP recorded the baixa: queued, then resolved by reading the bill, never resent', async () => {
    const doc = freshCustomer();
    const bill = await openBill(doc, keys.short!.key);
    const tx = `tx-timeout-${Date.now()}`;
    const baixas = sim.state.counters.baixas;
    await withFault(sim.faults, { kind: 'timeout', route: '/baixar', times: 1 }, async () => {
      const answer = await ponte.call('settle_bill', settleBody(doc, bill, tx), keys.short!.key);
      assert.deepEqual([answer.body.success, answer.body.status], [false, 'queued']);
    });
    assert.equal(sim.state.counters.baixas, baixas + 1, 'SGP recorded it before the answer was lost');
    await untilState(ponte, keys.short!.id, tx, 'settled', 'the worker to resolve it');
    assert.equal(sim.state.counters.baixas, baixas + 1);
    await assertReadBackNotResent(ponte, keys.short!.id, tx);
  });

  test('a 503 before anything was done: queued, then applied once', async () => {
    const doc = freshCustomer();
    const bill = await openBill(doc);
    const tx = `tx-503-${Date.now()}`;
    const baixas = sim.state.counters.baixas;
    await withFault(sim.faults, { kind: 'http503', route: '/baixar', times: 1 }, async () => {
      const answer = await ponte.call('settle_bill', settleBody(doc, bill, tx), keys.main!.key);
      assert.deepEqual([answer.body.success, answer.body.status], [false, 'queued']);
    });
    assert.equal(sim.state.counters.baixas, baixas);
    await untilState(ponte, keys.main!.id, tx, 'settled', 'the worker to apply it');
    assert.equal(sim.state.counters.baixas, baixas + 1);
  });

  test("another customer's título is BILL_NOT_FOUND and nothing is sent", async () => {
    const owner = freshCustomer();
    const stranger = freshCustomer();
    const bill = await openBill(owner);
    const baixas = sim.state.counters.baixas;
    const answer = await ponte.call(
      'settle_bill',
      settleBody(stranger, bill, `tx-foreign-${Date.now()}`),
      keys.main!.key,
    );
    assert.equal(answer.status, 404);
    assert.equal(answer.body.error.code, 'BILL_NOT_FOUND');
    assert.equal(sim.state.counters.baixas, baixas);
  });
});
