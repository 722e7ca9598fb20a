// Nothing lost, nothing doubled: settle_bill through Voalle (the simulator), whose settlement is
// asynchronous (receivepayment queues a payment, consultpayment tells when it is processed). The
// simulator counts the titles its payments actually paid, so "exactly once" is what Voalle saw.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { voalleProvider } from '../../src/providers/voalle/index.js';
import { seedVoalle } from '../../simulators/voalle/seed.js';
import {
  startVoalleSimulator,
  voalleTenantSettings,
  type VoalleSimulator,
} from '../../simulators/voalle/server.js';
import type { RunningPonte } from '../helpers/ponte.js';
import {
  settleBody as baseSettleBody,
  startSettlementPonte,
  untilState,
  type ListedBill,
  withFault,
  attemptsOf,
} from '../helpers/settlement.js';

const F = seedVoalle().fixtures;
let sim: VoalleSimulator;
let ponte: RunningPonte;
let tenant: { id: string; key: string };

before(async () => {
  sim = await startVoalleSimulator({ seed: { customers: 5 } });
  ponte = await startSettlementPonte(voalleProvider);
  tenant = await ponte.createTenant(
    'isp',
    'voalle',
    { ...voalleTenantSettings(sim.url), settlement_polls: 3 },
    { circuit_open_seconds: 1 },
  );
});
after(async () => {
  await ponte.close();
  await sim.close();
});

const openBills = async (document: string) =>
  (await ponte.call('list_bills', { customer_document_number: document }, tenant.key)).body as ListedBill[];
const settleBody = (document: string, bill: ListedBill, id: string) =>
  baseSettleBody(document, bill, id, { end_to_end_id: `E${id}` });

describe('settle_bill through Voalle (asynchronous)', () => {
  test('receivepayment then consultpayment until processed: settled, one payment, one baixa', async () => {
    const [bill] = await openBills(F.manyBills);
    const before = { baixas: sim.state.counters.baixas, payments: sim.state.payments.size };
    const answer = await ponte.call(
      'settle_bill',
      settleBody(F.manyBills, bill!, `tx-plain-${Date.now()}`),
      tenant.key,
    );
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual([answer.body.success, answer.body.status], [true, 'settled']);
    assert.match(answer.body.settlement_id, /^[0-9a-f-]{36}$/);
    assert.equal(sim.state.counters.baixas, before.baixas + 1);
    assert.equal(sim.state.payments.size, before.payments + 1);
    assert.ok(!(await openBills(F.manyBills)).some((b) => b.remote_id === bill!.remote_id));
  });

  test('receivepayment taken and its answer lost: queued, then resolved with the same transactionId, one payment', async () => {
    const [bill] = await openBills(F.withBills);
    const tx = `tx-lost-${Date.now()}`;
    const before = {
      baixas: sim.state.counters.baixas,
      payments: sim.state.payments.size,
      sent: sim.state.counters.receivepayments,
    };
    // Voalle records the payment, then the proxy in front of it answers 504: "maybe sent".
    await withFault(sim.faults, { kind: 'http504', route: 'receivepayment', times: 1 }, async () => {
      const answer = await ponte.call('settle_bill', settleBody(F.withBills, bill!, tx), tenant.key);
      assert.deepEqual(
        [answer.body.success, answer.body.status],
        [false, 'queued'],
        JSON.stringify(answer.body),
      );
    });
    assert.equal(
      sim.state.payments.size,
      before.payments + 1,
      'Voalle took the payment before the answer was lost',
    );
    await untilState(ponte, tenant.id, tx, 'settled', 'the worker to resolve it');
    assert.equal(sim.state.counters.baixas, before.baixas + 1);
    assert.equal(sim.state.payments.size, before.payments + 1, 'the resend named the same payment');
    assert.equal(
      sim.state.counters.receivepayments,
      before.sent + 2,
      'sent again only after reading the title',
    );
    assert.deepEqual(
      (await attemptsOf(ponte, tenant.id, tx)).map(([kind]) => kind),
      ['apply', 'read', 'apply'],
      'the open bills were read before the resend',
    );
  });

  test('a payment that stays unprocessed for a while: queued, then polled (not resent) until processed', async () => {
    const [bill] = await openBills(F.otherWithBills);
    const tx = `tx-slow-${Date.now()}`;
    const before = { baixas: sim.state.counters.baixas, sent: sim.state.counters.receivepayments };
    // The payment stays "waiting" for 5 consults; one call polls 3 times.
    await withFault(
      sim.faults,
      { kind: 'slow-payment', n: 5, route: 'receivepayment', times: 1 },
      async () => {
        const answer = await ponte.call('settle_bill', settleBody(F.otherWithBills, bill!, tx), tenant.key);
        assert.deepEqual(
          [answer.body.success, answer.body.status],
          [false, 'queued'],
          JSON.stringify(answer.body),
        );
      },
    );
    assert.equal(sim.state.counters.baixas, before.baixas, 'not processed yet');
    await untilState(ponte, tenant.id, tx, 'settled', 'the worker to see it processed');
    assert.equal(sim.state.counters.baixas, before.baixas + 1);
    assert.equal(sim.state.counters.receivepayments, before.sent + 1, 'polled, never resent');
    const again = await ponte.call('settle_bill', settleBody(F.otherWithBills, bill!, tx), tenant.key);
    assert.deepEqual([again.body.success, again.body.status], [true, 'settled']);
  });

  test('a token revoked before receivepayment: authenticated again and sent once more (a 401 did nothing)', async () => {
    const bills = await openBills(F.manyBills);
    const bill = bills[bills.length - 1]!;
    const before = { baixas: sim.state.counters.baixas, tokens: sim.state.counters.tokensIssued };
    await withFault(sim.faults, { kind: 'revoked', route: 'receivepayment', times: 1 }, async () => {
      const answer = await ponte.call(
        'settle_bill',
        settleBody(F.manyBills, bill, `tx-revoked-${Date.now()}`),
        tenant.key,
      );
      assert.deepEqual(
        [answer.body.success, answer.body.status],
        [true, 'settled'],
        JSON.stringify(answer.body),
      );
    });
    assert.equal(sim.state.counters.baixas, before.baixas + 1);
    assert.equal(sim.state.counters.tokensIssued, before.tokens + 1);
  });

  test('30 concurrent duplicates: one payment reaches Voalle; a second transaction on the paid title is already_settled', async () => {
    const bills = await openBills(F.manyBills);
    const bill = bills[0]!;
    const before = { baixas: sim.state.counters.baixas, payments: sim.state.payments.size };
    const body = settleBody(F.manyBills, bill, `tx-burst-${Date.now()}`);
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => ponte.call('settle_bill', body, tenant.key)),
    );
    for (const a of answers) assert.deepEqual(a.body, answers[0]!.body);
    assert.equal(answers[0]!.body.status, 'settled');
    assert.equal(sim.state.payments.size, before.payments + 1);
    assert.equal(sim.state.counters.baixas, before.baixas + 1);
    const other = await ponte.call(
      'settle_bill',
      settleBody(F.manyBills, bill, `tx-other-${Date.now()}`),
      tenant.key,
    );
    assert.deepEqual([other.body.success, other.body.status], [false, 'already_settled']);
    assert.equal(sim.state.counters.baixas, before.baixas + 1);
  });
});
