// Money as integer cents. Amounts arrive from ERPs as strings in either the API form ("1234.56") or
// the pt-BR form ("1.234,56"), or as JSON numbers; they are always read from their decimal text,
// because multiplying a float by 100 turns 1.005 into 100.49999999999999.
//
// How a string is read (after trimming, an optional "-" and an optional "R$" prefix):
// - With a comma, it is pt-BR: the comma is the decimal point and any dots before it must split the
//   integer part into thousands groups of 3 ("1.234.567,89"). More than one comma is rejected, so
//   the en-US "1,234.56" is refused rather than guessed.
// - Without a comma and with one dot, the dot is the decimal point ("1234.5"). "1.234" therefore has
//   3 decimal places and is rejected: it could be 1.234 or pt-BR thousands, and a wrong guess is a
//   thousandfold error.
// - Without a comma and with several dots, the dots are pt-BR thousands ("1.234.567" is 1234567.00).
// - Digits only are whole reais ("1234").
// More than 2 decimal places is always rejected (never rounded), as is any amount beyond
// Number.MAX_SAFE_INTEGER cents.

export type MoneyResult = { ok: true; cents: number } | { ok: false; reason: string };

const STRING_AMOUNT = /^(-)?(?:R\$\s*)?(-)?([0-9.,]+)$/;
const THOUSANDS_GROUPED = /^\d{1,3}(?:\.\d{3})+$/;
const DIGITS = /^\d+$/;
const EXPONENT_FORM = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/;
const MAX_SHOWN_INPUT = 40;

function quote(input: string): string {
  const shown = input.length > MAX_SHOWN_INPUT ? `${input.slice(0, MAX_SHOWN_INPUT)}…` : input;
  return JSON.stringify(shown);
}

function fail(reason: string): MoneyResult {
  return { ok: false, reason };
}

function malformed(input: string): MoneyResult {
  return fail(`money amount ${quote(input)} is not a number like "1234.56" or "1.234,56"`);
}

function tooManyDecimals(input: string, hint = ''): MoneyResult {
  return fail(`money amount ${quote(input)} has more than 2 decimal places${hint}`);
}

