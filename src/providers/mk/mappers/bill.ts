// An MK pending bill (WSMKFaturasPendentes item: codfatura, data_vencimento, descricao,
// valor_total) plus what the per-bill services add (PathDownload of the 2ª via, the linha
// digitável of WSMKLDViaSMS, the Pix of WSMKRetornarCopieColaPix) -> the contract's Bill. MK
// gives no updated amount for an overdue bill, so fees come from the tenant's late-fee rule.
// A linha digitável or Pix code whose check digits fail is dropped with a warning.
import type { Bill } from '../../../contract/objects.js';
import { parsePix } from '../../../brasil/pix.js';
import { parseSlip } from '../../../brasil/slip.js';
import { billMoney, cents, digits, httpUrl, isoDate, text, valueBill } from '../../kit/index.js';
import type { FeeRule } from '../../kit/index.js';

export interface BillExtras {
  /** PathDownload, as MK gave it. */
  link: string;
  /** ld, as MK gave it. */
  line: string;
  /** texto_qrcode, as MK gave it. */
  pix: string;
}

export const NO_EXTRAS: BillExtras = { link: '', line: '', pix: '' };

export interface BillContext {
  /** The customer's document as the contract writes it. */
  document: string;
  name: string;
  rule: FeeRule;
  /** The valuation day (today in Brazil). */
  today: string;
  warn: (message: string) => void;
}

/** The linha digitável's digits when its check digits hold, else "" (with a warning). */
export function validLine(raw: string, bill: string, warn: (m: string) => void): string {
  const line = digits(raw);
  if (line === '') return '';
  if (parseSlip(line).ok) return line;
  warn(`fatura ${bill}: MK's linha digitável fails its check digits and was left out`);
  return '';
}

/** The Pix code when its CRC holds, else "" (with a warning). */
export function validPix(raw: string, bill: string, warn: (m: string) => void): string {
  const pix = raw.trim();
  if (pix === '') return '';
  if (parsePix(pix).ok) return pix;
  warn(`fatura ${bill}: MK's Pix code fails its CRC and was left out`);
  return '';
}

/** The bill, or null (with a warning) when MK's record has no readable amount or due date. */
export function toBill(record: Record<string, unknown>, extras: BillExtras, ctx: BillContext): Bill | null {
  const id = text(record.codfatura);
  const amount = cents(record.valor_total);
  const due = isoDate(record.data_vencimento);
  if (id === '' || amount === null || due === null) {
    ctx.warn(`a pending bill of MK without a readable id, amount or due date was left out (${id || '?'})`);
    return null;
  }
  const valued = valueBill(amount, due, {
    kind: 'rule',
    rule: ctx.rule,
    on: ctx.today,
    consumer: ctx.document.length === 11,
  });
  return {
    document_number: ctx.document,
    fatura: id,
    nome_cliente: ctx.name,
    ...billMoney(valued),
    emissao: '',
    vencimento: due,
    historico: text(record.descricao),
    link_boleto: httpUrl(extras.link),
    linha_digitavel: validLine(extras.line, id, ctx.warn),
    code_fatura: id,
    identifier: '',
    remote_id: id,
    pix_code: validPix(extras.pix, id, ctx.warn),
    status: 'open',
  };
}
