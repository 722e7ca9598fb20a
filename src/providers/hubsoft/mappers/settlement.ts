// A payment as Hubsoft's financeiro/fatura/liquidar wants it, and what its answer means. Pure.
import type { FunctionOutput, Transaction } from '../../../contract/index.js';
import { text } from '../../kit/edge.js';
import type { HubsoftSettings } from '../settings.js';
import type { Loose } from '../types.js';

const METHOD_OF: Record<NonNullable<Transaction['method']>, keyof HubsoftSettings['meios_pagamento']> = {
  pix: 'pix',
  credit_card: 'credit_card',
  debit_card: 'debit_card',
  tef: 'tef',
  cash: 'cash',
  boleto: 'boleto',
};

/** The body of financeiro/fatura/liquidar for a payment of `tx` against a fatura of `billCents`. */
export function settlementBody(
  tx: Transaction,
  billId: string,
  billCents: number,
  cashAccountId: number,
  methods: HubsoftSettings['meios_pagamento'],
  paidOn: string,
): Record<string, unknown> {
  const extra = tx.amount - billCents;
  return {
    id_fatura: Number(billId),
    id_caixa_financeiro: cashAccountId,
    data_pagamento: paidOn,
    valor_pago: tx.amount / 100,
    meio_pagamento: methods[METHOD_OF[tx.method ?? 'pix']],
    ...(extra > 0 ? { juros: extra / 100 } : {}),
    ...(tx.fee === undefined ? {} : { tarifa: tx.fee / 100 }),
  };
}

type Settlement = FunctionOutput<'settle_bill'>;

/** What Hubsoft's answer to liquidar means for the platform. */
export function settlementOutcome(
  ok: boolean,
  message: string,
  body: Record<string, unknown>,
  raw: string,
): Settlement {
  if (ok) {
    const receipt = body.recibo as { id_recibo?: Loose } | undefined;
    const id = text(receipt?.id_recibo);
    return {
      success: true,
      status: 'settled',
      api_response: raw,
      ...(id === '' ? {} : { settlement_id: id }),
    };
  }
  const paidBefore = /j[áa]\s+encontra-se\s+quitada/i.test(message);
  return { success: false, status: paidBefore ? 'already_settled' : 'rejected', api_response: raw };
}
