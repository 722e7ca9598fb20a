// Orders and leads into SGP. Two paths:
// - pre-registration, POST /api/precadastro/F|J (form): needs no ids and lands in SGP's
//   pre-registration queue (or, with precadastro_ativar=1, becomes a customer and contract at
//   once); it answers only `{"message": ...}`, no id;
// - CRM, POST /api/crm/cliente/F|J (JSON) then POST /api/crm/cliente/{id}/contratos (JSON): answers
//   cliente_id and clientecontrato; needs pop_id, portador_id, vencimento_dia, forma_cobranca_codigo.
// Codes of the order are checked against SGP's lists first (INVALID_INPUT naming the field).
import { randomBytes } from 'node:crypto';
import { formatMoney } from '../../brasil/money.js';
import { PonteError } from '../../contract/index.js';
import type { Order } from '../../contract/objects.js';
import { badResponse, text } from '../kit/index.js';
import type { CallContext } from '../kit/index.js';
import { dueDays, plans, sellers } from './catalogue.js';
import { ERP_NAME } from './client.js';
import type { Fields, SgpConnection } from './client.js';
import type { SgpIdSetting } from './settings.js';

/** forma_cobranca_codigo per payment method: 1 Boleto, 2 Débito Automático, 4 Cobrança Recorrente, 6 PIX. */
const FORMA_COBRANCA: Readonly<Record<string, number>> = {
  boleto: 1,
  debit_account: 2,
  credit_card: 4,
  pix: 6,
};

export function requireSetting(conn: SgpConnection, name: SgpIdSetting, fn: string): string {
  const value = conn.settings[name];
  if (value === undefined) {
    throw new PonteError(
      'NOT_SUPPORTED',
      `${fn} on SGP needs the tenant setting ${name}: run \`ponte check <tenant>\` to list the values found in SGP`,
      { details: { setting: name } },
    );
  }
  return value;
}

export interface CheckedCodes {
  planId: string;
  dueDateId: string;
  dueDay: number;
  sellerId: string | undefined;
}

/** The order's plan, due date and seller, checked against SGP's lists. */
export async function checkCodes(
  conn: SgpConnection,
  order: Order,
  call: CallContext,
): Promise<CheckedCodes> {
  const [planList, dayList, sellerList] = await Promise.all([
    plans(conn, call),
    dueDays(conn, call),
    order.reseller_code === undefined ? Promise.resolve(null) : sellers(conn, call),
  ]);
  const problems: { path: string; message: string }[] = [];
  const planId = order.items[0]!.product_code;
  if (!planList.some((p) => p.id === planId))
    problems.push({ path: 'order.items.0.product_code', message: `SGP has no plan ${planId}` });
  const day = dayList.find((d) => d.id === order.due_date_code);
  if (day === undefined)
    problems.push({ path: 'order.due_date_code', message: `SGP has no vencimento ${order.due_date_code}` });
  if (sellerList !== null && !sellerList.some((s) => s.id === order.reseller_code))
    problems.push({ path: 'order.reseller_code', message: `SGP has no vendedor ${order.reseller_code}` });
  if (problems.length > 0) {
    throw new PonteError('INVALID_INPUT', 'the order names codes SGP does not have', { details: problems });
  }
  return {
    planId,
    dueDateId: day!.id,
    dueDay: day!.day!,
    sellerId: order.reseller_code ?? conn.settings.vendedor_id,
  };
}

/** "(42) 99876-5432". */
function maskedPhone(phone: string): string {
  const rest = phone.slice(2);
  return `(${phone.slice(0, 2)}) ${rest.slice(0, rest.length - 4)}-${rest.slice(-4)}`;
}

function cep(zip: string): string {
  return `${zip.slice(0, 5)}-${zip.slice(5)}`;
}

/** The observacao of an order: the platform's message, the order's notes and its id. */
export function orderNotes(order: Order, message: string): string {
  return [message, order.notes, `Pedido ${order.id} (Ponte)`]
    .filter((p) => p !== undefined && p !== '')
    .join('\n');
}

/** The pre-registration form of an order (one plan: the first item's). */
export function precadastroFields(
  conn: SgpConnection,
  order: Order,
  codes: CheckedCodes,
  message: string,
  activate: boolean,
): Fields {
  const c = order.customer;
  const a = order.installation_address ?? order.address;
  return {
    nome: c.name,
    cpfcnpj: c.document_number,
    ...(c.birth_date === undefined ? {} : { datanasc: c.birth_date }),
    ...(c.rg === undefined ? {} : { rg: c.rg }),
    ...(c.trade_name === undefined ? {} : { nomefantasia: c.trade_name }),
    ...(c.email === undefined ? {} : { email: c.email }),
    celular: maskedPhone(c.phone),
    logradouro: a.street,
    numero: a.number,
    complemento: a.complement,
    bairro: a.neighborhood,
    cidade: a.city,
    uf: a.state,
    cep: cep(a.zip_code),
    pontoreferencia: a.reference,
    ...(a.latitude === undefined || a.longitude === undefined
      ? {}
      : { map_ll: `${a.latitude},${a.longitude}` }),
    plano_id: codes.planId,
    vencimento_id: codes.dueDateId,
    vendedor_id: codes.sellerId,
    midia_id: order.commercial_origin_code,
    pop_id: conn.settings.pop_id,
    portador_id: conn.settings.portador_id,
    ...(order.installation_fee === undefined
      ? {}
      : { instalacao_preco: formatMoney(order.installation_fee) }),
    observacao: orderNotes(order, message),
    ...(activate ? { precadastro_ativar: 1 } : {}),
  };
}

