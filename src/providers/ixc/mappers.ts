// Pure translations between IXC rows (every value a string, dates yyyy-mm-dd with "0000-00-00" for
// none, money "26.00", flags "S"/"N") and the contract's objects. No I/O here.
import { formatDocument } from '../../brasil/document.js';
import { isIsoDate } from '../../brasil/dates.js';
import { computeLateFees, type InterestStart } from '../../brasil/late-fees.js';
import { formatMoney, parseMoney } from '../../brasil/money.js';
import { normalisePhone, ufOrEmpty } from '../../contract/index.js';
import type { Bill, Contact, Customer, Invoice, Plan } from '../../contract/index.js';
import { plainText, scalar } from './client.js';
import type { IxcRow } from './client.js';

/** The forms a document may be stored in: IXC keeps it masked, some imports keep digits. */
export function documentForms(document: string): string[] {
  const masked = formatDocument(document);
  return masked === document ? [document] : [masked, document];
}

/** Of several customers with one document (IXC allows duplicates): the active one, oldest first. */
export function pickCustomer(rows: IxcRow[]): IxcRow | undefined {
  return [...rows].sort(
    (a, b) => Number(b.ativo === 'S') - Number(a.ativo === 'S') || Number(a.id) - Number(b.id),
  )[0];
}

export function cents(money: string | undefined): number {
  const parsed = parseMoney((money ?? '').trim() === '' ? '0' : (money ?? '').replace(',', '.'));
  return parsed.ok ? parsed.cents : 0;
}

/** A date column as the contract wants it: yyyy-mm-dd, or '' for IXC's empty dates. */
export function dateOrEmpty(value: string | undefined): string {
  const day = (value ?? '').slice(0, 10);
  return isIsoDate(day) ? day : '';
}

/** yyyy-mm-dd -> dd/mm/yyyy, the form IXC's writes take. */
export function brDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

export function formatCep(zip: string): string {
  return /^\d{8}$/.test(zip) ? `${zip.slice(0, 5)}-${zip.slice(5)}` : zip;
}

export type BillStatus = 'open' | 'paid' | 'cancelled';

/** fn_areceber.status: A aberto, P parcial -> open; R recebido -> paid; C cancelado -> cancelled. */
export function billStatus(row: IxcRow): BillStatus {
  if (row.status === 'R') return 'paid';
  if (row.status === 'C') return 'cancelled';
  return 'open';
}

/** Late-fee rule in basis points: fine once, interest per 30-day month. */
export interface FeeRule {
  fineBasisPoints: number;
  monthlyInterestBasisPoints: number;
}

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
 * The fee rule get_pix reports (Bacen cobv modalities): interest 2 = % per day, 3 = % per month,
 * 4 = % per year; fine 2 = %. Anything else (fixed values, business-day counts) -> null, and the
 * tenant's late_fees apply.
 */
