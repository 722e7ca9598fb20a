// Pix BR Code (EMV QRCPS-MPM as profiled by the Bacen Pix manuals): building the "copia e cola"
// payload and reading one back.
//
// The builder is strict: it folds text to ASCII so that one character is one byte in the QR code,
// and refuses anything outside the limits of the manual rather than truncating it, because a
// silently shortened name or txid is worse than an error at configuration time. The parser is
// strict about structure (a payload whose TLV layout is broken is rejected even when its CRC
// matches) but lenient about the length limits that PSPs routinely overrun, which it reports as
// warnings.

import { collapseSpaces, foldAscii } from './text.js';

const PIX_GUI = 'br.gov.bcb.pix';
const MERCHANT_CATEGORY_CODE = '0000';
const CURRENCY_BRL = '986';
const COUNTRY = 'BR';
const NO_TXID = '***';
const CRC_TAG = '6304';

const MAX_NAME = 25;
const MAX_CITY = 15;
const MAX_TXID = 25;
const MAX_AMOUNT_CHARS = 13;
const MAX_TLV_VALUE = 99;
// The GUI sub-field ("0014br.gov.bcb.pix", 18 chars) and a 4-char header leave 77 for a key or URL.
const MAX_KEY_OR_URL = MAX_TLV_VALUE - 18 - 4;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const TXID = /^[A-Za-z0-9]+$/;
const AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/;

const utf8 = new TextEncoder();

// CRC16/CCITT-FALSE one byte at a time: the bitwise loop folded into a 256-entry table.
const CRC_TABLE = Uint16Array.from({ length: 256 }, (_, byte) => {
  let crc = byte << 8;
  for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  return crc;
});

/** CRC16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection) over the UTF-8 bytes, as 4 upper-case hex digits. */
export function crc16(payload: string): string {
  return crcOf(payload, payload.length).toString(16).toUpperCase().padStart(4, '0');
}

/** The CRC16 of the first `end` characters of `text`, as a number. */
function crcOf(text: string, end: number): number {
  let crc = 0xffff;
  // Pix payloads are ASCII (the builder folds them), so the UTF-8 encoding is only needed for
  // what a parser is handed from outside.
  let ascii = true;
  for (let i = 0; i < end && ascii; i++) ascii = text.charCodeAt(i) < 0x80;
  if (ascii) {
    for (let i = 0; i < end; i++)
      crc = ((crc << 8) & 0xffff) ^ CRC_TABLE[((crc >> 8) ^ text.charCodeAt(i)) & 0xff]!;
  } else {
    for (const byte of utf8.encode(text.slice(0, end)))
      crc = ((crc << 8) & 0xffff) ^ CRC_TABLE[((crc >> 8) ^ byte) & 0xff]!;
  }
  return crc;
}

export interface StaticPixInput {
  key: string;
  amountCents?: number;
  txid?: string;
  merchantName: string;
  merchantCity: string;
  description?: string;
}

export interface DynamicPixInput {
  url: string;
  merchantName: string;
  merchantCity: string;
  amountCents?: number;
  singleUse?: boolean;
}

/** Thrown by the builders; `field` names the offending input property. */
export class PixBuildError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'PixBuildError';
    this.field = field;
  }
}

function tlv(id: string, value: string): string {
  return id + String(value.length).padStart(2, '0') + value;
}

function foldedText(value: string, field: string, max: number): string {
  // foldAscii leaves printable ASCII only, so lengths below are byte counts in the QR code; runs
  // of spaces are collapsed because they are typos that would eat into tight limits.
  const folded = collapseSpaces(foldAscii(value));
  if (folded.length < 1 || folded.length > max) {
    throw new PixBuildError(
      field,
      `must be 1 to ${max} characters after folding to ASCII, got ${folded.length}`,
    );
  }
  return folded;
}

function formatAmount(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents <= 0) {
    throw new PixBuildError('amountCents', 'must be a positive integer number of cents');
  }
  const digits = String(cents).padStart(3, '0');
  const text = `${digits.slice(0, -2)}.${digits.slice(-2)}`;
  if (text.length > MAX_AMOUNT_CHARS) {
    throw new PixBuildError('amountCents', `must be at most ${MAX_AMOUNT_CHARS} characters as text`);
  }
  return text;
}

function checkedTxid(txid: string | undefined): string {
  if (txid === undefined) return NO_TXID;
  if (!TXID.test(txid) || txid.length > MAX_TXID) {
    throw new PixBuildError('txid', `must be 1 to ${MAX_TXID} characters of [A-Za-z0-9]`);
  }
  return txid;
}

