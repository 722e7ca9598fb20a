// settle_bill on the sandbox: an idempotent write. Ponte claims the transaction id in its own
// store (SQLite or PostgreSQL: that is what differs between the two runs), the sandbox records the
// payment, and Ponte stores the outcome. Every call pays a different open bill with a new
// transaction id; the outcomes are read back from the dataset afterwards.
import {
  cycle,
  failureNote,
  loadData,
  measure,
  loadColumns,
  rssTarget,
  type BenchContext,
  type Figure,
} from '../context.js';
import { formatMoney } from '../../src/brasil/money.js';
import type { PonteProcess } from '../ponte-process.js';
import { settlementOutcomes, type OpenBill } from '../sandbox-data.js';

const CLIENTS = 10;

export interface SettleInput {
  ponte: PonteProcess;
  key: string;
  store: 'SQLite' | 'PostgreSQL';
  bills: OpenBill[];
  datasetPath: string;
}

export async function settle(ctx: BenchContext, input: SettleInput): Promise<Figure> {
  const prefix = `bench-${input.store.toLowerCase()}-${Date.now()}-`;
  const paidAt = new Date().toISOString();
  const result = await measure(ctx, `sandbox settle_bill on ${input.store}`, {
    url: input.ponte.url,
    connections: CLIENTS,
    seconds: ctx.seconds,
    requests: [
      {
        method: 'POST',
        path: '/v1/functions/settle_bill',
        headers: { authorization: `Bearer ${input.key}` },
        body: cycle(input.bills, (b, n) => ({
          boleto_id: String(b.id),
          customer_document_number: b.document,
          transaction: {
            id: `${prefix}${n}`,
            method: 'pix',
            // Overpaying is accepted; twice the face value covers any fine and interest.
            amount: formatMoney(b.amountCents * 2),
            paid_at: paidAt,
          },
        })),
      },
    ],
    watch: { ponte: input.ponte.pid },
  });
  const outcomes = settlementOutcomes(input.datasetPath, prefix);
  const summary = Object.entries(outcomes)
    .map(([status, n]) => `${n} ${status}`)
    .join(', ');
  return {
    id: `sandbox.settle_bill.${input.store.toLowerCase()}`,
    label: `sandbox settle_bill, ${input.store} store`,
    ...loadColumns(result),
    erpPerCall: null,
    detail: `settlements/s; outcomes incl. warm-up: ${summary || 'none'}${failureNote(result)}`,
    targets: [rssTarget(result)],
    data: { store: input.store, outcomes, ...loadData(result) },
  };
}
