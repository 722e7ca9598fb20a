// Bill valuation, written once for every provider: from what the ERP says about a bill to the
// contract's valor_inicial / juros / multa / desconto / valor_final, with the invariant
// valor_final = valor_inicial + juros + multa - desconto checked before anything leaves.
import { PonteError } from '../../contract/index.js';
import { computeLateFees, type InterestStart } from '../../brasil/late-fees.js';
import { formatMoney } from '../../brasil/money.js';

/** A late-fee rule: the bill's own (when the ERP states one) or the tenant's late_fees. */
export interface FeeRule {
  fineBasisPoints: number;
  monthlyInterestBasisPoints: number;
  interestFrom: InterestStart;
}

/** How the charges of a bill are known. */
export type ChargeBasis =
  /** No charges: a cancelled bill, a paid one whose payment the ERP does not detail, or one not yet due. */
  | { kind: 'none' }
  /** Computed by `rule` for a payment on `on` (today for open bills); nothing before the due date. */
  | { kind: 'rule'; rule: FeeRule; on: string; consumer: boolean }
  /** The ERP's own split (it computed fine and interest itself). */
  | { kind: 'erp'; interestCents: number; fineCents: number; discountCents?: number }
  /**
   * The ERP's updated total without a split (SGP's valorCorrigido): the fine is the rule's
   * (never more than the increase), the rest of the increase is interest; less than the amount is
   * a discount.
   */
  | { kind: 'erp_total'; totalCents: number; rule: FeeRule; consumer: boolean }
  /** A paid bill with what was paid: more than the amount is interest, less is a discount. */
  | { kind: 'paid'; paidCents: number };

export interface BillAmounts {
  initialCents: number;
  interestCents: number;
  fineCents: number;
  discountCents: number;
  totalCents: number;
  /** Days late on the valuation day (rule basis only; 0 otherwise). */
  daysLate: number;
}

/** The five money fields of the contract's Bill. */
export interface BillMoney {
  valor_inicial: string;
  juros: string;
  multa: string;
  desconto: string;
  valor_final: string;
}

function bad(what: string): PonteError {
  return new PonteError('ERP_BAD_RESPONSE', `the ERP answered a bill whose amounts do not add up: ${what}`);
}

function check(a: BillAmounts): BillAmounts {
  for (const [name, value] of Object.entries(a)) {
    if (!Number.isSafeInteger(value) || value < 0) throw bad(`${name} is ${value}`);
  }
  if (a.totalCents !== a.initialCents + a.interestCents + a.fineCents - a.discountCents) {
    throw bad(
      `total ${a.totalCents} is not ${a.initialCents} + ${a.interestCents} + ${a.fineCents} - ${a.discountCents}`,
    );
  }
  return a;
}

/**
 * Values a bill of `amountCents` due on `dueDate` (ISO; "" when the ERP gave none, which means no
 * charges can be computed). Throws ERP_BAD_RESPONSE when the ERP's figures contradict themselves.
 */
export function valueBill(amountCents: number, dueDate: string, basis: ChargeBasis): BillAmounts {
  const plain = { initialCents: amountCents, interestCents: 0, fineCents: 0, discountCents: 0, daysLate: 0 };
  switch (basis.kind) {
    case 'none':
      return check({ ...plain, totalCents: amountCents });
    case 'rule': {
      if (dueDate === '' || basis.on <= dueDate) return check({ ...plain, totalCents: amountCents });
      const fees = computeLateFees({
        amountCents,
        dueDate,
        paymentDate: basis.on,
        fineBasisPoints: basis.rule.fineBasisPoints,
        monthlyInterestBasisPoints: basis.rule.monthlyInterestBasisPoints,
        interestFrom: basis.rule.interestFrom,
        consumer: basis.consumer,
      });
      return check({
        ...plain,
        interestCents: fees.interestCents,
        fineCents: fees.fineCents,
        totalCents: fees.totalCents,
        daysLate: fees.daysLate,
      });
    }
    case 'erp': {
      const discount = basis.discountCents ?? 0;
      return check({
        ...plain,
        interestCents: basis.interestCents,
        fineCents: basis.fineCents,
        discountCents: discount,
        totalCents: amountCents + basis.interestCents + basis.fineCents - discount,
      });
    }
    case 'erp_total': {
      const increase = basis.totalCents - amountCents;
      if (increase <= 0) {
        return check({ ...plain, discountCents: -increase, totalCents: basis.totalCents });
      }
      const fineBp = basis.consumer ? Math.min(basis.rule.fineBasisPoints, 200) : basis.rule.fineBasisPoints;
      const fine = Math.min(increase, Math.round((amountCents * fineBp) / 10_000));
      return check({
        ...plain,
        fineCents: fine,
        interestCents: increase - fine,
        totalCents: basis.totalCents,
      });
    }
    case 'paid': {
      const diff = basis.paidCents - amountCents;
      return check({
        ...plain,
        interestCents: Math.max(0, diff),
        discountCents: Math.max(0, -diff),
        totalCents: basis.paidCents,
      });
    }
  }
}

/** The contract's money fields of a valued bill. */
export function billMoney(a: BillAmounts): BillMoney {
  return {
    valor_inicial: formatMoney(a.initialCents),
    juros: formatMoney(a.interestCents),
    multa: formatMoney(a.fineCents),
    desconto: formatMoney(a.discountCents),
    valor_final: formatMoney(a.totalCents),
  };
}

/** Open bills oldest due date first, then by bill id (numerically when both are numbers). */
export function byDueDate(
  a: { vencimento: string; fatura: string },
  b: { vencimento: string; fatura: string },
): number {
  const byDate = a.vencimento.localeCompare(b.vencimento);
  if (byDate !== 0) return byDate;
  const na = Number(a.fatura);
  const nb = Number(b.fatura);
  return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a.fatura.localeCompare(b.fatura);
}
