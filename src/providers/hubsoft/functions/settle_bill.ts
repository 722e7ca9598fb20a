import { todayInBrazil } from '../../../brasil/dates.js';
import { PonteError } from '../../../contract/index.js';
import type { ProviderFunction } from '../../types.js';
import { requireBill } from '../connection.js';
import type { HubsoftConnection } from '../connection.js';
import { settlementBody, settlementOutcome, text, toCents } from '../mappers.js';

/**
 * Liquidates the fatura (financeiro/fatura/liquidar) into the tenant's caixa financeiro. The bill
 * must be the customer's. Hubsoft's refusal of a fatura already paid is `already_settled`, any
 * other refusal `rejected`; the gateway makes the call once per transaction.id.
 */
export const settleBill: ProviderFunction<HubsoftConnection, 'settle_bill'> = async (conn, input, call) => {
  const cashAccount = conn.settings.caixa_financeiro_id;
  if (cashAccount === undefined) {
    throw new PonteError(
      'ERP_UNAVAILABLE',
      "settle_bill needs the tenant setting 'caixa_financeiro_id' (the caixa financeiro payments are booked into; 'ponte check' lists them)",
      { details: { settings: ['caixa_financeiro_id'] } },
    );
  }
  const bill = await requireBill(conn, input.boleto_id, input.customer_document_number, call);
  const tx = input.transaction;
  const body = settlementBody(
    tx,
    text(bill.id_fatura),
    toCents(bill.valor) ?? tx.amount,
    cashAccount,
    conn.settings.meios_pagamento,
    todayInBrazil(new Date(tx.paid_at)),
  );
  const answer = await conn.client.write('POST', 'financeiro/fatura/liquidar', body, call);
  return settlementOutcome(answer.ok, answer.message, answer.body, answer.text);
};
