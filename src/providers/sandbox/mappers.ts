// Pure mapping from sandbox rows to the contract's objects. Everything that depends on the day
// (fees, a blocked contract released on trust) takes `today` explicitly.
import { addDays, daysBetween } from '../../brasil/dates.js';
import { computeLateFees, type InterestStart } from '../../brasil/late-fees.js';
import { formatMoney } from '../../brasil/money.js';
import type { Bill, Contact, Customer, Invoice, Plan } from '../../contract/index.js';
import { normalisePhone } from '../../contract/index.js';
import { INVOICE_MODEL, INVOICE_SERIES } from './billing.js';
import type { SlipMemo } from './billing.js';
import type {
  BillRow,
  BillView,
  ContactRow,
  ContractStatus,
  CustomerKey,
  CustomerRow,
  PlanRow,
} from './rows.js';

export interface LateFeeRule {
  fineBasisPoints: number;
  monthlyInterestBasisPoints: number;
  interestFrom: InterestStart;
}

export interface AmountDue {
  daysLate: number;
  fineCents: number;
  interestCents: number;
  discountCents: number;
  totalCents: number;
}

// Bills share a handful of amounts and due dates, so the charges of one are usually those of many.
const amountsDue = new Map<string, AmountDue>();
const AMOUNTS_DUE_LIMIT = 10_000;

/**
 * What a bill costs when paid on `onDay`: on time (up to its due date, moved to the next business
 * day when it falls on a weekend or bank holiday) the punctuality discount applies; after it, the
 * discount is lost and the fine and pro rata interest are due. The fine cap of the consumer code
 * applies to people (CPF) only.
 */
export function amountDue(
  bill: Pick<BillRow, 'amount_cents' | 'discount_cents' | 'due_on'>,
  onDay: string,
  rule: LateFeeRule,
  consumer: boolean,
): AmountDue {
  const onTime = {
    daysLate: 0,
    fineCents: 0,
    interestCents: 0,
    discountCents: bill.discount_cents,
    totalCents: bill.amount_cents - bill.discount_cents,
  };
  // Strings compare as dates: nothing can be late on or before the due date itself.
  if (onDay <= bill.due_on) return onTime;
  const key = `${onDay}|${bill.due_on}|${bill.amount_cents}|${bill.discount_cents}|${consumer}|${rule.fineBasisPoints}|${rule.monthlyInterestBasisPoints}|${rule.interestFrom}`;
  let due = amountsDue.get(key);
  if (due === undefined) {
    due = lateAmountDue(bill, onDay, rule, consumer, onTime);
    if (amountsDue.size >= AMOUNTS_DUE_LIMIT) amountsDue.delete(amountsDue.keys().next().value!);
    amountsDue.set(key, due);
  }
  return due;
}

function lateAmountDue(
  bill: Pick<BillRow, 'amount_cents' | 'discount_cents' | 'due_on'>,
  onDay: string,
  rule: LateFeeRule,
  consumer: boolean,
  onTime: AmountDue,
): AmountDue {
  const fees = computeLateFees({
    amountCents: bill.amount_cents,
    dueDate: bill.due_on,
    paymentDate: onDay,
    fineBasisPoints: rule.fineBasisPoints,
    monthlyInterestBasisPoints: rule.monthlyInterestBasisPoints,
    interestFrom: rule.interestFrom,
    consumer,
  });
  if (fees.daysLate === 0) return onTime;
  return {
    daysLate: fees.daysLate,
    fineCents: fees.fineCents,
    interestCents: fees.interestCents,
    discountCents: 0,
    totalCents: fees.totalCents,
  };
}

export interface BillContext {
  today: string;
  rule: LateFeeRule;
  codes: SlipMemo;
}

/**
 * A bill as the contract shows it. Open bills are valued for `today`, with a Pix code for exactly
 * that amount; paid bills show what was due on the day they were paid; cancelled ones show no
 * charges, and neither a linha digitável nor a Pix code (nobody should pay them).
 */
export function toBill(
  bill: BillView,
  customer: Pick<CustomerKey, 'document' | 'name' | 'person_type'>,
  ctx: BillContext,
): Bill {
  const consumer = customer.person_type === 'F';
  const due =
    bill.status === 'cancelled'
      ? { fineCents: 0, interestCents: 0, discountCents: 0, totalCents: bill.amount_cents }
      : amountDue(
          bill,
          bill.status === 'paid' ? (bill.paid_on ?? bill.due_on) : ctx.today,
          ctx.rule,
          consumer,
        );
  const line =
    bill.status === 'cancelled'
      ? ''
      : ctx.codes.line({ id: bill.id, dueOn: bill.due_on, amountCents: bill.amount_cents });
  return {
    document_number: customer.document,
    fatura: String(bill.id),
    nome_cliente: customer.name,
    valor_inicial: formatMoney(bill.amount_cents),
    valor_final: formatMoney(due.totalCents),
    juros: formatMoney(due.interestCents),
    multa: formatMoney(due.fineCents),
    emissao: bill.issued_on,
    vencimento: bill.due_on,
    historico: bill.description,
    link_boleto: '',
    linha_digitavel: line,
    code_fatura: ctx.codes.ourNumberCode(bill.id),
    identifier: '',
    remote_id: String(bill.id),
    pix_code: bill.status === 'open' ? ctx.codes.pix(bill.id, due.totalCents) : '',
    desconto: formatMoney(due.discountCents),
    status: bill.status,
  };
}

