// Pure translations between Hubsoft's records and the contract's objects. No I/O here: every
// function takes what Hubsoft answered (or what the platform sent) and returns plain values.
import { addDays, isIsoDate } from '../../brasil/dates.js';
import { parseDocument } from '../../brasil/document.js';
import { computeLateFees, type InterestStart } from '../../brasil/late-fees.js';
import { formatMoney, parseMoney } from '../../brasil/money.js';
import { PonteError, normalisePhone, UFS } from '../../contract/index.js';
import type {
  Bill,
  Contact,
  Customer,
  FunctionOutput,
  Invoice,
  Lead,
  Order,
  Plan,
  Transaction,
} from '../../contract/index.js';
import type { HubsoftSettings } from './settings.js';
import type {
  HubsoftAddress,
  HubsoftBill,
  HubsoftBillingForm,
  HubsoftCustomer,
  HubsoftNfse,
  HubsoftService,
  HubsoftTelecomNote,
  Loose,
} from './types.js';

// ---------------------------------------------------------------- values

/** "success", Hubsoft's "suscess" typo, or "error"; null for anything else. */
export function envelopeStatus(value: unknown): 'success' | 'error' | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  if (v === 'success' || v === 'suscess' || v === 'sucess') return 'success';
  return v === 'error' ? 'error' : null;
}

/** A string or number as trimmed text; '' for anything else. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

const BR_DATE = /^(\d{2})\/(\d{2})\/(\d{4})(?:\s.*)?$/;
const ISO_PREFIX = /^(\d{4}-\d{2}-\d{2})(?:[\sT].*)?$/;

/** A date in any of Hubsoft's forms (YYYY-MM-DD, YYYY-MM-DD HH:MM:SS, DD/MM/YYYY, DD/MM/YYYY HH:MM). */
export function toIsoDate(value: Loose): string | null {
  const raw = text(value);
  const br = BR_DATE.exec(raw);
  const iso = br ? `${br[3]}-${br[2]}-${br[1]}` : ISO_PREFIX.exec(raw)?.[1];
  return iso !== undefined && isIsoDate(iso) ? iso : null;
}

/**
 * A birth date, or '' when unknown. Hubsoft prints an unknown one as the epoch seen from Brazil
 * (1969-12-31, or 1970-01-01), which no customer of an ISP was born on.
 */
export function birthDate(value: Loose): string {
  const iso = toIsoDate(value);
  return iso === null || iso === '1969-12-31' || iso === '1970-01-01' ? '' : iso;
}

/** Money as Hubsoft sends it (the number 54.95 or the string "28.27"), in cents; null when unreadable. */
export function toCents(value: Loose): number | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  const parsed = parseMoney(value);
  return parsed.ok ? parsed.cents : null;
}

/** A CPF/CNPJ as the contract writes it; unreadable legacy values keep their digits and letters. */
export function normaliseDocument(value: Loose): string {
  const raw = text(value);
  const parsed = parseDocument(raw);
  return parsed.ok ? parsed.value : raw.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

function digitsOnly(value: Loose): string {
  return text(value).replace(/\D/g, '');
}

function isHttpUrl(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value);
}

function badAnswer(message: string): PonteError {
  return new PonteError('ERP_BAD_RESPONSE', `Hubsoft answered ${message}`);
}

// ---------------------------------------------------------------- bills

