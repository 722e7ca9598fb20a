// CPF and CNPJ (numeric and the alphanumeric CNPJ of IN RFB 2.229/2024): parsing, check digits,
// formatting and masking for logs. A character's value is its ASCII code minus 48, so '0'..'9' keep
// their value and 'A'..'Z' are 17..42; the numeric CNPJ is the special case with digits only.

export type DocumentKind = 'cpf' | 'cnpj';
export type DocumentFailure = 'length' | 'character' | 'repeated' | 'check_digit';
export type DocumentResult =
  | { ok: true; kind: DocumentKind; value: string; formatted: string }
  | { ok: false; failure: DocumentFailure; reason: string };

const CPF_LENGTH = 11;
const CNPJ_LENGTH = 14;
const MASK_CHAR = /^[.\-/\s]$/u;
const ALPHANUMERIC = /^[0-9A-Za-z]$/;
const DIGIT = /^[0-9]$/;
const CNPJ_DV1_WEIGHTS = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_DV2_WEIGHTS = [6, ...CNPJ_DV1_WEIGHTS];

/** The input without its mask, upper-cased, with the 1-based input position of each kept character. */
type Stripped = { value: string; positions: number[] };

function fail(failure: DocumentFailure, reason: string): DocumentResult {
  return { ok: false, failure, reason };
}

function describeChar(ch: string): string {
  // Control and other invisible characters would make the reason unreadable, so name them by code point.
  if (/^\p{C}$/u.test(ch) || /^\s$/u.test(ch)) {
    return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `'${ch}'`;
}

function invalidChar(ch: string, position: number, why?: string): DocumentResult {
  const suffix = why === undefined ? '' : `: ${why}`;
  return fail('character', `invalid character ${describeChar(ch)} at position ${position}${suffix}`);
}

function strip(input: string): Stripped | DocumentResult {
  let value = '';
  const positions: number[] = [];
  let position = 0;
  // for..of walks code points, so an emoji counts as one position, as a reader would count it.
  for (const ch of input) {
    position += 1;
    if (MASK_CHAR.test(ch)) continue;
    if (!ALPHANUMERIC.test(ch)) return invalidChar(ch, position);
    value += ch.toUpperCase();
    positions.push(position);
  }
  return { value, positions };
}

function charValue(ch: string): number {
  return ch.charCodeAt(0) - 48;
}

function mod11Digit(chars: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < chars.length; i++) sum += charValue(chars.charAt(i)) * weights[i]!;
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

function descendingWeights(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from - i);
}

const CPF_DV1_WEIGHTS = descendingWeights(10, 9);
const CPF_DV2_WEIGHTS = descendingWeights(11, 10);

/** The two check digits of a CPF from its 9 base digits. Throws RangeError on any other input. */
export function cpfCheckDigits(base9: string): string {
  if (!/^[0-9]{9}$/.test(base9)) throw new RangeError('a CPF base must be exactly 9 digits');
  const dv1 = mod11Digit(base9, CPF_DV1_WEIGHTS);
  const dv2 = mod11Digit(`${base9}${dv1}`, CPF_DV2_WEIGHTS);
  return `${dv1}${dv2}`;
}

/**
 * The two check digits of a CNPJ from its 12 base characters ([0-9A-Z], lower case accepted).
 * Throws RangeError on any other input.
 */
export function cnpjCheckDigits(base12: string): string {
  if (!/^[0-9A-Za-z]{12}$/.test(base12)) {
    throw new RangeError('a CNPJ base must be exactly 12 characters from 0-9 and A-Z');
  }
  const base = base12.toUpperCase();
  const dv1 = mod11Digit(base, CNPJ_DV1_WEIGHTS);
  const dv2 = mod11Digit(`${base}${dv1}`, CNPJ_DV2_WEIGHTS);
  return `${dv1}${dv2}`;
}

function isRepeated(value: string): boolean {
  return value.split('').every((ch) => ch === value.charAt(0));
}

