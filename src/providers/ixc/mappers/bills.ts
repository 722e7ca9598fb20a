// IXC's fn_areceber row (and its get_pix answer) -> the contract's Bill, valued by the kit
// (valueBill): open bills for today with the wallet's rates, paid and cancelled ones plain.
import type { Bill } from '../../../contract/index.js';
import { cents, digits, httpUrl, isoDate } from '../../kit/edge.js';
import { billMoney, valueBill } from '../../kit/valuation.js';
import type { FeeRule } from '../../kit/valuation.js';
import { plainText } from '../client.js';
import type { IxcRow } from '../client.js';

export type BillStatus = 'open' | 'paid' | 'cancelled';

/** fn_areceber.status: A aberto, P parcial -> open; R recebido -> paid; C cancelado -> cancelled. */
export function billStatus(row: IxcRow): BillStatus {
  if (row.status === 'R') return 'paid';
  if (row.status === 'C') return 'cancelled';
  return 'open';
}

/** The rates of a fee rule, without when interest starts (that is the tenant's choice). */
export type FeeRates = Omit<FeeRule, 'interestFrom'>;

function percent(value: unknown): number | null {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value.replace(',', '.')) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function objectAt(value: unknown, ...path: string[]): Record<string, unknown> | null {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[key];
  }
  return current !== null && typeof current === 'object' ? (current as Record<string, unknown>) : null;
}

/**
 * The fee rates get_pix reports (Bacen cobv modalities): interest 2 = % per day, 3 = % per month,
 * 4 = % per year; fine 2 = %. Anything else (fixed values, business-day counts) -> null, and the
 * tenant's late_fees apply.
 */
export function pixFeeRule(getPix: unknown): FeeRates | null {
  const valor = objectAt(getPix, 'pix', 'dadosPix', 'valor');
  const juros = objectAt(valor, 'juros');
  const multa = objectAt(valor, 'multa');
  if (!juros || !multa) return null;
  const interest = percent(juros.valorPerc);
  const fine = percent(multa.valorPerc);
  if (interest === null || fine === null || Number(multa.modalidade) !== 2) return null;
  const perMonth: Record<number, number> = { 2: interest * 30, 3: interest, 4: interest / 12 };
  const monthly = perMonth[Number(juros.modalidade)];
  if (monthly === undefined) return null;
  return { fineBasisPoints: Math.round(fine * 100), monthlyInterestBasisPoints: Math.round(monthly * 100) };
}

/**
 * The Pix copy-and-paste code of a get_pix answer: gateways fill one field or the other. A charge
 * whose dadosPix.status is not ATIVA (paid, removed) gives none, so an expired code is never shown.
 */
export function pixCodeOf(getPix: unknown): string {
  const data = objectAt(getPix, 'pix', 'dadosPix');
  const status = data?.status;
  if (typeof status === 'string' && status.trim() !== '' && status.trim().toUpperCase() !== 'ATIVA')
    return '';
  const copyPaste = data?.pixCopiaECola;
  const qr = objectAt(getPix, 'pix', 'qrCode')?.qrcode;
  for (const v of [copyPaste, qr]) if (typeof v === 'string' && v.trim() !== '') return v.trim();
  return '';
}

export interface BillContext {
  today: string;
  document: string;
  customerName: string;
  /** CPF customers: the consumer-code cap on the fine applies. */
  consumer: boolean;
  rule: FeeRule;
  pixCode: string;
}

/**
 * A bill as the contract wants it. Open bills are valued for today: the open amount (valor_aberto,
 * which a partial payment reduced) plus fine and interest after the due date; paid and cancelled
 * bills show their original amount with no fees.
 */
export function toBill(row: IxcRow, ctx: BillContext): Bill {
  const status = billStatus(row);
  const due = isoDate(row.data_vencimento) ?? '';
  const open = status === 'open';
  const initial = (open ? cents(row.valor_aberto) : cents(row.valor)) ?? 0;
  const amounts = valueBill(
    initial,
    due,
    open ? { kind: 'rule', rule: ctx.rule, on: ctx.today, consumer: ctx.consumer } : { kind: 'none' },
  );
  return {
    document_number: ctx.document,
    fatura: row.id ?? '',
    nome_cliente: ctx.customerName,
    ...billMoney(amounts),
    emissao: isoDate(row.data_emissao) ?? '',
    vencimento: due,
    historico: plainText(row.obs ?? '') || `Fatura ${row.documento || row.id}`,
    link_boleto: httpUrl(row.gateway_link),
    linha_digitavel: digits(row.linha_digitavel),
    code_fatura: row.nn_boleto || row.documento || row.id || '',
    identifier: '',
    remote_id: row.id ?? '',
    pix_code: open ? ctx.pixCode : '',
    status,
  };
}
