// Boleto de cobrança (FEBRABAN bank slip): the 44-digit barcode, the 47-digit linha digitável and
// the fator de vencimento. See research/standards.md §1.1–1.4.

import { daysBetween, fromDayNumber, toDayNumber } from './dates.js';
import { mod10, mod11Boleto } from './modulo.js';

const FACTOR_BASE_DATE = '1997-10-07';
const FIRST_FACTOR = 1000;
const LAST_FACTOR = 9999;
// After 9999 the factor restarts at 1000 (first on 2025-02-22), so every factor recurs every 9000 days.
const CYCLE_DAYS = LAST_FACTOR - FIRST_FACTOR + 1;
// Later cycles are extrapolated; listing them without end would be unbounded, and a due date
// beyond this century is a typo rather than a slip.
const LAST_LISTED_DATE = '2099-12-31';
const MAX_AMOUNT_CENTS = 9_999_999_999;

const BARCODE = /^\d{44}$/;
const LINE = /^\d{47}$/;

function baseDay(): number {
  return toDayNumber(FACTOR_BASE_DATE)!;
}

/** The 4-digit factor for a due date; the count wraps from 9999 back to 1000 every 9000 days. */
export function dueFactorFromDate(iso: string): string {
  const n = daysBetween(FACTOR_BASE_DATE, iso);
  if (n < FIRST_FACTOR) throw new RangeError(`due date ${iso} is before 2000-07-03, the first factor date`);
  const factor = n <= LAST_FACTOR ? n : ((n - FIRST_FACTOR) % CYCLE_DAYS) + FIRST_FACTOR;
  return String(factor).padStart(4, '0');
}

function factorNumber(factor: string): number {
  if (!/^\d{4}$/.test(factor)) throw new RangeError(`due factor must be 4 digits, got "${factor}"`);
  return Number(factor);
}

/**
 * Every date the factor can stand for, ascending, up to 2099-12-31. Empty for 0000 (no due date)
 * and for 0001–0999, which no cycle ever uses.
 */
export function datesFromDueFactor(factor: string): string[] {
  const f = factorNumber(factor);
  if (f < FIRST_FACTOR) return [];
  const last = toDayNumber(LAST_LISTED_DATE)!;
  const dates: string[] = [];
  for (let day = baseDay() + f; day <= last; day += CYCLE_DAYS) dates.push(fromDayNumber(day));
  return dates;
}

/**
 * The candidate date closest to `referenceDate` (in any cycle, not only those listed by
 * `datesFromDueFactor`). A reference exactly between two candidates resolves to the later one.
 * Null when the factor carries no date.
 */
export function dateFromDueFactor(factor: string, referenceDate: string): string | null {
  const f = factorNumber(factor);
  const reference = toDayNumber(referenceDate);
  if (reference === null) throw new RangeError(`reference date must be YYYY-MM-DD, got "${referenceDate}"`);
  if (f < FIRST_FACTOR) return null;
  const firstDay = baseDay() + f;
  const cycle = Math.max(0, Math.round((reference - firstDay) / CYCLE_DAYS));
  return fromDayNumber(firstDay + cycle * CYCLE_DAYS);
}

export interface BoletoInput {
  bank: string;
  currency?: string;
  dueDate: string | null;
  amountCents: number;
  freeField: string;
}

function withGeneralDigit(withoutDigit: string): string {
  return withoutDigit.slice(0, 4) + String(mod11Boleto(withoutDigit)) + withoutDigit.slice(4);
}

export function buildBoletoBarcode(input: BoletoInput): string {
  const currency = input.currency ?? '9';
  if (!/^\d{3}$/.test(input.bank)) throw new RangeError(`bank must be 3 digits, got "${input.bank}"`);
  if (!/^\d$/.test(currency)) throw new RangeError(`currency must be 1 digit, got "${currency}"`);
  if (!/^\d{25}$/.test(input.freeField)) {
    throw new RangeError(`free field must be 25 digits, got "${input.freeField}"`);
  }
  const amount = input.amountCents;
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_AMOUNT_CENTS) {
    throw new RangeError(`amount must be whole cents from 0 to ${MAX_AMOUNT_CENTS}, got ${amount}`);
  }
  const factor = input.dueDate === null ? '0000' : dueFactorFromDate(input.dueDate);
  return withGeneralDigit(
    input.bank + currency + factor + String(amount).padStart(10, '0') + input.freeField,
  );
}

function requireBarcode(barcode: string): void {
  if (!BARCODE.test(barcode)) throw new RangeError(`barcode must be 44 digits, got "${barcode}"`);
}

function requireLine(line: string): void {
  if (!LINE.test(line)) throw new RangeError(`linha digitável must be 47 digits, got "${line}"`);
}

function withFieldDigit(field: string): string {
  return field + String(mod10(field));
}

export function barcodeToLine(barcode: string): string {
  requireBarcode(barcode);
  return (
    withFieldDigit(barcode.slice(0, 4) + barcode.slice(19, 24)) +
    withFieldDigit(barcode.slice(24, 34)) +
    withFieldDigit(barcode.slice(34, 44)) +
    barcode.slice(4, 19)
  );
}

export function lineToBarcode(line: string): string {
  requireLine(line);
  return line.slice(0, 4) + line.slice(32, 47) + line.slice(4, 9) + line.slice(10, 20) + line.slice(21, 31);
}

export function formatBoletoLine(line: string): string {
  requireLine(line);
  return [
    `${line.slice(0, 5)}.${line.slice(5, 10)}`,
    `${line.slice(10, 15)}.${line.slice(15, 21)}`,
    `${line.slice(21, 26)}.${line.slice(26, 32)}`,
    line.slice(32, 33),
    line.slice(33, 47),
  ].join(' ');
}

function generalDigitProblem(barcode: string): string | null {
  const expected = mod11Boleto(barcode.slice(0, 4) + barcode.slice(5));
  const actual = barcode.charAt(4);
  return actual === String(expected) ? null : `DV geral (mod 11) is ${actual}, expected ${expected}`;
}

// Field number, digits covered, position of the field's own DV (0-based, in the line).
const LINE_FIELDS = [
  [1, 0, 9],
  [2, 10, 20],
  [3, 21, 31],
] as const;

/** Why the 47-digit line's check digits fail, or null when all four hold. */
export function boletoLineProblem(line: string): string | null {
  if (!LINE.test(line)) return `linha digitável must be 47 digits`;
  for (const [field, start, dvAt] of LINE_FIELDS) {
    const expected = mod10(line.slice(start, dvAt));
    const actual = line.charAt(dvAt);
    if (actual !== String(expected)) return `field ${field} DV (mod 10) is ${actual}, expected ${expected}`;
  }
  return generalDigitProblem(lineToBarcode(line));
}

/** Why the 44-digit barcode's DV geral fails, or null when it holds. */
export function boletoBarcodeProblem(barcode: string): string | null {
  if (!BARCODE.test(barcode)) return `barcode must be 44 digits`;
  return generalDigitProblem(barcode);
}

export function isValidBoletoLine(line: string): boolean {
  return boletoLineProblem(line) === null;
}

export function isValidBoletoBarcode(barcode: string): boolean {
  return boletoBarcodeProblem(barcode) === null;
}
