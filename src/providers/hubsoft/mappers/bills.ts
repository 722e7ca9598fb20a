// Hubsoft faturas (financeiro/fatura) as the contract's Bill: the late-fee rule of the fatura's
// forma de cobrança, the boleto id Ponte hands out, and the valuation for today. Pure.
import type { InterestStart } from '../../../brasil/late-fees.js';
import type { Bill } from '../../../contract/index.js';
import { cents, digits, document, httpUrl, isoDate, text } from '../../kit/edge.js';
import { billMoney, valueBill } from '../../kit/valuation.js';
import type { HubsoftBill, HubsoftBillingForm, Loose } from '../types.js';
import { badAnswer } from './errors.js';

export interface LateFeeRule {
  fineBasisPoints: number;
  monthlyInterestBasisPoints: number;
}

/** A percentage (2, "0.033") times `factor`, in whole basis points; null when unreadable or over 100 %. */
function basisPoints(percent: Loose, factor: number): number | null {
  const raw = text(percent);
  if (!/^\d{1,3}(?:\.\d{1,6})?$/.test(raw)) return null;
  // A rate, not money: rounding its product to a whole basis point is the precision fees use.
  const bp = Math.round(Number(raw) * 100 * factor);
  return bp <= 10_000 ? bp : null;
}

/**
 * The fine and interest rates of the bill's forma de cobrança (percent values: multa 2 = 2 %,
 * juros 1 = 1 % a month); the tenant's rule for whatever the bill does not state in a known form.
 */
export function lateFeeRule(form: HubsoftBillingForm | null | undefined, fallback: LateFeeRule): LateFeeRule {
  const fine = text(form?.tipo_multa) === 'percentual' ? basisPoints(form?.multa, 1) : null;
  const kind = text(form?.tipo_juros);
  const days = kind === 'percentual_mensal' ? 1 : kind === 'percentual_diario' ? 30 : null;
  const interest = days === null ? null : basisPoints(form?.juros, days);
  return {
    fineBasisPoints: fine ?? fallback.fineBasisPoints,
    monthlyInterestBasisPoints: interest ?? fallback.monthlyInterestBasisPoints,
  };
}

/**
 * The boleto id Ponte hands out: the fatura id and the service (or customer) it belongs to.
 * Hubsoft has no route that reads one fatura by id, so get_boleto_pdf (which may come without a
 * CPF/CNPJ) searches the service's faturas for it.
 */
export function billRef(bill: HubsoftBill): string {
  const id = text(bill.id_fatura);
  const service = text(bill.id_cliente_servico);
  if (/^\d+$/.test(service)) return `${id}-s${service}`;
  const customer = text(bill.cliente?.id_cliente);
  return /^\d+$/.test(customer) ? `${id}-c${customer}` : id;
}

export interface BillRefParts {
  billId: string;
  scope: { busca: 'id_cliente_servico' | 'id_cliente'; termo: string } | null;
}

/** Reads a boleto id: `<id_fatura>-s<id_cliente_servico>`, `<id_fatura>-c<id_cliente>` or a bare fatura id. */
export function parseBillRef(ref: string): BillRefParts | null {
  const m = /^(\d{1,15})(?:-([sc])(\d{1,15}))?$/.exec(ref.trim());
  if (!m) return null;
  const [, billId = '', kind, termo] = m;
  if (kind === undefined || termo === undefined) return { billId, scope: null };
  return { billId, scope: { busca: kind === 's' ? 'id_cliente_servico' : 'id_cliente', termo } };
}

export interface BillContext {
  /** Today in Brazil. */
  today: string;
  /** The tenant's late-fee rule, for bills whose forma de cobrança states none. */
  fallback: LateFeeRule;
  /** The tenant's late_fees.interest_from. */
  interestFrom: InterestStart;
}

/**
 * The fatura's Pix copia-e-cola, '' when it has none (a boleto-only fatura answers null).
 * financeiro/fatura names it pix_copia_e_cola, cliente/financeiro pix_copia_cola; both are read.
 */
export function pixCode(bill: HubsoftBill): string {
  return text(bill.pix_copia_e_cola) || text(bill.pix_copia_cola);
}

function billHistory(bill: HubsoftBill): string {
  const charges = (bill.cobrancas ?? []).map((c) => text(c.descricao)).filter((d) => d !== '');
  if (charges.length > 0) return charges.join('; ');
  return text(bill.servico?.descricao);
}

/**
 * A fatura of financeiro/fatura as the contract's Bill, valued for `ctx.today`: a paid one shows
 * what was paid, an open one the forma de cobrança's fine and interest (else the tenant's).
 */
export function toBill(bill: HubsoftBill, ctx: BillContext): Bill {
  const id = text(bill.id_fatura);
  const amount = cents(bill.valor);
  const due = isoDate(bill.data_vencimento);
  if (id === '' || amount === null || due === null) {
    throw badAnswer(`a fatura without a readable id, valor or data_vencimento (fatura ${id || '?'})`);
  }
  const paid = isoDate(bill.data_pagamento) !== null;
  const money = billMoney(
    valueBill(
      amount,
      due,
      paid
        ? { kind: 'paid', paidCents: cents(bill.valor_pago) ?? amount }
        : {
            kind: 'rule',
            rule: { ...lateFeeRule(bill.forma_cobranca, ctx.fallback), interestFrom: ctx.interestFrom },
            on: ctx.today,
            consumer: text(bill.cliente?.tipo_pessoa) !== 'pj',
          },
    ),
  );
  return {
    document_number: document(bill.cliente?.cpf_cnpj),
    fatura: id,
    nome_cliente: text(bill.cliente?.nome_razaosocial),
    ...money,
    emissao: isoDate(bill.data_cadastro) ?? '',
    vencimento: due,
    historico: billHistory(bill),
    link_boleto: httpUrl(bill.link),
    linha_digitavel: digits(bill.linha_digitavel) || digits(bill.codigo_barras),
    code_fatura: text(bill.nosso_numero),
    identifier: '',
    remote_id: billRef(bill),
    pix_code: pixCode(bill),
    status: paid ? 'paid' : 'open',
  };
}
