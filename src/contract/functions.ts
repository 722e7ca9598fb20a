// The function catalogue: everything HTTP validation, the OpenAPI document, /docs, the CLI and the
// contract tests need to know about each of the 21 functions of CONTRACT.md §4.
//
// Where CONTRACT.md is silent, the schemas choose as follows.
//
// Inputs
// - Ids and codes (order.id, boleto_id, product_code, due_date_code, contract_id, request_id, ...)
//   are strings; a non-negative JSON integer is also accepted and read as its decimal text, so
//   `123` and `"123"` are the same id. They are trimmed and must not be empty.
// - An optional field that is `null` or `""` (or blank) counts as absent.
// - Address: zip_code, street, number ("S/N" when there is none), neighborhood, city and state are
//   required; complement, ibge_code, reference, latitude and longitude are optional. zip_code
//   accepts "13010-111" and is normalised to 8 digits; state is upper-cased and must be one of
//   the 27 UFs; latitude/longitude accept a number or its decimal text and become numbers.
// - order.customer.person_type, when given, must match the document (F for a CPF, J for a CNPJ);
//   when absent it is derived from the document.
// - order.items[]: product_code is required; name and price are optional; quantity is an integer
//   of at least 1, default 1.
// - message (create_order*) is a required string that may be empty.
// - Money strings must use a dot decimal with at most 2 places ("129.9", "129.90"; no thousands
//   separators, no "R$"); every money input must be non-negative and transaction.amount positive.
// - E-mail addresses given as input must look like e-mail addresses; phones must be Brazilian
//   (DDD + 8-digit landline or 9-digit mobile starting with 9; "+55" and a trunk "0" are dropped).
// - transaction.method is optional; transaction.installments is an integer of at least 1.
// - update_customer: `null`/`""` leaves a field unchanged (clearing a field is not supported);
//   changes must hold at least one field, and an empty `address` is not a change.
// - create_ticket: contact_name, contact_phone, contract_id and request_id are optional; without
//   request_id the call is not idempotent.
//
// Outputs
// - Every output object is strict: a field the contract does not list is an error.
// - Ids in outputs (remote_id, fatura, contract_id, id_nota, code, codigo, ...) are non-empty
//   strings; create_lead's remote_id is also null when the ERP returns none.
// - Every money amount in an output is non-negative.
// - Documents in outputs are checked for their normalised form, not for their check digits (ERPs
//   hold legacy records); reseller taxvat may be "".
// - Bill: vencimento is a date; emissao is a date or ""; desconto (absent means "0.00") and
//   status are optional; valor_final must equal valor_inicial + juros + multa - desconto to the
//   cent; link_boleto is "" or an http(s) URL; linha_digitavel and pix_code are "" or pass their
//   check digits / CRC16. list_bills returns only bills whose status is absent or "open", ordered
//   by vencimento ascending. get_bill returns at most one bill.
// - Customer: data_registro is a date; aniversario a date or ""; cep_endereco 8 digits or "";
//   estado_endereco a UF or ""; telefone a normalised phone or ""; email is free text.
// - Contacts: an email value is a non-empty string, a phone value a normalised phone; no
//   (type, value) pair appears twice.
// - get_internal_pending: each note is a non-empty string.
// - list_due_dates: name is the day of month without a leading zero, "1" to "31".
// - Plan: a plan with status "blocked" has blocked: true; block_reason is "" when not blocked.
// - Invoice: numero and serie are strings; data_emissao is a date; valor is money.
// - settle_bill: when status is given, success is true exactly when status is "settled";
//   settlement_id is a non-empty string.
// - trust_unlock and create_ticket: protocol is "" when the ERP gives none.
// - base_64: standard base64 of a PDF file (it starts with "JVBER", the encoding of "%PDF-").
import type { z } from 'zod';
import { inputExamples, outputExamples } from './examples.js';
import { repairBills } from './repair.js';
import { inputSchemas, outputSchemas, type FunctionInput, type FunctionName } from './schemas.js';

export type FunctionGroup = 'sales' | 'billing' | 'customer' | 'service';

export interface FunctionSpec<N extends FunctionName = FunctionName> {
  name: N;
  /** The pt-BR name of the function on the platform's functions page. */
  pageName: string;
  group: FunctionGroup;
  /** English, one or two sentences, for the docs and the CLI. */
  description: string;
  /** English: when the platform calls it (what `ponte automations` and docs/platform.md show). */
  calledWhen: string;
  kind: 'read' | 'write';
  /** Catalogue lists that Ponte caches per tenant. */
  cacheable: boolean;
  /**
   * A write that must never be lost or doubled (settle_bill): it is stored before the ERP is
   * called and carried on by the settlement queue until the ERP confirms it.
   */
  durable: boolean;
  /**
   * A repair pass for answers that fail the output schema (bills: a linha digitável or Pix code
   * failing its check digits is removed with a warning); null for functions without one. Valid
   * answers, nearly all, are checked once and never repaired.
   */
  repairOutput: ((raw: unknown, warn: (message: string) => void) => unknown) | null;
  /**
   * The idempotency key of a call, from its parsed input; null when the call has none. Written as
   * a method type so that every `FunctionSpec<N>` is also a `FunctionSpec` (method parameters are
   * bivariant), which lets generic code iterate over the catalogue.
   */
  idempotencyKey: { key(input: FunctionInput<N>): string | null }['key'] | null;
  /** The request body. */
  input: (typeof inputSchemas)[N];
  /** The 200 body. */
  output: (typeof outputSchemas)[N];
  /** A valid request body, as a platform would send it. */
  example: z.input<(typeof inputSchemas)[N]>;
  /** A valid 200 body answering `example`. */
  exampleOutput: unknown;
}

