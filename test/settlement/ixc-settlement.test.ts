// Nothing lost, nothing doubled: settle_bill through IXC (the simulator) when the ERP is down,
// times out after taking the baixa, hangs, or is hammered by duplicates. The simulator counts the
// baixas it accepted, so "exactly once" is what IXC itself saw.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ixcProvider } from '../../src/providers/ixc/index.js';
import { FIXTURES } from '../../simulators/ixc/seed.js';
import { ixcTenantSettings, startIxcSimulator, type IxcSimulator } from '../../simulators/ixc/server.js';
import { startPonte, type RunningPonte } from '../helpers/ponte.js';
import {
  settleBody,
  settleConcurrently,
  settlementState,
  startSettlementPonte,
  until,
  untilState,
  withFault,
  assertReadBackNotResent,
} from '../helpers/settlement.js';
import { switchableProxy, type SwitchableProxy } from '../helpers/switchable-proxy.js';

const TOKEN = '7:5e884898da280471';
let sim: IxcSimulator;
let proxy: SwitchableProxy;
let ponte: RunningPonte;
const keys: Record<string, { id: string; key: string }> = {};

const settings = (baseUrl: string) => ixcTenantSettings(baseUrl, TOKEN);

before(async () => {
  sim = await startIxcSimulator({ token: TOKEN, seed: { customers: 10 } });
  const port = Number(new URL(sim.url).port);
  proxy = await switchableProxy({ host: '127.0.0.1', port });
  ponte = await startSettlementPonte(ixcProvider);
  const viaProxy = settings(proxy.url('/webservice/v1'));
  keys.main = await ponte.createTenant('isp', 'ixc', viaProxy, { circuit_open_seconds: 1 });
});
after(async () => {
  await ponte.close();
  await proxy.close();
  await sim.close();
});

const openBills = async (document: string, key = keys.main!.key) =>
  (await ponte.call('list_bills', { customer_document_number: document }, key)).body as {
    remote_id: string;
    valor_final: string;
  }[];

describe('settle_bill retried by the platform', () => {
  test('a queued settlement is applied by the retry itself once IXC is back, still exactly once', async () => {
    // No worker here: only the platform's retries can apply it.
    const alone = await startPonte({ providers: [ixcProvider], worker: false });
    try {
      const { key } = await alone.createTenant('isp', 'ixc', settings(proxy.url('/webservice/v1')));
      const listed = await alone.call('list_bills', { customer_document_number: FIXTURES.otherBills }, key);
      const bill = (listed.body as { remote_id: string; valor_final: string }[])[0]!;
      const body = settleBody(FIXTURES.otherBills, bill, `tx-retry-${Date.now()}`);
      const baixas = sim.state.counters.baixas;
      await proxy.down();
      try {
        const first = await alone.call('settle_bill', body, key);
        assert.deepEqual([first.status, first.body.status], [200, 'queued']);
        const again = await alone.call('settle_bill', body, key);
        assert.deepEqual([again.status, again.body.status], [200, 'queued'], 'IXC still down');
      } finally {
        await proxy.up();
      }
      const retried = await alone.call('settle_bill', body, key);
      assert.equal(retried.status, 200, JSON.stringify(retried.body));
      assert.deepEqual([retried.body.success, retried.body.status], [true, 'settled']);
      const after = await alone.call('settle_bill', body, key);
      assert.deepEqual(after.body, retried.body, 'the outcome is kept');
      assert.equal(sim.state.counters.baixas, baixas + 1);
    } finally {
      await alone.close();
    }
  });

  test('20 concurrent retries of a queued settlement make one attempt between them', async () => {
    const alone = await startPonte({ providers: [ixcProvider], worker: false });
    try {
      const { key } = await alone.createTenant('isp', 'ixc', settings(proxy.url('/webservice/v1')));
      const listed = await alone.call('list_bills', { customer_document_number: FIXTURES.bills }, key);
      const bill = (listed.body as { remote_id: string; valor_final: string }[])[0]!;
      const body = settleBody(FIXTURES.bills, bill, `tx-retries-${Date.now()}`);
      const baixas = sim.state.counters.baixas;
      await proxy.down();
      try {
        assert.equal((await alone.call('settle_bill', body, key)).body.status, 'queued');
      } finally {
        await proxy.up();
      }
      const requests = sim.state.counters.requests;
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => alone.call('settle_bill', body, key)),
      );
      for (const a of answers) assert.equal(a.status, 200, JSON.stringify(a.body));
      assert.ok(answers.some((a) => a.body.status === 'settled'));
      assert.ok(answers.every((a) => ['settled', 'queued'].includes(a.body.status)));
      assert.equal(sim.state.counters.baixas, baixas + 1);
      // One attempt: the lookups of one baixa, not twenty.
      const view = await alone.app.gateway.settlements.show(
        (await alone.app.store.tenants.list())[0]!.id,
        body.transaction.id,
      );
      assert.equal(
        view?.attempts_made.filter((a) => a.kind === 'apply').length,
        2,
        'the first and one retry',
      );
      assert.ok(
        sim.state.counters.requests - requests < 20,
        `${sim.state.counters.requests - requests} requests`,
      );
    } finally {
      await alone.close();
    }
  });
});

