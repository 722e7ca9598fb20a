// Calendar dates as ISO strings (YYYY-MM-DD), with arithmetic on whole days in UTC so that no
// time zone or daylight-saving change can move a due date.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a valid ISO date, or null when the text is not a real calendar date. */
export function toDayNumber(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / MS_PER_DAY;
}

export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  return toDayNumber(value) !== null;
}

function requireDay(iso: string): number {
  const day = toDayNumber(iso);
  if (day === null) throw new RangeError(`not a valid date (YYYY-MM-DD): ${iso}`);
  return day;
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(requireDay(iso) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return requireDay(to) - requireDay(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return new Date(requireDay(iso) * MS_PER_DAY).getUTCDay();
}

/** Today's date in Brazil (UTC−03:00, no daylight saving since 2019). */
export function todayInBrazil(now: Date = new Date()): string {
  return new Date(now.getTime() - 3 * 3_600_000).toISOString().slice(0, 10);
}
