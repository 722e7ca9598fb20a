// `ponte inspect <value>`: support staff paste whatever a customer sent (linha digitável, barcode,
// Pix copia-e-cola, CPF, CNPJ) and see what it is, whether it is valid, and why not.
import { parseDocument } from '../brasil/document.js';
import { formatMoney } from '../brasil/money.js';
import { parsePix } from '../brasil/pix.js';
import { parseSlip } from '../brasil/slip.js';
import { formatBoletoLine } from '../brasil/boleto.js';
import { formatArrecadacaoLine } from '../brasil/arrecadacao.js';

export type InspectKind = 'boleto' | 'arrecadacao' | 'pix' | 'cpf' | 'cnpj' | 'unknown';

export interface InspectResult {
  kind: InspectKind;
  valid: boolean;
  reason?: string;
  [field: string]: unknown;
}

const SEPARATORS = /[\s.\-/\u2010-\u2015\u2212]/g;

export function inspectValue(raw: string, options: { referenceDate?: string } = {}): InspectResult {
  const value = raw.trim();
  if (value === '')
    return { kind: 'unknown', valid: false, reason: 'nothing to inspect: the value is empty' };

  // Every Pix BR Code starts with the payload format indicator "000201".
  if (value.startsWith('0002')) {
    const pix = parsePix(value);
    if (!pix.ok) return { kind: 'pix', valid: false, reason: pix.reason };
    const f = pix.fields;
    return {
      kind: 'pix',
      valid: true,
      key: f.key,
      url: f.url,
      amount: f.amountCents === null ? null : formatMoney(f.amountCents),
      txid: f.txid,
      merchant_name: f.merchantName,
      merchant_city: f.merchantCity,
      crc: f.crc,
      ...(f.warnings.length ? { warnings: f.warnings } : {}),
    };
  }

  const compact = value.replace(SEPARATORS, '');
  if (/^\d+$/.test(compact) && compact.length >= 40) {
    const slip = parseSlip(value, options.referenceDate ? { referenceDate: options.referenceDate } : {});
    if (!slip.ok) return { kind: slip.kind ?? 'unknown', valid: false, reason: slip.reason };
    if (slip.kind === 'boleto') {
      return {
        kind: 'boleto',
        valid: true,
        bank: slip.bank,
        amount: formatMoney(slip.amountCents),
        due_date: slip.dueDate,
        barcode: slip.barcode,
        line: slip.line,
        formatted_line: formatBoletoLine(slip.line),
      };
    }
    return {
      kind: 'arrecadacao',
      valid: true,
      segment: slip.segment,
      value_type: slip.valueType,
      amount: slip.valueType === 'amount' ? formatMoney(slip.amountCents) : null,
      barcode: slip.barcode,
      line: slip.line,
      formatted_line: formatArrecadacaoLine(slip.line),
    };
  }

  if (/^[0-9A-Za-z]+$/.test(compact) && (compact.length === 11 || compact.length === 14)) {
    const doc = parseDocument(value);
    const kind = compact.length === 11 ? 'cpf' : 'cnpj';
    if (!doc.ok) return { kind, valid: false, reason: doc.reason };
    return { kind: doc.kind, valid: true, normalized: doc.value, formatted: doc.formatted };
  }

  return {
    kind: 'unknown',
    valid: false,
    reason:
      'not recognised: expected a linha digitável (47 or 48 digits), a barcode (44 digits), a Pix copia-e-cola code, a CPF or a CNPJ',
  };
}

const labels: Record<string, string> = {
  bank: 'Bank',
  amount: 'Amount',
  due_date: 'Due date',
  barcode: 'Barcode',
  line: 'Line',
  formatted_line: 'Line (formatted)',
  segment: 'Segment',
  value_type: 'Value type',
  key: 'Pix key',
  url: 'Location URL',
  txid: 'txid',
  merchant_name: 'Merchant',
  merchant_city: 'City',
  crc: 'CRC',
  normalized: 'Normalised',
  formatted: 'Formatted',
  warnings: 'Warnings',
};

const kindNames: Record<InspectKind, string> = {
  boleto: 'bank slip (boleto)',
  arrecadacao: 'arrecadação / convênio slip',
  pix: 'Pix copia-e-cola (BR Code)',
  cpf: 'CPF',
  cnpj: 'CNPJ',
  unknown: 'unknown value',
};

export function describeInspection(result: InspectResult): string {
  const lines = [`${kindNames[result.kind]}: ${result.valid ? 'VALID' : 'INVALID'}`];
  if (result.reason) lines.push(`  Reason: ${result.reason}`);
  for (const [field, label] of Object.entries(labels)) {
    if (!(field in result)) continue;
    const v = result[field];
    const shown =
      v === null ? '(none)' : Array.isArray(v) ? v.join('; ') : typeof v === 'string' ? v : JSON.stringify(v);
    lines.push(`  ${label}: ${shown}`);
  }
  return lines.join('\n');
}