describe('settle_bill through IXC', () => {
  test('50 concurrent calls with one transaction: one baixa reaches IXC, all 50 get the same answer', async () => {
    const [bill] = await openBills(FIXTURES.manyBills);
    const baixas = sim.state.counters.baixas;
    const body = settleBody(FIXTURES.manyBills, bill!, `tx-burst-${Date.now()}`);
    const first = await settleConcurrently(ponte, body, keys.main!.key);
    assert.deepEqual([first.success, first.status], [true, 'settled']);
    assert.equal(sim.state.counters.baixas, baixas + 1);
  });

  test('ERP down: queued; ERP back: applied exactly once, with no new call from the platform', async () => {
    const bills = await openBills(FIXTURES.manyBills);
    const bill = bills[bills.length - 1]!;
    const tx = `tx-down-${Date.now()}`;
    const baixas = sim.state.counters.baixas;
    await proxy.down();
    try {
      const answer = await ponte.call(
        'settle_bill',
        settleBody(FIXTURES.manyBills, bill, tx),
        keys.main!.key,
      );
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.deepEqual([answer.body.success, answer.body.status], [false, 'queued']);
      assert.equal(await settlementState(ponte, keys.main!.id, tx), 'queued');
      // While IXC is down the worker keeps trying: the settlement stays queued, nothing reaches IXC.
      const view = await until('the worker to try again by itself', async () => {
        const v = await ponte.app.gateway.settlements.show(keys.main!.id, tx);
        return v && v.attempts_made.length >= 2 ? v : undefined;
      });
      assert.ok(['queued', 'applying'].includes(view.state), view.state);
      assert.ok(view.attempts_made.every((a) => a.result === 'queued'));
      assert.equal(sim.state.counters.baixas, baixas);
    } finally {
      await proxy.up();
    }
    await untilState(ponte, keys.main!.id, tx, 'settled', 'the worker to apply it');
    assert.equal(sim.state.counters.baixas, baixas + 1);
    const again = await ponte.call('settle_bill', settleBody(FIXTURES.manyBills, bill, tx), keys.main!.key);
    assert.deepEqual([again.body.success, again.body.status], [true, 'settled']);
    // A pass of the worker over what is due sends nothing more: the settlement is final.
    await ponte.app.gateway.settlements.tick();
    assert.equal(await settlementState(ponte, keys.main!.id, tx), 'settled');
    assert.equal(sim.state.counters.baixas, baixas + 1, 'never a second baixa');
  });

  test('IXC takes the baixa and the answer is lost: Ponte reads the bill before any resend, settled, one baixa', async () => {
    const bills = await openBills(FIXTURES.bills);
    const bill = bills[0]!;
    const tx = `tx-lost-${Date.now()}`;
    const baixas = sim.state.counters.baixas;
    // The connection closes after IXC recorded it: the same "maybe sent" as a timeout, with no clock.
    await withFault(
      sim.faults,
      { kind: 'drop', resource: 'fn_areceber_recebimentos_baixas_novo', times: 1 },
      async () => {
        const answer = await ponte.call('settle_bill', settleBody(FIXTURES.bills, bill, tx), keys.main!.key);
        assert.deepEqual([answer.body.success, answer.body.status], [false, 'queued']);
      },
    );
    assert.equal(sim.state.counters.baixas, baixas + 1, 'IXC recorded it before the answer was lost');
    await untilState(ponte, keys.main!.id, tx, 'settled', 'the worker to resolve it');
    assert.equal(sim.state.counters.baixas, baixas + 1);
    await assertReadBackNotResent(ponte, keys.main!.id, tx);
  });
});

describe('a hanging ERP', () => {
  let hanging: IxcSimulator;
  let healthy: IxcSimulator;
  let hangKey: { id: string; key: string };
  let okKey: { id: string; key: string };
  // The smallest deadline a tenant may have: what ends these calls is the deadline itself, so it
  // is waited for, but only a tenth of a second per call.
  const DEADLINE = 100;

  before(async () => {
    hanging = await startIxcSimulator({ token: TOKEN, seed: { customers: 2 } });
    healthy = await startIxcSimulator({ token: TOKEN, seed: { customers: 2 } });
    hangKey = await ponte.createTenant('hangs', 'ixc', settings(hanging.baseUrl), {
      deadline_ms: DEADLINE,
      circuit_failure_threshold: 3,
      circuit_open_seconds: 60,
    });
    okKey = await ponte.createTenant('healthy', 'ixc', settings(healthy.baseUrl), {});
  });
  after(async () => {
    await hanging.close();
    await healthy.close();
  });

  const call = (key: string) => ponte.call('get_customer', { customer_document_number: FIXTURES.bills }, key);

  test('calls fail at the deadline, then the open circuit fails them without calling; another tenant is unaffected', async () => {
    hanging.faults.set({ kind: 'timeout' });
    for (let i = 0; i < 3; i++) {
      const answer = await call(hangKey.key);
      assert.equal(answer.body.error.code, 'ERP_UNAVAILABLE');
      // The deadline ended each (the simulator never answers), not the ERP's own "forever".
      assert.match(answer.body.error.message, new RegExp(`did not answer within ${DEADLINE} ms`));
    }

    const requestsBefore = hanging.state.counters.requests;
    for (let i = 0; i < 10; i++) {
      const answer = await call(hangKey.key);
      assert.equal(answer.status, 503);
      assert.match(answer.body.error.message, /circuit is open/);
      assert.ok(Number(answer.headers.get('retry-after')) > 0, 'Retry-After');
    }
    assert.equal(
      hanging.state.counters.requests,
      requestsBefore,
      'the open circuit sends nothing to the ERP',
    );

    // The healthy tenant, called while the hanging tenant is being called concurrently.
    const healthyBefore = healthy.state.counters.requests;
    const noise = Promise.all(Array.from({ length: 20 }, () => call(hangKey.key)));
    const answers = await Promise.all(Array.from({ length: 15 }, () => call(okKey.key)));
    for (const answer of await noise) assert.equal(answer.body.error.code, 'ERP_UNAVAILABLE');
    for (const answer of answers) assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.ok(healthy.state.counters.requests - healthyBefore >= 15, 'each healthy call reached its ERP');
  });
});
