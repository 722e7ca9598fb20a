// The national bank calendar: the days on which banks do not open anywhere in Brazil, which is
// what moves a boleto due date to the next business day. It holds the national holidays (with
// Good Friday), Nov 20 from 2024 on (Lei 14.759/2023), and Carnival Monday and Tuesday and Corpus
// Christi, which are not federal holidays but on which the banking system does not work
// nationally. State and municipal holidays are deliberately left out: they close only local
// branches and do not change when a slip can be paid without charges across the country.

import { addDays, isIsoDate, weekday } from './dates.js';

const FIXED_HOLIDAYS = ['01-01', '04-21', '05-01', '09-07', '10-12', '11-02', '11-15', '12-25'];
const BLACK_CONSCIOUSNESS_DAY = '11-20';
const BLACK_CONSCIOUSNESS_NATIONAL_SINCE = 2024;

// Offsets from Easter Sunday: Carnival Monday and Tuesday, Good Friday, Corpus Christi.
const EASTER_OFFSETS = [-48, -47, -2, 60];

// The Gregorian computus below is valid from the first Gregorian Easter on; ISO dates stop at 9999.
const FIRST_YEAR = 1583;
const LAST_YEAR = 9999;

function requireYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new RangeError(`year must be an integer from ${FIRST_YEAR} to ${LAST_YEAR}, got ${year}`);
  }
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  requireYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const calendarCache = new Map<number, Set<string>>();

function calendar(year: number): Set<string> {
  const cached = calendarCache.get(year);
  if (cached) return cached;
  requireYear(year);
  const prefix = `${String(year).padStart(4, '0')}-`;
  const fixed =
    year >= BLACK_CONSCIOUSNESS_NATIONAL_SINCE
      ? [...FIXED_HOLIDAYS, BLACK_CONSCIOUSNESS_DAY]
      : FIXED_HOLIDAYS;
  const easter = easterSunday(year);
  // A Set, because Good Friday can fall on Apr 21 (as in 2000).
  const days = new Set([...fixed.map((md) => prefix + md), ...EASTER_OFFSETS.map((n) => addDays(easter, n))]);
  calendarCache.set(year, days);
  return days;
}

/** The non-business days of the national bank calendar for `year`, weekends aside, sorted. */
export function nationalHolidays(year: number): string[] {
  return [...calendar(year)].sort();
}

export function isBusinessDay(iso: string): boolean {
  if (!isIsoDate(iso)) throw new RangeError(`not a valid date (YYYY-MM-DD): ${iso}`);
  const day = weekday(iso);
  return day !== 0 && day !== 6 && !calendar(Number(iso.slice(0, 4))).has(iso);
}

/** `iso` itself when it is a business day, otherwise the first business day after it. */
export function nextBusinessDay(iso: string): string {
  let day = iso;
  while (!isBusinessDay(day)) day = addDays(day, 1);
  return day;
}
