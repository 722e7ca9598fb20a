// Billing periods: the monthly due dates of a contract and the month of service a bill charges for.
import { fromDayNumber, toDayNumber } from '../../brasil/dates.js';

const MS_PER_DAY = 86_400_000;

function utcDate(iso: string): Date {
  const day = toDayNumber(iso);
  if (day === null) throw new RangeError(`not a valid date (YYYY-MM-DD): ${iso}`);
  return new Date(day * MS_PER_DAY);
}

const monthDays = new Map<string, string>();
const references = new Map<string, string>();

/** The date `months` calendar months after `iso`'s month, on `day` (clamped to the month's length). */
export function monthDay(iso: string, months: number, day: number): string {
  const key = `${iso}|${months}|${day}`;
  let out = monthDays.get(key);
  if (out === undefined) {
    out = computeMonthDay(iso, months, day);
    monthDays.set(key, out);
  }
  return out;
}

function computeMonthDay(iso: string, months: number, day: number): string {
  const base = utcDate(iso);
  const year = base.getUTCFullYear();
  const month = base.getUTCMonth() + months;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(year, month, Math.min(day, last)) / MS_PER_DAY);
}

/** "Fibra 300 Mega - ref. 10/2026": the plan and the month of service (the one before the due date). */
export function billDescription(planName: string, dueOn: string): string {
  let reference = references.get(dueOn);
  if (reference === undefined) {
    const due = utcDate(dueOn);
    const ref = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() - 1, 1));
    reference = `${String(ref.getUTCMonth() + 1).padStart(2, '0')}/${ref.getUTCFullYear()}`;
    references.set(dueOn, reference);
  }
  return `${planName} - ref. ${reference}`;
}

// Seeding converts the same few thousand dates over and over; remembering them keeps 100,000
// customers within seconds.
const isoByDay = new Map<number, string>();
const dayByIso = new Map<string, number>();

function dayNumber(iso: string): number {
  let day = dayByIso.get(iso);
  if (day === undefined) {
    const parsed = toDayNumber(iso);
    if (parsed === null) throw new RangeError(`not a valid date (YYYY-MM-DD): ${iso}`);
    day = parsed;
    dayByIso.set(iso, day);
  }
  return day;
}

/** `addDays` of brasil/dates, memoised. */
export function shiftDays(iso: string, days: number): string {
  const target = dayNumber(iso) + days;
  let out = isoByDay.get(target);
  if (out === undefined) {
    out = fromDayNumber(target);
    isoByDay.set(target, out);
  }
  return out;
}
