// Writes with an idempotency key run once in the ERP however many times and however concurrently
// the platform sends them; server-side failures give the key back, refusals are replayed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PonteError, functions, type FunctionName } from '../../src/contract/index.js';
import { exampleOutput, fakeProvider, sleep } from '../helpers/fake-provider.js';
import { startPonte, type Answer, type RunningPonte } from '../helpers/ponte.js';

/** Errors the next call of a function throws, consumed in order. */
const failures = new Map<FunctionName, Error[]>();

function nextFailure(name: FunctionName): Error | undefined {
  return failures.get(name)?.shift();
}

let runs = 0;

async function work(name: FunctionName): Promise<number> {
  await sleep(100);
  const failure = nextFailure(name);
  if (failure) throw failure;
  return ++runs;
}

const provider = fakeProvider({
  id: 'fake',
  functions: {
    create_order: async () => ({
      ...exampleOutput('create_order'),
      remote_id: `order-${await work('create_order')}`,
    }),
    create_ticket: async () => ({
      remote_id: `ticket-${await work('create_ticket')}`,
      protocol: '2026-0001',
    }),
    settle_bill: async () => ({
      ...exampleOutput('settle_bill'),
      settlement_id: `s-${await work('settle_bill')}`,
    }),
    create_lead: async () => ({ remote_id: `lead-${await work('create_lead')}` }),
  },
});

interface Case {
  name: FunctionName;
  body(key: string): Record<string, unknown>;
  keyOf(input: unknown): string | undefined;
}

const cases: Case[] = [
  {
    name: 'create_order',
    body: (key) => ({
      ...functions.create_order.example,
      order: { ...functions.create_order.example.order, id: key },
    }),
    keyOf: (input) => (input as { order: { id: string } }).order.id,
  },
  {
    name: 'create_ticket',
    body: (key) => ({ ...functions.create_ticket.example, request_id: key }),
    keyOf: (input) => (input as { request_id?: string }).request_id,
  },
  {
    name: 'settle_bill',
    body: (key) => ({
      ...functions.settle_bill.example,
      transaction: { ...functions.settle_bill.example.transaction, id: key },
    }),
    keyOf: (input) => (input as { transaction: { id: string } }).transaction.id,
  },
  {
    name: 'create_lead',
    body: (key) => ({ lead: { ...functions.create_lead.example.lead, id: key } }),
    keyOf: (input) => (input as { lead: { id: string } }).lead.id,
  },
];