export function pixFeeRule(getPix: unknown): FeeRule | null {
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

/** The Pix copy-and-paste code of a get_pix answer: gateways fill one field or the other. */
export function pixCodeOf(getPix: unknown): string {
  const copyPaste = objectAt(getPix, 'pix', 'dadosPix')?.pixCopiaECola;
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
  /** The tenant's late_fees.interest_from. */
  interestFrom: InterestStart;
  pixCode: string;
}

const URL_RE = /^https?:\/\/\S+$/;

/**
 * A bill as the contract wants it. Open bills are valued for today: the open amount (valor_aberto,
 * which a partial payment reduced) plus fine and interest after the due date; paid and cancelled
 * bills show their original amount with no fees.
 */
export function toBill(row: IxcRow, ctx: BillContext): Bill {
  const status = billStatus(row);
  const due = dateOrEmpty(row.data_vencimento);
  const initial = status === 'open' ? cents(row.valor_aberto) : cents(row.valor);
  const fees =
    status === 'open' && due !== ''
      ? computeLateFees({
          amountCents: initial,
          dueDate: due,
          paymentDate: ctx.today,
          fineBasisPoints: ctx.rule.fineBasisPoints,
          monthlyInterestBasisPoints: ctx.rule.monthlyInterestBasisPoints,
          interestFrom: ctx.interestFrom,
          consumer: ctx.consumer,
        })
      : { fineCents: 0, interestCents: 0, totalCents: initial };
  const link = (row.gateway_link ?? '').trim();
  return {
    document_number: ctx.document,
    fatura: row.id ?? '',
    nome_cliente: ctx.customerName,
    valor_inicial: formatMoney(initial),
    valor_final: formatMoney(fees.totalCents),
    juros: formatMoney(fees.interestCents),
    multa: formatMoney(fees.fineCents),
    emissao: dateOrEmpty(row.data_emissao),
    vencimento: due,
    historico: plainText(row.obs ?? '') || `Fatura ${row.documento || row.id}`,
    link_boleto: URL_RE.test(link) ? link : '',
    linha_digitavel: (row.linha_digitavel ?? '').replace(/\D/g, ''),
    code_fatura: row.nn_boleto || row.documento || row.id || '',
    identifier: '',
    remote_id: row.id ?? '',
    pix_code: status === 'open' ? ctx.pixCode : '',
    desconto: '0.00',
    status,
  };
}

/** Open bills oldest due date first (ties by id), as list_bills promises. */
export function byDueDate(a: IxcRow, b: IxcRow): number {
  const da = a.data_vencimento ?? '';
  const db = b.data_vencimento ?? '';
  return da < db ? -1 : da > db ? 1 : Number(a.id) - Number(b.id);
}

export interface City {
  name: string;
  uf: string;
}

function firstPhone(row: IxcRow): string {
  for (const f of ['telefone_celular', 'whatsapp', 'fone', 'telefone_comercial']) {
    const phone = normalisePhone(row[f] ?? '');
    if (phone !== null) return phone;
  }
  return '';
}

function firstEmail(value: string | undefined): string {
  return (
    (value ?? '')
      .split(/[;,\s]+/)
      .map((e) => e.trim().toLowerCase())
      .find((e) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) ?? ''
  );
}

export function toCustomer(row: IxcRow, city: City | null): Customer {
  const zip = (row.cep ?? '').replace(/\D/g, '');
  return {
    nome_completo: row.razao ?? '',
    aniversario: dateOrEmpty(row.data_nascimento),
    data_registro: dateOrEmpty(row.data_cadastro) || '1970-01-01',
    ativo: row.ativo === 'S',
    id_remoto: row.id ?? '',
    rua_endereco: row.endereco ?? '',
    numero_endereco: row.numero ?? '',
    cep_endereco: /^\d{8}$/.test(zip) ? zip : '',
    cidade_endereco: city?.name ?? '',
    complemento_endereco: row.complemento ?? '',
    bairro_endereco: row.bairro ?? '',
    estado_endereco: ufOrEmpty(city?.uf ?? ''),
    email: firstEmail(row.email),
    telefone: firstPhone(row),
  };
}

/** E-mails (record and portal e-mail) then phones (mobile, WhatsApp, landline, work), each once. */
export function customerContacts(row: IxcRow): Contact[] {
  const out: Contact[] = [];
  const seen = new Set<string>();
  const add = (c: Contact) => {
    const key = `${c.type}:${c.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(c);
  };
  for (const f of ['email', 'hotsite_email']) {
    for (const e of (row[f] ?? '').split(/[;,\s]+/)) {
      const email = e.trim().toLowerCase();
      if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) add({ type: 'email', value: email });
    }
  }
  for (const f of ['telefone_celular', 'whatsapp', 'fone', 'telefone_comercial']) {
    const phone = normalisePhone(row[f] ?? '');
    if (phone !== null) add({ type: 'phone', value: phone });
  }
  return out;
}

/**
 * The notes staff must see: the customer's alert, then each live contract's alert. The customer's
 * general observations (`obs`) are history, not pending, and are left out.
 */
export function internalNotes(customer: IxcRow, contracts: IxcRow[]): string[] {
  const notes = [plainText(customer.alerta ?? '')];
  for (const c of contracts) {
    if (c.status === 'I' || c.status === 'D') continue;
    notes.push(plainText(c.alerta_contrato ?? ''));
  }
  return [...new Set(notes.filter((n) => n !== ''))];
}

const BLOCK_REASON: Record<string, string> = { CA: 'financial', FA: 'financial', CM: 'manual' };

/**
 * A contract as a Plan. status P pending, I inactive, D cancelled (desistiu); an active contract
 * reads its access status: CA (automatic block, for debt) and FA (financial arrears) are blocked
 * for "financial", CM for "manual"; AA (awaiting signature) is pending, D (disabled) inactive;
 * contrato_suspenso S is suspended. trust_unlock_available: false unless blocked for debt; then
 * false when the contract disables it, null otherwise (IXC's own rules decide, and it does not say).
 */
export function toPlan(contract: IxcRow, product: IxcRow | undefined, address: string): Plan {
  const internet = contract.status_internet ?? '';
  let status: Plan['status'];
  if (contract.status === 'P') status = 'pending';
  else if (contract.status === 'I') status = 'inactive';
  else if (contract.status === 'D') status = 'cancelled';
  else if (contract.contrato_suspenso === 'S') status = 'suspended';
  else if (BLOCK_REASON[internet] !== undefined) status = 'blocked';
  else if (internet === 'AA') status = 'pending';
  else if (internet === 'D') status = 'inactive';
  else status = 'active';
  const blocked = status === 'blocked';
  const reason = blocked ? BLOCK_REASON[internet]! : '';
  return {
    contract_id: contract.id ?? '',
    plan_code: contract.id_vd_contrato ?? '',
    plan_name: product?.nome || contract.contrato || '',
    status,
    blocked,
    block_reason: reason,
    value: formatMoney(cents(product?.valor_contrato)),
    installation_address: address,
    trust_unlock_available:
      reason !== 'financial' ? false : contract.desbloqueio_confianca === 'N' ? false : null,
  };
}

/** One line: "Rua X, 12 - Apto 3 - Bairro, Cidade/UF". */
export function addressLine(row: IxcRow, city: City | null): string {
  const street = [row.endereco, row.numero].filter(Boolean).join(', ');
  const place = city ? `${city.name}/${city.uf}` : '';
  return [street, row.complemento, row.bairro, place].filter((part) => part).join(' - ');
}

const MODELS: Record<string, Invoice['modelo']> = { '62': '62', '21': '21', '22': '22' };

/** A vd_saida (sale with a nota fiscal) as an Invoice; null when it is no telecom nota. */
export function toInvoice(sale: IxcRow): Invoice | null {
  const modelo = MODELS[sale.modelo_nf ?? ''];
  const issued = dateOrEmpty(sale.data_emissao);
  if (modelo === undefined || issued === '' || (sale.numero_nf ?? '') === '') return null;
  const key = (sale.nfe_chave ?? '').replace(/\D/g, '');
  return {
    id_nota: sale.id ?? '',
    numero: sale.numero_nf ?? '',
    serie: sale.serie ?? '',
    modelo,
    status: sale.status === 'C' ? 'cancelled' : 'authorized',
    valor: formatMoney(cents(sale.valor_total)),
    data_emissao: issued,
    chave_acesso: key.length === 44 ? key : '',
    url_nota_fiscal: '',
  };
}

/** The marker Ponte writes into a record so a retry after a lost answer finds it instead of writing again. */
export function marker(key: string): string {
  return `[ponte:${key}]`;
}

/** The first date "dd/mm/yyyy" in a message, as yyyy-mm-dd, or ''. */
export function dateInMessage(message: string): string {
  const m = /(\d{2})\/(\d{2})\/(\d{4})/.exec(message);
  if (!m) return '';
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  return isIsoDate(iso) ? iso : '';
}

export type TrustUnlockVerdict = 'unlocked' | 'refused' | 'not_found';

/**
 * What desbloqueio_confianca answered, whatever its release's shape: v1 object
 * {tipo, mensagem, codigo} (106 contract unknown, 107 already active, 109 not allowed), v2 list
 * [{type, message}], or plain text/HTML. Codes first, then the message's words.
 */
export function trustUnlockVerdict(value: unknown): { verdict: TrustUnlockVerdict; message: string } {
  const item: unknown = Array.isArray(value) ? value[0] : value;
  let kind = '';
  let message = '';
  let code = '';
  if (typeof item === 'string') message = plainText(item);
  else if (item !== null && typeof item === 'object') {
    const o = item as Record<string, unknown>;
    kind = scalar(o.type ?? o.tipo).toLowerCase();
    const text = o.message ?? o.mensagem ?? o.msg ?? '';
    message = plainText(typeof text === 'string' ? text : '');
    code = scalar(o.codigo ?? o.code);
  }
  if (code === '106' || /contrato\s+inexistente|n[ãa]o\s+encontrad/i.test(message))
    return { verdict: 'not_found', message };
  if (code === '107' || code === '109' || kind === 'error' || kind === 'erro')
    return { verdict: 'refused', message };
  if (kind === 'success' || kind === 'sucesso' || /com\s+sucesso/i.test(message))
    return { verdict: 'unlocked', message };
  return { verdict: 'refused', message };
}