/** Whole reais and up to 2 decimal digits, already validated as digit strings, to cents. */
function toCents(input: string, negative: boolean, reais: string, decimals: string): MoneyResult {
  const digits = `${reais}${decimals.padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
  const magnitude = Number(digits);
  // Number() of a digit string above 2^53 rounds to at least 2^53, so this test cannot be fooled.
  if (digits.length > 16 || !Number.isSafeInteger(magnitude)) {
    return fail(
      `money amount ${quote(input)} is too large (the limit is ${formatMoney(Number.MAX_SAFE_INTEGER)})`,
    );
  }
  return { ok: true, cents: negative && magnitude !== 0 ? -magnitude : magnitude };
}

/** The plain decimal text of a finite number, expanding exponent notation (1e21, 1.5e-7). */
function decimalText(n: number): string {
  const text = String(n);
  const m = EXPONENT_FORM.exec(text);
  if (!m) return text;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = m;
  const digits = `${whole}${fraction}`;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function parseNumber(n: number): MoneyResult {
  if (!Number.isFinite(n)) return fail(`money amount must be a finite number, got ${String(n)}`);
  const text = decimalText(n);
  const negative = text.startsWith('-');
  const [reais = '', decimals = ''] = (negative ? text.slice(1) : text).split('.');
  if (decimals.length > 2) return tooManyDecimals(text);
  return toCents(text, negative, reais, decimals);
}

function parseString(input: string): MoneyResult {
  const text = input.trim();
  if (text === '') return fail('money amount is empty');
  const m = STRING_AMOUNT.exec(text);
  if (!m || (m[1] !== undefined && m[2] !== undefined)) return malformed(input);
  const negative = m[1] !== undefined || m[2] !== undefined;
  const body = m[3] ?? '';
  const commas = body.split(',').length - 1;
  const dots = body.split('.').length - 1;

  if (commas > 1) return malformed(input);
  if (commas === 1) {
    const [reais = '', decimals = ''] = body.split(',');
    if (!DIGITS.test(decimals)) return malformed(input);
    if (!DIGITS.test(reais) && !THOUSANDS_GROUPED.test(reais)) {
      if (!reais.includes('.')) return malformed(input);
      return fail(
        `money amount ${quote(input)} is not valid: dots before the decimal comma must separate thousands in groups of 3`,
      );
    }
    if (decimals.length > 2) return tooManyDecimals(input);
    return toCents(input, negative, reais.replaceAll('.', ''), decimals);
  }
  if (dots === 0) {
    return DIGITS.test(body) ? toCents(input, negative, body, '') : malformed(input);
  }
  if (dots === 1) {
    const [reais = '', decimals = ''] = body.split('.');
    if (!DIGITS.test(reais) || !DIGITS.test(decimals)) return malformed(input);
    if (decimals.length > 2) {
      return tooManyDecimals(input, ' (a single dot is the decimal point; write "1.234,00" for thousands)');
    }
    return toCents(input, negative, reais, decimals);
  }
  if (!THOUSANDS_GROUPED.test(body)) return malformed(input);
  return toCents(input, negative, body.replaceAll('.', ''), '');
}

/** Reads an amount as ERPs send it; see the rules at the top of this file. */
export function parseMoney(input: string | number): MoneyResult {
  return typeof input === 'number' ? parseNumber(input) : parseString(input);
}

function splitCents(cents: number): { sign: string; reais: number; centavos: string } {
  if (!Number.isSafeInteger(cents))
    throw new RangeError(`cents must be a safe integer, got ${String(cents)}`);
  const magnitude = Math.abs(cents);
  const remainder = magnitude % 100;
  // Subtracting the remainder first keeps the division exact; magnitude / 100 alone can round up.
  const reais = (magnitude - remainder) / 100;
  return { sign: cents < 0 ? '-' : '', reais, centavos: String(remainder).padStart(2, '0') };
}

/** The API form: "1234.56", "0.05", "-1.50". Throws RangeError unless cents is a safe integer. */
export function formatMoney(cents: number): string {
  const { sign, reais, centavos } = splitCents(cents);
  return `${sign}${reais}.${centavos}`;
}

/** The pt-BR display form: "R$ 1.234,56", "-R$ 1,50". Throws RangeError unless cents is a safe integer. */
export function formatMoneyBRL(cents: number): string {
  const { sign, reais, centavos } = splitCents(cents);
  const grouped = String(reais).replace(/\B(?=(\d{3})+$)/g, '.');
  return `${sign}R$ ${grouped},${centavos}`;
}

/**
 * cents × basisPoints / 10000 (200 bp = 2 %), rounded half away from zero (Java's HALF_UP), so a
 * refund rounds exactly like the charge it mirrors. BigInt keeps the product exact; both arguments
 * must be safe integers, and so must the result, or RangeError is thrown.
 */
export function applyBasisPoints(cents: number, basisPoints: number): number {
  if (!Number.isSafeInteger(cents))
    throw new RangeError(`cents must be a safe integer, got ${String(cents)}`);
  if (!Number.isSafeInteger(basisPoints)) {
    throw new RangeError(`basis points must be a safe integer, got ${String(basisPoints)}`);
  }
  const product = BigInt(cents) * BigInt(basisPoints);
  let quotient = product / 10000n;
  const remainder = product % 10000n;
  if (remainder * 2n >= 10000n) quotient += 1n;
  else if (remainder * 2n <= -10000n) quotient -= 1n;
  const result = Number(quotient);
  if (!Number.isSafeInteger(result)) throw new RangeError('applyBasisPoints result is beyond a safe integer');
  return result;
}