/** Files a pre-registration; SGP's message (it gives no id). */
export async function postPrecadastro(
  conn: SgpConnection,
  kind: 'F' | 'J',
  fields: Fields,
  call: CallContext,
): Promise<string> {
  const answer = await conn.client.post(`/api/precadastro/${kind}`, fields, call, { read: false });
  return text((answer.body as { message?: unknown } | null)?.message) || answer.raw;
}

/** The CRM contract of an order for the customer `clienteId` (or, with `byDocument`, by CPF/CNPJ). */
export async function postCrmContract(
  conn: SgpConnection,
  target: { clienteId: string } | { document: string },
  order: Order,
  codes: CheckedCodes,
  message: string,
  call: CallContext,
): Promise<{ id: string; message: string }> {
  const fn = 'create_order';
  const path =
    'clienteId' in target
      ? `/api/crm/cliente/${target.clienteId}/contratos`
      : `/api/crm/cliente/contratos/?cpfcnpj=${target.document}`;
  const answer = await conn.client.post(
    path,
    {
      pop_id: Number(requireSetting(conn, 'pop_id', fn)),
      plano_id: Number(codes.planId),
      vencimento_dia: codes.dueDay,
      forma_cobranca_codigo: FORMA_COBRANCA[order.payment_method ?? 'boleto'] ?? 1,
      portador_id: Number(requireSetting(conn, 'portador_id', fn)),
      ...(codes.sellerId === undefined ? {} : { vendedor_id: Number(codes.sellerId) }),
      ...(order.commercial_origin_code === undefined
        ? {}
        : { midia_id: Number(order.commercial_origin_code) }),
      // PPPoE credentials are required for internet: SGP's technicians replace them at installation.
      login: `ponte${order.customer.document_number.slice(-6)}${randomBytes(2).toString('hex')}`,
      senha: randomBytes(6).toString('base64url'),
      modoaquisicao: 2,
      ...(order.customer.email === undefined ? {} : { email: order.customer.email }),
      observacao: orderNotes(order, message),
    },
    call,
    { read: false, json: true },
  );
  const body = (answer.body ?? {}) as { clientecontrato?: unknown; message?: unknown };
  const id = text(body.clientecontrato);
  if (id === '')
    throw badResponse(ERP_NAME, 'a CRM contract without clientecontrato', answer.status, answer.raw);
  return { id, message: text(body.message) };
}

/** The CRM customer of the order's document: the existing one, or a new one. */
export async function crmCustomer(conn: SgpConnection, order: Order, call: CallContext): Promise<string> {
  const c = order.customer;
  const found = await conn.client.get('/api/crm/cliente/', { cpfcnpj: c.document_number }, call, {
    read: true,
    formBody: true,
    accept: [404],
  });
  const existing = text((found.body as { id?: unknown } | null)?.id);
  if (found.status === 200 && existing !== '') return existing;
  const a = order.address;
  const [y, m, d] = (c.birth_date ?? '').split('-');
  const answer = await conn.client.post(
    `/api/crm/cliente/${c.person_type}`,
    {
      nome: c.name,
      cpfcnpj: c.document_number,
      ...(c.email === undefined ? {} : { email: c.email }),
      celular: maskedPhone(c.phone),
      // The CRM takes DD/MM/AAAA, where the pre-registration takes AAAA-MM-DD.
      ...(c.birth_date === undefined ? {} : { datanasc: `${d}/${m}/${y}` }),
      ...(c.trade_name === undefined ? {} : { nomefantasia: c.trade_name }),
      ...(c.rg === undefined ? {} : { rg: c.rg }),
      ...(c.state_registration === undefined ? {} : { insc_estadual: c.state_registration }),
      endereco: {
        logradouro: a.street,
        numero: a.number,
        complemento: a.complement ?? '',
        bairro: a.neighborhood,
        cidade: a.city,
        cep: cep(a.zip_code),
        uf: a.state,
        pais: 'BR',
        ...(a.reference === undefined ? {} : { pontoreferencia: a.reference }),
      },
    },
    call,
    { read: false, json: true },
  );
  const id = text((answer.body as { cliente_id?: unknown } | null)?.cliente_id);
  if (id === '') throw badResponse(ERP_NAME, 'a CRM customer without cliente_id', answer.status, answer.raw);
  return id;
}