export function toCustomer(row: CustomerRow): Customer {
  return {
    nome_completo: row.name,
    aniversario: row.birth_date,
    data_registro: row.registered_on,
    ativo: row.active === 1,
    id_remoto: String(row.id),
    rua_endereco: row.street,
    numero_endereco: row.number,
    cep_endereco: row.zip_code,
    cidade_endereco: row.city,
    complemento_endereco: row.complement,
    bairro_endereco: row.neighborhood,
    estado_endereco: row.state,
    email: row.email,
    telefone: row.phone,
  };
}

/** A contract blocked for debt and released on trust counts as active until the release ends. */
export function effectiveStatus(
  row: Pick<PlanRow, 'status' | 'unlocked_until'>,
  today: string,
): ContractStatus {
  if (row.status === 'blocked' && row.unlocked_until !== null && row.unlocked_until >= today) return 'active';
  return row.status;
}

/** The day a contract may be trust-unlocked again, or null when it never was. */
export function nextUnlockDay(row: Pick<PlanRow, 'last_unlock_on'>, periodDays: number): string | null {
  return row.last_unlock_on === null ? null : addDays(row.last_unlock_on, periodDays);
}

export function unlockUsedThisPeriod(
  row: Pick<PlanRow, 'last_unlock_on'>,
  today: string,
  periodDays: number,
): boolean {
  return row.last_unlock_on !== null && daysBetween(row.last_unlock_on, today) < periodDays;
}

export function toPlan(row: PlanRow, today: string, periodDays: number): Plan {
  const status = effectiveStatus(row, today);
  const blocked = status === 'blocked';
  return {
    contract_id: String(row.id),
    plan_code: row.product_code,
    plan_name: row.plan_name,
    status,
    blocked,
    block_reason: blocked ? row.block_reason : '',
    value: formatMoney(row.value_cents),
    installation_address: row.installation_address,
    trust_unlock_available:
      blocked && row.block_reason === 'financial' && !unlockUsedThisPeriod(row, today, periodDays),
  };
}

/** The NFCom issued with each bill: same number as the bill, cancelled with it. */
export function toInvoice(
  bill: Pick<BillRow, 'id' | 'status' | 'amount_cents' | 'issued_on'>,
  codes: SlipMemo,
): Invoice {
  return {
    id_nota: String(bill.id),
    numero: String(bill.id),
    serie: INVOICE_SERIES,
    modelo: INVOICE_MODEL,
    status: bill.status === 'cancelled' ? 'cancelled' : 'authorized',
    valor: formatMoney(bill.amount_cents),
    data_emissao: bill.issued_on,
    chave_acesso: codes.accessKey({ issuedOn: bill.issued_on, number: bill.id }),
    url_nota_fiscal: '',
  };
}

/**
 * The customer's e-mails and phones, each once: e-mails compared trimmed and lower-cased, phones
 * once normalised to DDD + number (masks, +55 and a trunk 0 dropped); values that are not a
 * usable e-mail or Brazilian phone are left out. The customer record's own fields come first.
 */
export function customerContacts(
  customer: Pick<CustomerRow, 'email' | 'phone' | 'phone_secondary'>,
  extra: readonly Pick<ContactRow, 'type' | 'value'>[],
): Contact[] {
  const candidates: Pick<ContactRow, 'type' | 'value'>[] = [
    { type: 'email', value: customer.email },
    { type: 'phone', value: customer.phone },
    { type: 'phone', value: customer.phone_secondary },
    ...extra,
  ];
  const seen = new Set<string>();
  const out: Contact[] = [];
  for (const c of candidates) {
    let value: string | null;
    if (c.type === 'email') {
      value = c.value.trim().toLowerCase();
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) value = null;
    } else {
      value = normalisePhone(c.value);
    }
    if (value === null || seen.has(`${c.type}:${value}`)) continue;
    seen.add(`${c.type}:${value}`);
    out.push(c.type === 'email' ? { type: 'email', value } : { type: 'phone', value });
  }
  return out;
}