// The key or URL is capped at 77 characters, so only a description can overflow the template.
function merchantAccount(locator: string, description: string | null): string {
  const template = tlv('00', PIX_GUI) + locator;
  if (description === null) return template;
  const withDescription = template + tlv('02', description);
  if (withDescription.length > MAX_TLV_VALUE) {
    throw new PixBuildError(
      'description',
      `the merchant account template would be ${withDescription.length} characters, over ${MAX_TLV_VALUE}`,
    );
  }
  return withDescription;
}

interface Parts {
  initiation: string | null;
  account: string;
  amountCents: number | undefined;
  merchantName: string;
  merchantCity: string;
  txid: string;
}

// With every field within its limit the payload stays under about 250 characters, so the
// 512-character ceiling of the EMV guidance cannot be reached and needs no check of its own.
function assemble(parts: Parts): string {
  const body =
    tlv('00', '01') +
    (parts.initiation === null ? '' : tlv('01', parts.initiation)) +
    tlv('26', parts.account) +
    tlv('52', MERCHANT_CATEGORY_CODE) +
    tlv('53', CURRENCY_BRL) +
    (parts.amountCents === undefined ? '' : tlv('54', formatAmount(parts.amountCents))) +
    tlv('58', COUNTRY) +
    tlv('59', foldedText(parts.merchantName, 'merchantName', MAX_NAME)) +
    tlv('60', foldedText(parts.merchantCity, 'merchantCity', MAX_CITY)) +
    tlv('62', tlv('05', parts.txid)) +
    CRC_TAG;
  return body + crc16(body);
}

/** A reusable (static) Pix code for a key; the 01 initiation field is left out, as in the Bacen example. */
export function buildStaticPix(input: StaticPixInput): string {
  const key = input.key;
  if (!/^[\x21-\x7e]+$/.test(key) || key.length > MAX_KEY_OR_URL) {
    throw new PixBuildError(
      'key',
      `must be 1 to ${MAX_KEY_OR_URL} printable ASCII characters without spaces`,
    );
  }
  const description =
    input.description === undefined || input.description.trim() === ''
      ? null
      : foldedText(input.description, 'description', MAX_TLV_VALUE);
  return assemble({
    initiation: null,
    account: merchantAccount(tlv('01', key), description),
    amountCents: input.amountCents,
    merchantName: input.merchantName,
    merchantCity: input.merchantCity,
    txid: checkedTxid(input.txid),
  });
}