describe('idempotency', () => {
  let ponte: RunningPonte;
  let apiKey: string;

  before(async () => {
    ponte = await startPonte({ providers: [provider] });
    apiKey = (await ponte.createTenant('idem', 'fake')).key;
  });
  after(() => ponte.close());

  const runsOf = (c: Case, key: string) =>
    provider.calls.filter((r) => r.name === c.name && c.keyOf(r.input) === key).length;
  const burst = (c: Case, key: string, n = 20): Promise<Answer[]> =>
    Promise.all(Array.from({ length: n }, () => ponte.call(c.name, c.body(key), apiKey)));

  for (const c of cases) {
    test(`${c.name}: 20 concurrent calls with one key run once and all get the same answer`, async () => {
      const key = `${c.name}-concurrent`;
      const answers = await burst(c, key);
      assert.equal(runsOf(c, key), 1);
      for (const a of answers) {
        assert.equal(a.status, 200, JSON.stringify(a.body));
        assert.deepEqual(a.body, answers[0]!.body);
      }
      const later = await ponte.call(c.name, c.body(key), apiKey);
      assert.equal(later.status, 200);
      assert.deepEqual(later.body, answers[0]!.body);
      assert.equal(runsOf(c, key), 1);
      // A new key is a new write.
      const other = await ponte.call(c.name, c.body(`${key}-2`), apiKey);
      assert.equal(other.status, 200);
      assert.notDeepEqual(other.body, answers[0]!.body);
    });
  }

  test('the key is compared on the normalised input: masks and unknown fields do not matter', async () => {
    const body = cases[0]!.body('normalised-order') as { order: { customer: Record<string, unknown> } };
    const first = await ponte.call('create_order', body, apiKey);
    const same = {
      ...body,
      platform_field: { anything: true },
      order: { ...body.order, customer: { ...body.order.customer, document_number: '52998224725' } },
    };
    const second = await ponte.call('create_order', same, apiKey);
    assert.equal(second.status, 200);
    assert.deepEqual(second.body, first.body);
    assert.equal(runsOf(cases[0]!, 'normalised-order'), 1);
  });

  test('a 5xx outcome gives the key back: the retry runs again', async () => {
    const c = cases[1]!;
    failures.set(c.name, [new PonteError('ERP_UNAVAILABLE', 'the ERP did not answer')]);
    const first = await ponte.call(c.name, c.body('retry-5xx'), apiKey);
    assert.equal(first.status, 503);
    const retry = await ponte.call(c.name, c.body('retry-5xx'), apiKey);
    assert.equal(retry.status, 200);
    assert.equal(runsOf(c, 'retry-5xx'), 2);

    failures.set(c.name, [new Error('socket hang up')]);
    const internal = await ponte.call(c.name, c.body('retry-500'), apiKey);
    assert.equal(internal.status, 500);
    assert.equal((await ponte.call(c.name, c.body('retry-500'), apiKey)).status, 200);
    assert.equal(runsOf(c, 'retry-500'), 2);
  });

  test('concurrent duplicates of a call that fails with 5xx: one more run, then all share its answer', async () => {
    const c = cases[0]!;
    failures.set(c.name, [new PonteError('ERP_UNAVAILABLE', 'the ERP did not answer')]);
    const answers = await burst(c, 'burst-5xx');
    const statuses = answers.map((a) => a.status).sort();
    assert.deepEqual(statuses, [...Array<number>(19).fill(200), 503]);
    const ok = answers.filter((a) => a.status === 200);
    for (const a of ok) assert.deepEqual(a.body, ok[0]!.body);
    assert.equal(runsOf(c, 'burst-5xx'), 2);
  });

  test('a 4xx outcome is kept: the retry gets the same refusal without calling the ERP', async () => {
    const c = cases[3]!;
    failures.set(c.name, [new PonteError('ERP_REJECTED', 'telefone já cadastrado em outro lead')]);
    const first = await ponte.call(c.name, c.body('refused'), apiKey);
    assert.equal(first.status, 422);
    const again = await Promise.all([1, 2, 3].map(() => ponte.call(c.name, c.body('refused'), apiKey)));
    for (const a of again) {
      assert.equal(a.status, 422);
      assert.equal(a.body.error.code, 'ERP_REJECTED');
      assert.equal(a.body.error.message, first.body.error.message);
      assert.notEqual(a.body.error.request_id, first.body.error.request_id);
    }
    assert.equal(runsOf(c, 'refused'), 1);

    failures.set('create_ticket', [new PonteError('CUSTOMER_NOT_FOUND', 'no customer')]);
    assert.equal((await ponte.call('create_ticket', cases[1]!.body('missing'), apiKey)).status, 404);
    assert.equal((await ponte.call('create_ticket', cases[1]!.body('missing'), apiKey)).status, 404);
    assert.equal(runsOf(cases[1]!, 'missing'), 1);
  });

  test('create_ticket without request_id is not idempotent', async () => {
    const body = { ...functions.create_ticket.example, request_id: undefined };
    const before = provider.count('create_ticket');
    const [a, b] = await Promise.all([
      ponte.call('create_ticket', body, apiKey),
      ponte.call('create_ticket', body, apiKey),
    ]);
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    assert.notDeepEqual(a.body, b.body);
    assert.equal(provider.count('create_ticket'), before + 2);
  });
});
