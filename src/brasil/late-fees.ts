// Late-payment charges on a bill: a one-off fine (multa) and simple daily interest (juros de mora).

import { daysBetween, isIsoDate } from './dates.js';
import { nextBusinessDay } from './holidays.js';

// CDC (Lei 8.078/1990) art. 52 §1: a consumer's late fine may not exceed 2 % of the instalment.
const CONSUMER_FINE_CAP_BP = 200;
const BASIS_POINTS = 10_000n;
// Monthly interest is charged pro rata die over a 30-day commercial month.
const DAYS_PER_MONTH = 30n;

/**
 * From which day interest counts on a bill paid after a due date that fell on a weekend or bank
 * holiday (paying on the next business day costs nothing either way: FEBRABAN's rule):
 * - `due_date`: from the day after the due date itself, as the contract's "from the day after
 *   vencimento" reads: the grace of the non-business day is lost with it;
 * - `next_business_day`: from the day after the next business day.
 */
export type InterestStart = 'due_date' | 'next_business_day';

export interface LateFeeInput {
  amountCents: number;
  dueDate: string;
  paymentDate: string;
  fineBasisPoints?: number;
  monthlyInterestBasisPoints?: number;
  consumer?: boolean;
  rounding?: 'half-up' | 'truncate';
  /** Default `due_date`. */
  interestFrom?: InterestStart;
}

export interface LateFees {
  effectiveDueDate: string;
  daysLate: number;
  fineCents: number;
  interestCents: number;
  totalCents: number;
}

function nonNegativeInteger(value: number, name: string): bigint {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
  return BigInt(value);
}

function requireDate(value: string, name: string): void {
  if (!isIsoDate(value)) throw new RangeError(`${name} must be a valid date (YYYY-MM-DD), got ${value}`);
}

function divide(numerator: bigint, denominator: bigint, rounding: 'half-up' | 'truncate'): bigint {
  return rounding === 'truncate'
    ? numerator / denominator
    : (2n * numerator + denominator) / (2n * denominator);
}

/**
 * Fine and interest due when `amountCents`, due on `dueDate`, is paid on `paymentDate`.
 *
 * A due date on a weekend or bank holiday moves to the next business day, and paying on or
 * before that effective date costs nothing. After it, `daysLate` counts calendar days from the
 * due date (`interestFrom: 'due_date'`, the default) or from the effective due date
 * (`'next_business_day'`), so the first day after it is day 1. The fine is charged once
 * (`fineBasisPoints`, capped at 200 bp for consumers) and the interest is simple,
 * `monthlyInterestBasisPoints / 30` per day.
 *
 * Rounding: the exact fine (amount × bp / 10 000) and the exact interest
 * (amount × bp × days / 300 000) are each rounded to whole cents on their own, half-up (a half
 * cent goes up) by default or truncated when `rounding` is `'truncate'`; the total is the amount
 * plus the two rounded components. Everything is computed in integers, never in floating point.
 */
export function computeLateFees(input: LateFeeInput): LateFees {
  const amount = nonNegativeInteger(input.amountCents, 'amountCents');
  const fineBp = nonNegativeInteger(input.fineBasisPoints ?? 200, 'fineBasisPoints');
  const interestBp = nonNegativeInteger(
    input.monthlyInterestBasisPoints ?? 100,
    'monthlyInterestBasisPoints',
  );
  const rounding = input.rounding ?? 'half-up';
  if (rounding !== 'half-up' && rounding !== 'truncate') {
    throw new RangeError(`rounding must be 'half-up' or 'truncate', got ${String(rounding)}`);
  }
  requireDate(input.dueDate, 'dueDate');
  requireDate(input.paymentDate, 'paymentDate');
  const interestFrom = input.interestFrom ?? 'due_date';
  if (interestFrom !== 'due_date' && interestFrom !== 'next_business_day') {
    throw new RangeError(
      `interestFrom must be 'due_date' or 'next_business_day', got ${String(interestFrom)}`,
    );
  }

  const effectiveDueDate = nextBusinessDay(input.dueDate);
  const late = daysBetween(effectiveDueDate, input.paymentDate) > 0;
  const countFrom = interestFrom === 'due_date' ? input.dueDate : effectiveDueDate;
  const daysLate = late ? daysBetween(countFrom, input.paymentDate) : 0;
  if (daysLate === 0) {
    return { effectiveDueDate, daysLate, fineCents: 0, interestCents: 0, totalCents: input.amountCents };
  }

  const consumer = input.consumer ?? true;
  const appliedFineBp = consumer && fineBp > CONSUMER_FINE_CAP_BP ? BigInt(CONSUMER_FINE_CAP_BP) : fineBp;
  const fine = divide(amount * appliedFineBp, BASIS_POINTS, rounding);
  const interest = divide(amount * interestBp * BigInt(daysLate), BASIS_POINTS * DAYS_PER_MONTH, rounding);
  const total = amount + fine + interest;
  if (total > BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError('the charges exceed the safe integer range');
  return {
    effectiveDueDate,
    daysLate,
    fineCents: Number(fine),
    interestCents: Number(interest),
    totalCents: Number(total),
  };
}