/** A dynamic Pix code pointing at a PSP location; the charge itself (txid included) lives there. */
export function buildDynamicPix(input: DynamicPixInput): string {
  const url = input.url.replace(/^https:\/\//i, '');
  if (!/^[\x21-\x7e]+$/.test(url) || url.includes('://') || url.length > MAX_KEY_OR_URL) {
    throw new PixBuildError(
      'url',
      `must be an https location (scheme optional) of 1 to ${MAX_KEY_OR_URL} printable ASCII characters`,
    );
  }
  return assemble({
    initiation: input.singleUse === true ? '12' : null,
    account: merchantAccount(tlv('25', url), null),
    amountCents: input.amountCents,
    merchantName: input.merchantName,
    merchantCity: input.merchantCity,
    txid: NO_TXID,
  });
}

export interface PixFields {
  payloadFormat: string;
  initiationMethod: 'static' | 'dynamic' | null;
  gui: string;
  key: string | null;
  url: string | null;
  description: string | null;
  amountCents: number | null;
  merchantName: string;
  merchantCity: string;
  postalCode: string | null;
  txid: string | null;
  crc: string;
  warnings: string[];
}

export type PixParseResult = { ok: true; fields: PixFields } | { ok: false; reason: string };

class PixParseError extends Error {}

/** Splits `text` into TLV objects, refusing duplicates and anything that does not end exactly on a boundary. */
function readTlvs(text: string, where: string): Map<string, string> {
  const fields = new Map<string, string>();
  let pos = 0;
  while (pos < text.length) {
    const header = text.slice(pos, pos + 4);
    if (!/^\d{4}$/.test(header)) {
      throw new PixParseError(`${where}: expected a 2-digit id and a 2-digit length at position ${pos}`);
    }
    const id = header.slice(0, 2);
    const end = pos + 4 + Number(header.slice(2));
    if (end > text.length) throw new PixParseError(`${where}: field ${id} runs past the end`);
    if (fields.has(id)) throw new PixParseError(`${where}: field ${id} appears twice`);
    fields.set(id, text.slice(pos + 4, end));
    pos = end;
  }
  return fields;
}

function required(fields: Map<string, string>, id: string, name: string): string {
  const value = fields.get(id);
  if (value === undefined || value === '') throw new PixParseError(`missing field ${id} (${name})`);
  return value;
}

function parseAmount(text: string): number {
  const m = AMOUNT.exec(text);
  if (!m || text.length > MAX_AMOUNT_CHARS) throw new PixParseError(`invalid amount (field 54): ${text}`);
  const units = m[1] ?? '';
  const decimals = (m[2] ?? '').padEnd(2, '0');
  return Number(units + decimals);
}

function pixAccount(fields: Map<string, string>, warnings: string[]): Map<string, string> {
  const accounts: Map<string, string>[] = [];
  for (let id = 26; id <= 51; id++) {
    const value = fields.get(String(id));
    if (value === undefined) continue;
    const template = readTlvs(value, `template ${id}`);
    if (template.get('00')?.toLowerCase() === PIX_GUI) accounts.push(template);
  }
  const [account, ...others] = accounts;
  if (account === undefined) {
    throw new PixParseError(`missing Pix merchant account (GUI ${PIX_GUI} in a template 26-51)`);
  }
  if (others.length > 0) warnings.push('more than one Pix merchant account template; the first one is used');
  return account;
}

function readPayload(payload: string): PixFields {
  const warnings: string[] = [];
  const fields = readTlvs(payload, 'payload');
  const ids = [...fields.keys()];
  if (ids[0] !== '00' || fields.get('00') !== '01') {
    throw new PixParseError('field 00 (payload format indicator) must come first with value 01');
  }
  const found = fields.get('63');
  if (ids[ids.length - 1] !== '63' || found === undefined || !/^[0-9A-Fa-f]{4}$/.test(found)) {
    throw new PixParseError('field 63 (CRC) must come last with 4 hex digits');
  }
  const expected = crc16(payload.slice(0, -4));
  if (found.toUpperCase() !== expected)
    throw new PixParseError(`CRC mismatch: expected ${expected}, found ${found}`);
  if (found !== expected) warnings.push('CRC written in lower case');
  if (!PRINTABLE_ASCII.test(payload)) warnings.push('payload contains characters outside printable ASCII');

  const initiation = fields.get('01');
  if (initiation !== undefined && initiation !== '11' && initiation !== '12') {
    throw new PixParseError(`field 01 (point of initiation method) must be 11 or 12, got ${initiation}`);
  }

  const account = pixAccount(fields, warnings);
  const key = account.get('01') ?? null;
  const url = account.get('25') ?? null;
  if ((key === null) === (url === null)) {
    throw new PixParseError('the Pix merchant account must hold exactly one of a key (01) or a URL (25)');
  }
  if (key === '' || url === '') throw new PixParseError('the Pix key or URL is empty');

  if (!/^\d{4}$/.test(required(fields, '52', 'merchant category code'))) {
    throw new PixParseError('field 52 (merchant category code) must be 4 digits');
  }
  const currency = required(fields, '53', 'currency');
  if (currency !== CURRENCY_BRL)
    throw new PixParseError(`field 53 (currency) must be ${CURRENCY_BRL}, got ${currency}`);
  const amountText = fields.get('54');
  const amountCents = amountText === undefined ? null : parseAmount(amountText);
  if (amountCents === 0) warnings.push('amount is zero');
  const country = required(fields, '58', 'country code');
  if (country !== COUNTRY) throw new PixParseError(`field 58 (country) must be ${COUNTRY}, got ${country}`);
  const merchantName = required(fields, '59', 'merchant name');
  if (merchantName.length > MAX_NAME) warnings.push(`merchant name longer than ${MAX_NAME} characters`);
  const merchantCity = required(fields, '60', 'merchant city');
  if (merchantCity.length > MAX_CITY) warnings.push(`merchant city longer than ${MAX_CITY} characters`);

  let txid: string | null = null;
  const additional = fields.get('62');
  if (additional === undefined) {
    warnings.push('field 62 (additional data, txid) missing');
  } else {
    const written = readTlvs(additional, 'template 62').get('05');
    if (written === undefined) warnings.push('field 62-05 (txid) missing');
    else if (written !== NO_TXID) {
      txid = written;
      if (!TXID.test(written) || written.length > MAX_TXID) {
        warnings.push(`txid is not 1 to ${MAX_TXID} characters of [A-Za-z0-9]`);
      }
    }
  }

  return {
    payloadFormat: '01',
    initiationMethod: initiation === undefined ? null : initiation === '12' ? 'dynamic' : 'static',
    gui: account.get('00') ?? PIX_GUI,
    key,
    url,
    description: account.get('02') ?? null,
    amountCents,
    merchantName,
    merchantCity,
    postalCode: fields.get('61') ?? null,
    txid,
    crc: expected,
    warnings,
  };
}

export function parsePix(payload: string): PixParseResult {
  try {
    return { ok: true, fields: readPayload(payload) };
  } catch (error) {
    if (error instanceof PixParseError) return { ok: false, reason: error.message };
    throw error;
  }
}

// isValidPix answers exactly what `parsePix(payload).ok` answers (a property test holds them
// together), without building the fields: it runs on every Pix code of every answer, where the
// parser's maps and strings were most of what a list_bills call allocated. A TLV walk records
// where each id's value starts and ends in these arrays (-1: absent); they are reused, as the
// walk never yields.
const outerStart = new Int32Array(100);
const outerEnd = new Int32Array(100);
const innerStart = new Int32Array(100);
const innerEnd = new Int32Array(100);
let walkFirst = -1;
let walkLast = -1;

/** readTlvs over text[from, to) without building anything; false exactly where readTlvs throws. */
function walkTlvs(text: string, from: number, to: number, starts: Int32Array, ends: Int32Array): boolean {
  starts.fill(-1);
  walkFirst = -1;
  walkLast = -1;
  for (let pos = from; pos < to;) {
    if (pos + 4 > to) return false;
    let id = 0;
    let length = 0;
    for (let k = 0; k < 4; k++) {
      const digit = text.charCodeAt(pos + k) - 48;
      if (digit < 0 || digit > 9) return false;
      if (k < 2) id = id * 10 + digit;
      else length = length * 10 + digit;
    }
    const end = pos + 4 + length;
    if (end > to || starts[id] !== -1) return false;
    starts[id] = pos + 4;
    ends[id] = end;
    if (walkFirst === -1) walkFirst = id;
    walkLast = id;
    pos = end;
  }
  return true;
}

function valueIs(text: string, starts: Int32Array, ends: Int32Array, id: number, expected: string): boolean {
  const start = starts[id]!;
  return start !== -1 && ends[id]! - start === expected.length && text.startsWith(expected, start);
}

/** Present and not empty, as `required` demands. */
function hasValue(starts: Int32Array, ends: Int32Array, id: number): boolean {
  return starts[id] !== -1 && ends[id]! > starts[id]!;
}

function isDigits(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function isValidPix(payload: string): boolean {
  const s = outerStart;
  const e = outerEnd;
  if (!walkTlvs(payload, 0, payload.length, s, e)) return false;
  if (walkFirst !== 0 || !valueIs(payload, s, e, 0, '01') || walkLast !== 63) return false;
  const crcStart = s[63]!;
  if (e[63]! - crcStart !== 4) return false;
  let found = 0;
  for (let i = crcStart; i < crcStart + 4; i++) {
    const c = payload.charCodeAt(i);
    const nibble =
      c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (nibble < 0) return false;
    found = found * 16 + nibble;
  }
  if (crcOf(payload, payload.length - 4) !== found) return false;
  if (s[1] !== -1 && !valueIs(payload, s, e, 1, '11') && !valueIs(payload, s, e, 1, '12')) return false;

  // The merchant account: the first template 26-51 whose GUI is Pix's; every template present
  // must be well formed, as the parser reads them all.
  let account = false;
  let keyLength = -1;
  let urlLength = -1;
  for (let id = 26; id <= 51; id++) {
    if (s[id] === -1) continue;
    if (!walkTlvs(payload, s[id]!, e[id]!, innerStart, innerEnd)) return false;
    if (account || innerStart[0] === -1) continue;
    if (payload.slice(innerStart[0], innerEnd[0]).toLowerCase() !== PIX_GUI) continue;
    account = true;
    keyLength = innerStart[1] === -1 ? -1 : innerEnd[1]! - innerStart[1]!;
    urlLength = innerStart[25] === -1 ? -1 : innerEnd[25]! - innerStart[25]!;
  }
  if (!account || (keyLength === -1) === (urlLength === -1) || keyLength === 0 || urlLength === 0)
    return false;

  if (!hasValue(s, e, 52) || e[52]! - s[52]! !== 4 || !isDigits(payload, s[52]!, e[52]!)) return false;
  if (!valueIs(payload, s, e, 53, CURRENCY_BRL)) return false;
  if (s[54] !== -1) {
    const amount = payload.slice(s[54], e[54]);
    if (!AMOUNT.test(amount) || amount.length > MAX_AMOUNT_CHARS) return false;
  }
  if (!valueIs(payload, s, e, 58, COUNTRY) || !hasValue(s, e, 59) || !hasValue(s, e, 60)) return false;
  if (s[62] !== -1 && !walkTlvs(payload, s[62]!, e[62]!, innerStart, innerEnd)) return false;
  return true;
}