type Described<N extends FunctionName> = Pick<
  FunctionSpec<N>,
  'pageName' | 'calledWhen' | 'group' | 'description' | 'kind' | 'cacheable' | 'idempotencyKey'
> &
  Partial<Pick<FunctionSpec<N>, 'durable' | 'repairOutput'>>;

function spec<N extends FunctionName>(name: N, described: Described<N>): FunctionSpec<N> {
  return {
    name,
    durable: false,
    repairOutput: null,
    ...described,
    input: inputSchemas[name],
    output: outputSchemas[name],
    example: inputExamples[name],
    exampleOutput: outputExamples[name],
  };
}

const read = { kind: 'read', cacheable: false, idempotencyKey: null } as const;
const catalogue = { kind: 'read', cacheable: true, idempotencyKey: null } as const;

export const functions: { readonly [N in FunctionName]: FunctionSpec<N> } = {
  create_order: spec('create_order', {
    calledWhen:
      'An order is placed (sales site, totem, chat) by someone who is not an ERP customer, or who is one while "Procedimento para Pedidos Migração" is "Criar Pedido/Prospecto" (or "Ignorar checagem de usuário na integração" is on).',
    pageName: 'Criação de pedido',
    group: 'sales',
    description:
      'Creates an order for someone who is not yet an ERP customer (a prospect, pre-contract or CRM negotiation, depending on the ERP). When the ERP cannot take it and the tenant allows, the order is opened as a ticket instead (is_issue: true).',
    kind: 'write',
    cacheable: false,
    idempotencyKey: (input) => input.order.id,
  }),
  create_order_existing_customer: spec('create_order_existing_customer', {
    calledWhen:
      'An order is placed by someone the platform found in the ERP, while "Procedimento para Pedidos Migração" is "Criar Chamado/Atendimento".',
    pageName: 'Criação de pedido para cliente já existente',
    group: 'sales',
    description:
      'Records an order from an existing ERP customer as a ticket (default), a new contract or a lead, as the tenant chooses.',
    kind: 'write',
    cacheable: false,
    idempotencyKey: (input) => input.order.id,
  }),
  create_lead: spec('create_lead', {
    calledWhen: 'A lead (someone interested who has not ordered yet) is created on the platform.',
    pageName: 'Criação de lead',
    group: 'sales',
    description: 'Creates a lead (an interested person) in the ERP or its CRM.',
    kind: 'write',
    cacheable: false,
    idempotencyKey: (input) => input.lead.id,
  }),
  list_resellers: spec('list_resellers', {
    calledWhen: 'The platform loads the resellers an order can name (order form, admin).',
    pageName: 'Listar revendedores',
    group: 'sales',
    description: 'Lists the resellers and salespeople an order can name.',
    ...catalogue,
  }),
  list_products: spec('list_products', {
    calledWhen:
      'The platform loads the ERP\'s products, to map its own products to ("Produto ERP") and to offer on the order form.',
    pageName: 'Listar produtos',
    group: 'sales',
    description:
      'Lists the products (plans) an order can hold, with the monthly price when the ERP gives it.',
    ...catalogue,
  }),
  list_due_dates: spec('list_due_dates', {
    calledWhen: 'The order form shows the due days a new customer can choose.',
    pageName: 'Listar datas de vencimento',
    group: 'sales',
    description: 'Lists the due days of month a new customer can choose.',
    ...catalogue,
  }),
  list_commercial_origins: spec('list_commercial_origins', {
    calledWhen: 'The order form asks how the customer found the ISP.',
    pageName: 'Listar origens comerciais',
    group: 'sales',
    description:
      'Lists how a customer may have found the ISP (commercial origins), from the ERP or the tenant settings.',
    ...catalogue,
  }),
  list_bills: spec('list_bills', {
    calledWhen: 'A customer asks for their open bills (app, totem, chat: "segunda via").',
    pageName: 'Listar faturas / Listagem de boletos',
    group: 'billing',
    description:
      "Lists the customer's open bills, overdue ones included, oldest due date first, with amounts due today.",
    ...read,
    repairOutput: repairBills,
  }),
  get_bill: spec('get_bill', {
    calledWhen:
      'The totem looks up one bill by its id (typed or scanned) for the customer who identified themselves.',
    pageName: 'Pegar uma fatura pelo ID (totem)',
    group: 'billing',
    description:
      'Returns one bill by id, as a list of zero or one, only when it belongs to the given customer; paid and cancelled bills included.',
    ...read,
    repairOutput: repairBills,
  }),
  get_boleto_pdf: spec('get_boleto_pdf', {
    calledWhen: "A bill's link_boleto is empty and the customer wants its PDF (download, e-mail, chat).",
    pageName: 'Pegar pdf de um boleto',
    group: 'billing',
    description:
      "Returns a boleto's PDF, base64-encoded: the ERP's own, or one Ponte renders from the bill when the ERP has none.",
    ...read,
  }),
  settle_bill: spec('settle_bill', {
    calledWhen: 'The platform received a payment for a bill (Pix, card, TEF) and posts the baixa to the ERP.',
    pageName: 'Baixa de boleto',
    group: 'billing',
    description:
      'Records a payment the platform received against a bill in the ERP, exactly once per transaction.id; when the ERP is unreachable the settlement is queued and retried.',
    kind: 'write',
    cacheable: false,
    durable: true,
    idempotencyKey: (input) => input.transaction.id,
  }),
  get_customer: spec('get_customer', {
    calledWhen:
      'The platform identifies a customer by CPF/CNPJ (app login, totem, chat) and shows their data.',
    pageName: 'Informações do cliente',
    group: 'customer',
    description: "Returns the customer's registration data from the ERP.",
    ...read,
  }),
  get_customer_contacts: spec('get_customer_contacts', {
    calledWhen:
      "The platform needs the customer's e-mail addresses and phones (to send a code, confirm identity, notify).",
    pageName: 'Pegar contatos do cliente',
    group: 'customer',
    description: "Lists the customer's e-mail addresses and phones, deduplicated.",
    ...read,
  }),
  get_internal_pending: spec('get_internal_pending', {
    calledWhen:
      'Before serving a customer, the platform evaluates the internal notes and alerts on their ERP record.',
    pageName: 'Pegar texto para avaliar pendência interna',
    group: 'customer',
    description:
      "Lists the internal notes and alerts on the customer's ERP record, for the platform to evaluate.",
    ...read,
  }),
  update_customer: spec('update_customer', {
    calledWhen: 'The customer changes their e-mail, phones or address ("Editar dados do cliente").',
    pageName: 'Editar dados do cliente',
    group: 'customer',
    description:
      "Changes the customer's e-mail, phones or address in the ERP; every other field stays as it was.",
    kind: 'write',
    cacheable: false,
    idempotencyKey: null,
  }),
  list_plans: spec('list_plans', {
    calledWhen: 'The customer asks for their contracts (plans).',
    pageName: 'Listar planos do cliente',
    group: 'service',
    description: "Lists the customer's contracts (plans) with their status and block state.",
    ...read,
  }),
  list_blocked_plans: spec('list_blocked_plans', {
    calledWhen: 'The platform checks for blocked contracts, e.g. before offering a trust unlock.',
    pageName: 'Listar planos bloqueados do cliente',
    group: 'service',
    description: "Lists the customer's blocked contracts only.",
    ...read,
  }),
  trust_unlock: spec('trust_unlock', {
    calledWhen:
      'A customer with a contract blocked for debt asks for a trust unlock ("desbloqueio de confiança").',
    pageName: 'Desbloqueio de confiança',
    group: 'service',
    description:
      "Asks the ERP to release a blocked contract on trust, for the days its rules allow; refusals are success: false with the ERP's message.",
    kind: 'write',
    cacheable: false,
    idempotencyKey: null,
  }),
  create_ticket: spec('create_ticket', {
    calledWhen: 'A customer opens a support request ("chamado") in the app or the chat.',
    pageName: 'Criação de chamado',
    group: 'service',
    description:
      'Opens a support ticket (atendimento/chamado) for the customer; the same request_id never opens two.',
    kind: 'write',
    cacheable: false,
    idempotencyKey: (input) => input.request_id ?? null,
  }),
  list_invoices: spec('list_invoices', {
    calledWhen: 'The customer asks for their notas fiscais.',
    pageName: 'Listagem de nota fiscal',
    group: 'service',
    description: "Lists the customer's tax documents (notas fiscais: NFCom, models 21/22, NFS-e).",
    ...read,
  }),
  get_invoice_pdf: spec('get_invoice_pdf', {
    calledWhen: 'The customer wants one nota fiscal as a PDF.',
    pageName: 'PDF da nota fiscal',
    group: 'service',
    description: "Returns a tax document's PDF, base64-encoded, when it belongs to the given customer.",
    ...read,
  }),
};

export const functionNames = Object.keys(inputSchemas) as readonly FunctionName[];

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(inputSchemas, name);
}

/** The idempotency key of a call to `name`, from its parsed input; null when the call has none. */
export function idempotencyKeyOf<N extends FunctionName>(name: N, input: FunctionInput<N>): string | null {
  const key = functions[name].idempotencyKey;
  return key === null ? null : key(input);
}
