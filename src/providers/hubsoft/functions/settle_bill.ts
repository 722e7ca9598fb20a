// settle_bill: liquidates the fatura (financeiro/fatura/liquidar) into the tenant's caixa
// financeiro. The bill must be the customer's. Hubsoft's refusal of a fatura already paid is
// `already_settled`, any other refusal `rejected`; the gateway makes the call once per
// transaction.id, and only once caixa_financeiro_id is set (`needs`).
import { todayInBrazil } from '../../../brasil/dates.js';
import { cents, text } from '../../kit/edge.js';
import { requireBill } from '../bills.js';
import { hubsoftFunction, requiredSetting } from '../connection.js';
import { settlementBody, settlementOutcome } from '../mappers/settlement.js';

export const settleBill = hubsoftFunction(
  'settle_bill',
  { needs: ['caixa_financeiro_id'] },
  async (conn, input, call) => {
    const cashAccount = requiredSetting(conn, 'settle_bill', 'caixa_financeiro_id');
    const bill = await requireBill(conn, input.boleto_id, input.customer_document_number, call);
    const tx = input.transaction;
    const body = settlementBody(
      tx,
      text(bill.id_fatura),
      cents(bill.valor) ?? tx.amount,
      cashAccount,
      conn.settings.meios_pagamento,
      todayInBrazil(new Date(tx.paid_at)),
    );
    const answer = await conn.client.write('POST', 'financeiro/fatura/liquidar', body, call);
    return settlementOutcome(answer.ok, answer.message, answer.body, answer.text);
  },
);
