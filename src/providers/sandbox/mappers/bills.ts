// Sandbox bills as the contract's Bill: what a bill costs on a given day (punctuality discount on
// time, fine and interest after), valued through the provider kit.
import { billMoney, valueBill, type FeeRule } from '../../kit/index.js';
import type { Bill } from '../../../contract/index.js';
import type { SlipMemo } from '../billing.js';
import type { BillRow, BillView, CustomerKey } from '../rows.js';

/** The tenant's late-fee rule (the kit's FeeRule). */
export type LateFeeRule = FeeRule;

export interface AmountDue {
  daysLate: number;
  fineCents: number;
  interestCents: number;
  discountCents: number;
  totalCents: number;
}

// Bills share a handful of amounts and due dates, so the charges of one are usually those of many.
const amountsDue = new Map<string, AmountDue>();
const AMOUNTS_DUE_LIMIT = 10_000;

/**
 * What a bill costs when paid on `onDay`: on time (up to its due date, moved to the next business
 * day when it falls on a weekend or bank holiday) the punctuality discount applies; after it, the
 * discount is lost and the fine and pro rata interest are due. The fine cap of the consumer code
 * applies to people (CPF) only.
 */
export function amountDue(
  bill: Pick<BillRow, 'amount_cents' | 'discount_cents' | 'due_on'>,
  onDay: string,
  rule: LateFeeRule,
  consumer: boolean,
): AmountDue {
  const onTime = {
    daysLate: 0,
    fineCents: 0,
    interestCents: 0,
    discountCents: bill.discount_cents,
    totalCents: bill.amount_cents - bill.discount_cents,
  };
  // Strings compare as dates: nothing can be late on or before the due date itself.
  if (onDay <= bill.due_on) return onTime;
  const key = `${onDay}|${bill.due_on}|${bill.amount_cents}|${bill.discount_cents}|${consumer}|${rule.fineBasisPoints}|${rule.monthlyInterestBasisPoints}|${rule.interestFrom}`;
  let due = amountsDue.get(key);
  if (due === undefined) {
    due = lateAmountDue(bill, onDay, rule, consumer, onTime);
    if (amountsDue.size >= AMOUNTS_DUE_LIMIT) amountsDue.delete(amountsDue.keys().next().value!);
    amountsDue.set(key, due);
  }
  return due;
}

function lateAmountDue(
  bill: Pick<BillRow, 'amount_cents' | 'discount_cents' | 'due_on'>,
  onDay: string,
  rule: LateFeeRule,
  consumer: boolean,
  onTime: AmountDue,
): AmountDue {
  const due = valueBill(bill.amount_cents, bill.due_on, { kind: 'rule', rule, on: onDay, consumer });
  // Paid by the next business day after a due date on a weekend or holiday: still on time.
  if (due.daysLate === 0) return onTime;
  return {
    daysLate: due.daysLate,
    fineCents: due.fineCents,
    interestCents: due.interestCents,
    discountCents: 0,
    totalCents: due.totalCents,
  };
}

export interface BillContext {
  today: string;
  rule: LateFeeRule;
  codes: SlipMemo;
}

/**
 * A bill as the contract shows it. Open bills are valued for `today`, with a Pix code for exactly
 * that amount; paid bills show what was due on the day they were paid; cancelled ones show no
 * charges, and neither a linha digitável nor a Pix code (nobody should pay them).
 */
export function toBill(
  bill: BillView,
  customer: Pick<CustomerKey, 'document' | 'name' | 'person_type'>,
  ctx: BillContext,
): Bill {
  const consumer = customer.person_type === 'F';
  const due =
    bill.status === 'cancelled'
      ? { fineCents: 0, interestCents: 0, discountCents: 0, totalCents: bill.amount_cents }
      : amountDue(
          bill,
          bill.status === 'paid' ? (bill.paid_on ?? bill.due_on) : ctx.today,
          ctx.rule,
          consumer,
        );
  const line =
    bill.status === 'cancelled'
      ? ''
      : ctx.codes.line({ id: bill.id, dueOn: bill.due_on, amountCents: bill.amount_cents });
  const money = billMoney(
    valueBill(bill.amount_cents, bill.due_on, {
      kind: 'erp',
      interestCents: due.interestCents,
      fineCents: due.fineCents,
      discountCents: due.discountCents,
    }),
  );
  return {
    document_number: customer.document,
    fatura: String(bill.id),
    nome_cliente: customer.name,
    ...money,
    emissao: bill.issued_on,
    vencimento: bill.due_on,
    historico: bill.description,
    link_boleto: '',
    linha_digitavel: line,
    code_fatura: ctx.codes.ourNumberCode(bill.id),
    identifier: '',
    remote_id: String(bill.id),
    pix_code: bill.status === 'open' ? ctx.codes.pix(bill.id, due.totalCents) : '',
    status: bill.status,
  };
}