export interface LateFeeRule {
  fineBasisPoints: number;
  monthlyInterestBasisPoints: number;
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

/** A percentage (2, "0.033") times `factor`, in whole basis points; null when unreadable or over 100 %. */
function basisPoints(percent: Loose, factor: number): number | null {
  const raw = text(percent);
  if (!/^\d{1,3}(?:\.\d{1,6})?$/.test(raw)) return null;
  // A rate, not money: rounding its product to a whole basis point is the precision fees use.
  const bp = Math.round(Number(raw) * 100 * factor);
  return bp <= 10_000 ? bp : null;
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

function billHistory(bill: HubsoftBill): string {
  const charges = (bill.cobrancas ?? []).map((c) => text(c.descricao)).filter((d) => d !== '');
  if (charges.length > 0) return charges.join('; ');
  return text(bill.servico?.descricao);
}

/** A fatura of financeiro/fatura as the contract's Bill, valued for `ctx.today`. */
export function toBill(bill: HubsoftBill, ctx: BillContext): Bill {
  const id = text(bill.id_fatura);
  const amount = toCents(bill.valor);
  const due = toIsoDate(bill.data_vencimento);
  if (id === '' || amount === null || due === null) {
    throw badAnswer(`a fatura without a readable id, valor or data_vencimento (fatura ${id || '?'})`);
  }
  const paidOn = toIsoDate(bill.data_pagamento);
  let interest = 0;
  let fine = 0;
  let discount = 0;
  let total = amount;
  if (paidOn !== null) {
    total = toCents(bill.valor_pago) ?? amount;
    if (total >= amount) interest = total - amount;
    else discount = amount - total;
  } else if (ctx.today > due) {
    const rule = lateFeeRule(bill.forma_cobranca, ctx.fallback);
    const fees = computeLateFees({
      amountCents: amount,
      dueDate: due,
      paymentDate: ctx.today,
      fineBasisPoints: rule.fineBasisPoints,
      monthlyInterestBasisPoints: rule.monthlyInterestBasisPoints,
      interestFrom: ctx.interestFrom,
      consumer: text(bill.cliente?.tipo_pessoa) !== 'pj',
    });
    interest = fees.interestCents;
    fine = fees.fineCents;
    total = fees.totalCents;
  }
  const link = text(bill.link);
  const line = digitsOnly(bill.linha_digitavel) || digitsOnly(bill.codigo_barras);
  return {
    document_number: normaliseDocument(bill.cliente?.cpf_cnpj),
    fatura: id,
    nome_cliente: text(bill.cliente?.nome_razaosocial),
    valor_inicial: formatMoney(amount),
    valor_final: formatMoney(total),
    juros: formatMoney(interest),
    multa: formatMoney(fine),
    emissao: toIsoDate(bill.data_cadastro) ?? '',
    vencimento: due,
    historico: billHistory(bill),
    link_boleto: isHttpUrl(link) ? link : '',
    linha_digitavel: line,
    code_fatura: text(bill.nosso_numero),
    identifier: '',
    remote_id: billRef(bill),
    pix_code: text(bill.pix_copia_e_cola),
    desconto: formatMoney(discount),
    status: paidOn === null ? 'open' : 'paid',
  };
}

/** Oldest due date first, then by fatura id. */
export function byDueDate(a: Bill, b: Bill): number {
  return a.vencimento.localeCompare(b.vencimento) || Number(a.fatura) - Number(b.fatura);
}

// ---------------------------------------------------------------- settlement

const METHOD_OF: Record<NonNullable<Transaction['method']>, keyof HubsoftSettings['meios_pagamento']> = {
  pix: 'pix',
  credit_card: 'credit_card',
  debit_card: 'debit_card',
  tef: 'tef',
  cash: 'cash',
  boleto: 'boleto',
};

/** The body of financeiro/fatura/liquidar for a payment of `tx` against a fatura of `billCents`. */
export function settlementBody(
  tx: Transaction,
  billId: string,
  billCents: number,
  cashAccountId: number,
  methods: HubsoftSettings['meios_pagamento'],
  paidOn: string,
): Record<string, unknown> {
  const extra = tx.amount - billCents;
  return {
    id_fatura: Number(billId),
    id_caixa_financeiro: cashAccountId,
    data_pagamento: paidOn,
    valor_pago: tx.amount / 100,
    meio_pagamento: methods[METHOD_OF[tx.method ?? 'pix']],
    ...(extra > 0 ? { juros: extra / 100 } : {}),
    ...(tx.fee === undefined ? {} : { tarifa: tx.fee / 100 }),
  };
}

type Settlement = FunctionOutput<'settle_bill'>;

/** What Hubsoft's answer to liquidar means for the platform. */
export function settlementOutcome(
  ok: boolean,
  message: string,
  body: Record<string, unknown>,
  raw: string,
): Settlement {
  if (ok) {
    const receipt = body.recibo as { id_recibo?: Loose } | undefined;
    const id = text(receipt?.id_recibo);
    return {
      success: true,
      status: 'settled',
      api_response: raw,
      ...(id === '' ? {} : { settlement_id: id }),
    };
  }
  const paidBefore = /j[áa]\s+encontra-se\s+quitada/i.test(message);
  return { success: false, status: paidBefore ? 'already_settled' : 'rejected', api_response: raw };
}

// ---------------------------------------------------------------- customer

function street(address: HubsoftAddress | null | undefined): string {
  const kind = text(address?.logradouro);
  const name = text(address?.endereco);
  return kind !== '' && !name.toUpperCase().startsWith(kind.toUpperCase()) ? `${kind} ${name}`.trim() : name;
}

function mainAddress(customer: HubsoftCustomer): HubsoftAddress | null {
  const service = (customer.servicos ?? [])[0];
  return service?.endereco_cadastral ?? service?.endereco_instalacao ?? null;
}

function isLive(service: HubsoftService): boolean {
  const status = text(service.status_prefixo);
  return status !== 'cancelado' && status !== 'inativo';
}

export function toCustomer(customer: HubsoftCustomer): Customer {
  const registered = toIsoDate(customer.data_cadastro);
  const id = text(customer.id_cliente);
  if (registered === null || id === '')
    throw badAnswer('a cliente without a readable id_cliente or data_cadastro');
  const address = mainAddress(customer);
  const cep = digitsOnly(address?.cep);
  const uf = text(address?.estado).toUpperCase();
  const services = customer.servicos ?? [];
  return {
    nome_completo: text(customer.nome_razaosocial),
    aniversario: birthDate(customer.data_nascmento ?? customer.data_nascimento),
    data_registro: registered,
    ativo: typeof customer.ativo === 'boolean' ? customer.ativo : services.some(isLive),
    id_remoto: id,
    rua_endereco: street(address),
    numero_endereco: text(address?.numero),
    cep_endereco: cep.length === 8 ? cep : '',
    cidade_endereco: text(address?.cidade),
    complemento_endereco: text(address?.complemento),
    bairro_endereco: text(address?.bairro),
    estado_endereco: (UFS as readonly string[]).includes(uf) ? (uf as Customer['estado_endereco']) : '',
    email: text(customer.email_principal),
    telefone: normalisePhone(text(customer.telefone_primario)) ?? '',
  };
}

/** E-mails (lower-cased) then phones (normalised), each once; unusable values dropped. */
export function toContacts(customer: HubsoftCustomer): Contact[] {
  const seen = new Set<string>();
  const out: Contact[] = [];
  const add = (contact: Contact) => {
    const key = `${contact.type}:${contact.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(contact);
  };
  for (const email of [customer.email_principal, customer.email_secundario]) {
    const value = text(email).toLowerCase();
    if (value.includes('@')) add({ type: 'email', value });
  }
  for (const phone of [
    customer.telefone_primario,
    customer.telefone_secundario,
    customer.telefone_terciario,
  ]) {
    const value = normalisePhone(text(phone));
    if (value !== null) add({ type: 'phone', value });
  }
  return out;
}

/** The customer's alerts (alerta_mensagens), the internal notes Hubsoft exposes to integrations. */
export function internalNotes(customer: HubsoftCustomer): string[] {
  const messages = Array.isArray(customer.alerta_mensagens) ? (customer.alerta_mensagens as unknown[]) : [];
  return messages.map((m) => text(m)).filter((m) => m !== '');
}

// ---------------------------------------------------------------- plans

/** What a service's status_prefixo means in the contract. */
export function planState(prefix: string): Pick<Plan, 'status' | 'blocked' | 'block_reason'> {
  switch (prefix) {
    case 'servico_habilitado':
    case 'franquia_excedida':
      return { status: 'active', blocked: false, block_reason: '' };
    case 'suspenso_debito':
    case 'suspenso_parcialmente':
      return { status: 'blocked', blocked: true, block_reason: 'financial' };
    case 'suspenso_pedido_cliente':
      return { status: 'suspended', blocked: false, block_reason: '' };
    case 'cancelado':
      return { status: 'cancelled', blocked: false, block_reason: '' };
    case 'inativo':
      return { status: 'inactive', blocked: false, block_reason: '' };
    default:
      // aguardando_instalacao, agendado_para_instalacao, aguardando_assinatura_contrato, ...
      return { status: 'pending', blocked: false, block_reason: '' };
  }
}

function oneLine(address: HubsoftAddress | null | undefined): string {
  const full = text(address?.completo);
  if (full !== '') return full;
  return [
    street(address),
    text(address?.numero),
    text(address?.bairro),
    text(address?.cidade),
    text(address?.estado),
  ]
    .filter((p) => p !== '')
    .join(', ');
}

export function toPlan(service: HubsoftService): Plan {
  const id = text(service.id_cliente_servico);
  if (id === '') throw badAnswer('a serviço without id_cliente_servico');
  const name = text(service.nome);
  return {
    contract_id: id,
    // The cliente route names a service's plan but gives no id for it.
    plan_code: name,
    plan_name: name,
    ...planState(text(service.status_prefixo)),
    value: formatMoney(toCents(service.valor) ?? 0),
    installation_address: oneLine(service.endereco_instalacao ?? service.endereco_cadastral),
    trust_unlock_available: null,
  };
}

/** The date in "Desbloqueio em confiança realizado com sucesso até a data 26/11/2018", or ''. */
export function unlockedUntil(message: string): string {
  const m = /at[ée]\s+(?:a\s+data\s+)?(\d{2}\/\d{2}\/\d{4})/i.exec(message);
  return m ? (toIsoDate(m[1]) ?? '') : '';
}

// ---------------------------------------------------------------- notas fiscais

export interface HubsoftInvoice {
  invoice: Invoice;
  /** Where Hubsoft serves its PDF; '' when it gives none. */
  pdfUrl: string;
}

const MODELS = new Set(['21', '22', '62']);

export function fromTelecomNote(note: HubsoftTelecomNote): HubsoftInvoice | null {
  const id = text(note.id_nota_fiscal);
  const model = text(note.tipo_documento_fiscal?.codigo);
  const issued = toIsoDate(note.data_emissao_br);
  const value = toCents(note.valor);
  if (id === '' || !MODELS.has(model) || issued === null || value === null) return null;
  const link = text(note.link);
  const url = isHttpUrl(link) ? link : '';
  return {
    invoice: {
      id_nota: `nf-${id}`,
      numero: text(note.numero_nota),
      serie: text(note.serie_nota),
      modelo: model as Invoice['modelo'],
      status: note.cancelado === true ? 'cancelled' : 'authorized',
      valor: formatMoney(value),
      data_emissao: issued,
      chave_acesso: '',
      url_nota_fiscal: url,
    },
    pdfUrl: url,
  };
}

export function fromNfse(note: HubsoftNfse): HubsoftInvoice | null {
  const id = text(note.id_nfse);
  const status = text(note.status);
  const issued = toIsoDate(note.data_emissao) ?? toIsoDate(note.data_cadastro);
  const value = toCents(note.valor);
  if (id === '' || (status !== 'autorizado' && status !== 'cancelado') || issued === null || value === null)
    return null;
  const link = text(note.link_pdf);
  const url = isHttpUrl(link) ? link : '';
  return {
    invoice: {
      id_nota: `nfse-${id}`,
      numero: text(note.numero),
      serie: text(note.serie),
      modelo: 'NFS-e',
      status: status === 'cancelado' ? 'cancelled' : 'authorized',
      valor: formatMoney(value),
      data_emissao: issued,
      chave_acesso: '',
      url_nota_fiscal: url,
    },
    pdfUrl: url,
  };
}

/** The notas of one cliente/nota_fiscal answer (NF-e model 55, goods sales, are not the contract's). */
export function invoicesOf(body: Record<string, unknown>): HubsoftInvoice[] {
  const telecom = Array.isArray(body.notas_fiscais) ? (body.notas_fiscais as HubsoftTelecomNote[]) : [];
  const nfses = Array.isArray(body.nfses) ? (body.nfses as HubsoftNfse[]) : [];
  return [...telecom.map(fromTelecomNote), ...nfses.map(fromNfse)].filter(
    (n): n is HubsoftInvoice => n !== null,
  );
}

/** Date windows of at most 60 days (Hubsoft's limit per request), newest first, covering `days`. */
export function invoiceWindows(today: string, days: number): { data_inicio: string; data_fim: string }[] {
  const windows: { data_inicio: string; data_fim: string }[] = [];
  for (let end = 0; end < days; end += 61) {
    const start = Math.min(end + 60, days);
    windows.push({ data_inicio: addDays(today, -start), data_fim: addDays(today, -end) });
  }
  return windows;
}

// ---------------------------------------------------------------- sales

/** A code from list_* as the numeric id Hubsoft wants; INVALID_INPUT naming the field otherwise. */
export function hubsoftId(code: string | undefined, path: string): number | undefined {
  if (code === undefined) return undefined;
  if (!/^\d{1,15}$/.test(code)) {
    throw new PonteError(
      'INVALID_INPUT',
      `${path} must be a Hubsoft id, as the matching list_* function answers it`,
      {
        details: [{ path, message: 'expected a numeric Hubsoft id' }],
      },
    );
  }
  return Number(code);
}

const personType = (document: string | undefined) =>
  document !== undefined && document.length === 14 ? 'pj' : 'pf';

export function prospectFromOrder(
  order: Order,
  message: string,
  service: { id: number; valorCents: number },
  extra: { id_crm?: number } = {},
): Record<string, unknown> {
  const place = order.installation_address ?? order.address;
  const c = order.customer;
  const notes = [message, order.notes ?? ''].filter((n) => n.trim() !== '').join('\n');
  return {
    cep: place.zip_code,
    servico: { id_servico: service.id, valor: service.valorCents / 100 },
    nome_razaosocial: c.name,
    cpf_cnpj: c.document_number,
    tipo_pessoa: c.person_type === 'J' ? 'pj' : 'pf',
    telefone: c.phone,
    ...(c.phone_secondary === undefined ? {} : { telefone_secundario: c.phone_secondary }),
    ...(c.email === undefined ? {} : { email: c.email }),
    ...(c.rg === undefined ? {} : { rg: c.rg }),
    ...(c.birth_date === undefined ? {} : { data_nascimento: c.birth_date }),
    endereco: place.street,
    numero: place.number,
    bairro: place.neighborhood,
    ...(place.complement === undefined ? {} : { complemento: place.complement }),
    ...(place.reference === undefined ? {} : { referencia: place.reference }),
    ...(place.latitude === undefined ? {} : { latitude: place.latitude }),
    ...(place.longitude === undefined ? {} : { longitude: place.longitude }),
    id_vencimento: hubsoftId(order.due_date_code, 'order.due_date_code'),
    id_vendedor: hubsoftId(order.reseller_code, 'order.reseller_code'),
    id_origem_cliente: hubsoftId(order.commercial_origin_code, 'order.commercial_origin_code'),
    ...(extra.id_crm === undefined ? {} : { id_crm: extra.id_crm }),
    ...(notes === '' ? {} : { observacao: notes }),
    id_externo: order.id,
  };
}

/** Leads rarely carry a full address, which Hubsoft's prospect requires by default. */
const UNKNOWN_TEXT = 'NÃO INFORMADO';
const NO_NUMBER = 'S/N';

export function prospectFromLead(
  lead: Lead,
  service: { id: number; valorCents: number } | null,
  settings: Pick<HubsoftSettings, 'lead_crm_id' | 'sales_zip_code'>,
): Record<string, unknown> {
  const a = lead.address ?? {};
  const cep = a.zip_code ?? settings.sales_zip_code;
  return {
    ...(cep === undefined ? {} : { cep }),
    ...(service === null ? {} : { servico: { id_servico: service.id, valor: service.valorCents / 100 } }),
    nome_razaosocial: lead.name,
    ...(lead.document_number === undefined ? {} : { cpf_cnpj: lead.document_number }),
    tipo_pessoa: personType(lead.document_number),
    ...(lead.phone === undefined ? {} : { telefone: lead.phone }),
    ...(lead.email === undefined ? {} : { email: lead.email }),
    endereco: a.street ?? UNKNOWN_TEXT,
    numero: a.number ?? NO_NUMBER,
    bairro: a.neighborhood ?? UNKNOWN_TEXT,
    ...(a.complement === undefined ? {} : { complemento: a.complement }),
    ...(a.reference === undefined ? {} : { referencia: a.reference }),
    ...(a.latitude === undefined ? {} : { latitude: a.latitude }),
    ...(a.longitude === undefined ? {} : { longitude: a.longitude }),
    id_vendedor: hubsoftId(lead.reseller_code, 'lead.reseller_code'),
    id_origem_cliente: hubsoftId(lead.commercial_origin_code, 'lead.commercial_origin_code'),
    ...(settings.lead_crm_id === undefined ? {} : { id_crm: settings.lead_crm_id }),
    ...(lead.notes === undefined ? {} : { observacao: lead.notes }),
    id_externo: lead.id,
  };
}

/** A one-line summary of an order, for the atendimento that carries it. */
export function orderSummary(order: Order, message: string): string {
  const items = order.items
    .map(
      (i) =>
        `${i.quantity}x ${i.name ?? i.product_code}${i.price === undefined ? '' : ` (R$ ${formatMoney(i.price)})`}`,
    )
    .join(', ');
  const parts = [
    message.trim(),
    `Pedido ${order.id}: ${items}; vencimento ${order.due_date_code}.`,
    order.notes ?? '',
  ];
  return parts.filter((p) => p !== '').join('\n');
}

/** A vencimento's day of month ("1" to "31"); null for "ultimo_dia" and anything unreadable. */
export function dueDayName(value: Loose): string | null {
  const day = typeof value === 'number' ? value : /^\d{1,2}$/.test(text(value)) ? Number(text(value)) : NaN;
  return Number.isInteger(day) && day >= 1 && day <= 31 ? String(day) : null;
}