function checkCpf({ value, positions }: Stripped): DocumentResult {
  if (value.length !== CPF_LENGTH) return fail('length', `CPF must have 11 digits, got ${value.length}`);
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i);
    if (!DIGIT.test(ch)) return invalidChar(ch, positions[i]!, 'a CPF has digits only');
  }
  if (isRepeated(value)) return fail('repeated', 'CPF cannot have all digits equal');
  const expected = cpfCheckDigits(value.slice(0, 9));
  if (value.slice(9) !== expected) {
    return fail('check_digit', `CPF check digits do not match (expected ${expected})`);
  }
  return { ok: true, kind: 'cpf', value, formatted: formatDocument(value) };
}

function checkCnpj({ value, positions }: Stripped): DocumentResult {
  if (value.length !== CNPJ_LENGTH) {
    return fail('length', `CNPJ must have 14 characters, got ${value.length}`);
  }
  for (let i = 12; i < CNPJ_LENGTH; i++) {
    const ch = value.charAt(i);
    if (!DIGIT.test(ch)) return invalidChar(ch, positions[i]!, 'the CNPJ check digits are always digits');
  }
  if (isRepeated(value)) return fail('repeated', 'CNPJ cannot have all characters equal');
  const expected = cnpjCheckDigits(value.slice(0, 12));
  if (value.slice(12) !== expected) {
    return fail('check_digit', `CNPJ check digits do not match (expected ${expected})`);
  }
  return { ok: true, kind: 'cnpj', value, formatted: formatDocument(value) };
}

/**
 * A CPF or a CNPJ, told apart by length once the mask (`.`, `-`, `/`, whitespace) is stripped:
 * 11 characters are a CPF, 14 a CNPJ.
 */
export function parseDocument(input: string): DocumentResult {
  const stripped = strip(input);
  if ('ok' in stripped) return stripped;
  switch (stripped.value.length) {
    case CPF_LENGTH:
      return checkCpf(stripped);
    case CNPJ_LENGTH:
      return checkCnpj(stripped);
    default:
      return fail(
        'length',
        `a CPF must have 11 digits and a CNPJ 14 characters, got ${stripped.value.length}`,
      );
  }
}

export function parseCpf(input: string): DocumentResult {
  const stripped = strip(input);
  return 'ok' in stripped ? stripped : checkCpf(stripped);
}

export function parseCnpj(input: string): DocumentResult {
  const stripped = strip(input);
  return 'ok' in stripped ? stripped : checkCnpj(stripped);
}

/**
 * The usual mask for a normalised document: `000.000.000-00` for 11 characters,
 * `00.000.000/0000-00` for 14. Any other length is returned unchanged, so that rendering a bad
 * value shows what was received rather than failing.
 */
export function formatDocument(normalized: string): string {
  const v = normalized;
  if (v.length === CPF_LENGTH) return `${v.slice(0, 3)}.${v.slice(3, 6)}.${v.slice(6, 9)}-${v.slice(9)}`;
  if (v.length === CNPJ_LENGTH) {
    return `${v.slice(0, 2)}.${v.slice(2, 5)}.${v.slice(5, 8)}/${v.slice(8, 12)}-${v.slice(12)}`;
  }
  return v;
}

/**
 * A document made safe for logs. Masked or raw input is accepted; only the middle six characters
 * of a CPF (`***.982.247-**`) or of a CNPJ root (`**.ABC.345/****-**`) are kept, and anything of
 * another length is starred out entirely, showing only how long it was.
 */
export function maskDocument(value: string): string {
  const v = value.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  if (v.length === CPF_LENGTH) return `***.${v.slice(3, 6)}.${v.slice(6, 9)}-**`;
  if (v.length === CNPJ_LENGTH) return `**.${v.slice(2, 5)}.${v.slice(5, 8)}/****-**`;
  return '*'.repeat(v.length);
}
