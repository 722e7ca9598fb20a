import { todayInBrazil } from '../../../brasil/dates.js';
import { formatMoney } from '../../../brasil/money.js';
import { PonteError } from '../../../contract/index.js';
import type { FunctionOutput, Transaction } from '../../../contract/index.js';
import { formatDateBR } from '../../../render/text.js';
import { erpAnswer, rowId } from '../records.js';
import { requireCustomer } from '../customers.js';
import { writeFunction } from '../declare.js';
import type { SandboxConnection } from '../connection.js';
import { amountDue } from '../mappers/bills.js';
import type { BillRow, CustomerKey, SettlementRow } from '../rows.js';

type Output = FunctionOutput<'settle_bill'>;

function outcomeOf(row: Pick<SettlementRow, 'id' | 'status' | 'api_response'>): Output {
  return {
    success: row.status === 'settled',
    api_response: row.api_response,
    status: row.status,
    ...(row.status === 'settled' ? { settlement_id: String(row.id) } : {}),
  };
}

interface Verdict {
  status: SettlementRow['status'];
  message: string;
}

/** What the ERP decides about a payment of `amount` made on `paidOn` for `bill`. */
function judge(
  conn: SandboxConnection,
  bill: BillRow,
  customer: CustomerKey,
  amount: number,
  paidOn: string,
): Verdict {
  if (bill.status === 'paid') {
    const when = bill.paid_on === null ? '' : ` em ${formatDateBR(bill.paid_on)}`;
    return { status: 'already_settled', message: `Fatura ${bill.id} já está baixada (paga${when}).` };
  }
  if (bill.status === 'cancelled') {
    return { status: 'rejected', message: `Fatura ${bill.id} está cancelada e não pode receber baixa.` };
  }
  const due = amountDue(bill, paidOn, conn.rule, customer.person_type === 'F').totalCents;
  if (amount < due) {
    return {
      status: 'rejected',
      message: `Valor pago (${formatMoney(amount)}) menor que o valor devido em ${formatDateBR(paidOn)} (${formatMoney(due)}).`,
    };
  }
  return { status: 'settled', message: 'Baixa efetuada com sucesso.' };
}

/** After a payment, a contract blocked for debt is released once none of its bills is overdue. */
function releaseIfClear(conn: SandboxConnection, bill: BillRow, today: string): void {
  const overdue = conn.q.overdueBillsOfContract.get(bill.customer_id, bill.contract_id, today)!.n;
  if (overdue === 0) conn.q.releaseFinancialBlock.run(bill.contract_id);
}

function sameTransaction(
  previous: SettlementRow,
  tx: Transaction,
  billId: number,
  customer: CustomerKey,
): boolean {
  return (
    previous.bill_id === billId && previous.customer_id === customer.id && previous.amount_cents === tx.amount
  );
}

/**
 * Records a payment, exactly once per transaction.id: every outcome (settled, already_settled,
 * rejected) is stored, and a repeat answers the stored one. The bill must be the customer's.
 */
export const settleBill = writeFunction('settle_bill', (conn, input, { call, today }): Output => {
  const customer = requireCustomer(conn, input.customer_document_number);
  const tx = input.transaction;
  const billId = rowId(input.boleto_id);
  const previous = conn.q.settlementByTransaction.get(tx.id);
  if (previous !== undefined) {
    if (!sameTransaction(previous, tx, billId, customer)) {
      throw new PonteError('IDEMPOTENCY_CONFLICT', 'transaction.id was already used for another payment', {
        details: { key: tx.id },
      });
    }
    return outcomeOf(previous);
  }
  const bill = conn.q.billById.get(billId);
  if (bill === undefined || bill.customer_id !== customer.id) {
    throw new PonteError('BILL_NOT_FOUND', `The sandbox has no boleto ${input.boleto_id} for this customer`);
  }

  const paidOn = todayInBrazil(new Date(tx.paid_at));
  const verdict = judge(conn, bill, customer, tx.amount, paidOn);
  if (verdict.status === 'settled') {
    conn.q.markBillPaid.run(paidOn, tx.amount, bill.id);
    releaseIfClear(conn, bill, today);
  }
  const id = conn.inserts.settlement({
    id: null,
    transaction_id: tx.id,
    customer_id: customer.id,
    bill_id: bill.id,
    method: tx.method ?? '',
    amount_cents: tx.amount,
    paid_at: tx.paid_at,
    status: verdict.status,
    api_response: '',
    created_at: call.now.toISOString(),
  });
  // The ERP's answer names the settlement it created, so it is written once the id is known.
  const apiResponse = erpAnswer({
    type: verdict.status === 'settled' ? 'success' : 'error',
    message: verdict.message,
    ...(verdict.status === 'settled' ? { id_baixa: String(id) } : {}),
    id_fatura: String(bill.id),
    valor_recebido: formatMoney(tx.amount),
    data_pagamento: paidOn,
  });
  conn.q.setSettlementResponse.run(apiResponse, id);
  return outcomeOf({ id, status: verdict.status, api_response: apiResponse });
});
