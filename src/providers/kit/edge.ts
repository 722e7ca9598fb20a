// Reading ERP values at the edge, once for every provider: ERPs send money as numbers or strings
// in API or pt-BR form, dates as ISO or dd/mm/yyyy with or without a time, and text padded with
// spaces. Everything inside Ponte is integer cents, ISO dates and trimmed text.
import { isIsoDate } from '../../brasil/dates.js';
import { parseDocument } from '../../brasil/document.js';
import { parseMoney } from '../../brasil/money.js';

/** A string or a finite number as trimmed text; '' for anything else (null, objects, NaN). */
export function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

/** The digits of a value ('' when it has none). */
export function digits(value: unknown): string {
  return text(value).replace(/\D/g, '');
}

/**
 * Money in cents from a JSON number (54.95), an API string ("28.27") or a pt-BR string
 * ("1.234,56", "R$ 10,00"); null when absent, empty or unreadable (never guessed).
 */
export function cents(value: unknown): number | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  const parsed = parseMoney(value);
  return parsed.ok ? parsed.cents : null;
}

const BR_DATE = /^(\d{2})\/(\d{2})\/(\d{4})(?:[\sT].*)?$/;
const ISO_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:[\sT].*)?$/;

/**
 * An ISO date (yyyy-mm-dd) from yyyy-mm-dd, yyyy-mm-dd HH:MM[:SS], ISO with a time zone,
 * dd/mm/yyyy or dd/mm/yyyy HH:MM[:SS]; null when absent or not a real date ("0000-00-00", "31/02/2026").
 */
export function isoDate(value: unknown): string | null {
  const raw = text(value);
  const br = BR_DATE.exec(raw);
  const iso = br ? `${br[3]}-${br[2]}-${br[1]}` : ISO_PREFIX.exec(raw)?.[1];
  return iso !== undefined && isIsoDate(iso) ? iso : null;
}

/** dd/mm/yyyy from an ISO date, as most Brazilian ERPs want dates sent. */
export function brDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** An http(s) URL without spaces, or '' (ERPs put "null", "-" or paths where a link should be). */
export function httpUrl(value: unknown): string {
  const raw = text(value);
  return /^https?:\/\/\S+$/i.test(raw) ? raw : '';
}

/** A CPF/CNPJ as the contract writes it (digits); unreadable legacy values keep their digits and letters. */
export function document(value: unknown): string {
  const raw = text(value);
  const parsed = parseDocument(raw);
  return parsed.ok ? parsed.value : raw.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}
