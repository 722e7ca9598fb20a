// What the settlement tests (test/settlement/<erp>-settlement.test.ts) share: a Ponte whose worker
// retries settlements quickly, the body of a settle_bill call for a listed bill, and waiting for a
// settlement to reach a state.
import assert from 'node:assert/strict';
import type { AnyProvider } from '../../src/providers/types.js';
import { startPonte, type RunningPonte } from './ponte.js';
import { until } from './webhook-receiver.js';

export { until } from './webhook-receiver.js';

/** A bill as list_bills answers it (the fields settle_bill needs). */
export type ListedBill = { remote_id: string; valor_final: string };

/** When the tests' customers paid. */
export const PAID_AT = new Date().toISOString();

/** A Ponte for `provider` whose worker runs and retries settlements every 50 ms. */
export const startSettlementPonte = (provider: AnyProvider): Promise<RunningPonte> =>
  startPonte({
    providers: [provider],
    env: { PONTE_WORKER_INTERVAL_MS: '50', PONTE_SETTLEMENT_RETRY_MS: '50' },
  });

/** settle_bill's input paying `bill` in full by Pix, as transaction `id` (plus `extra` fields). */
export const settleBody = (
  document: string,
  bill: ListedBill,
  id: string,
  extra: Record<string, string> = {},
) => ({
  customer_document_number: document,
  boleto_id: bill.remote_id,
  transaction: { id, method: 'pix', amount: bill.valor_final, paid_at: PAID_AT, ...extra },
});

/** The stored settlement's state, if there is one. */
export const settlementState = async (ponte: RunningPonte, tenant: string, tx: string) =>
  (await ponte.app.gateway.settlements.show(tenant, tx))?.state;

/** Waits until the settlement of `tx` is in `state` (the worker got to it). */
export const untilState = (ponte: RunningPonte, tenant: string, tx: string, state: string, what: string) =>
  until(what, async () => ((await settlementState(ponte, tenant, tx)) === state ? true : undefined));

/** Runs `run` with `rule` set on the simulator's faults, clearing them afterwards. */
export async function withFault<R>(
  faults: { set(rule: R): void; clear(): void },
  rule: R,
  run: () => Promise<void>,
): Promise<void> {
  faults.set(rule);
  try {
    await run();
  } finally {
    faults.clear();
  }
}

/** The settlement's attempts as `[kind, result]` pairs. */
export async function attemptsOf(ponte: RunningPonte, tenant: string, tx: string) {
  const view = await ponte.app.gateway.settlements.show(tenant, tx);
  return view!.attempts_made.map((a) => [a.kind, a.result]);
}

/** The answer was lost after the ERP took the baixa: one apply (unknown), then a read that found it paid. */
export async function assertReadBackNotResent(ponte: RunningPonte, tenant: string, tx: string) {
  assert.deepEqual(
    await attemptsOf(ponte, tenant, tx),
    [
      ['apply', 'unknown'],
      ['read', 'settled'],
    ],
    'the bill was read, and the baixa was not sent again',
  );
}

/** `n` concurrent settle_bill calls with one body: each answered 200 with the same body, given back. */
export async function settleConcurrently(ponte: RunningPonte, body: unknown, key: string, n = 50) {
  const answers = await Promise.all(Array.from({ length: n }, () => ponte.call('settle_bill', body, key)));
  for (const a of answers) {
    assert.equal(a.status, 200);
    assert.deepEqual(a.body, answers[0]!.body);
  }
  return answers[0]!.body;
}
