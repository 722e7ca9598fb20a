// The inserts several functions share (ticket, pre-contract, lead, customer), each guarded by a
// marker: Ponte writes `[ponte:<key>]` into the record's text and, before inserting, looks for a
// record carrying it. A retry after an answer was lost (timeout, 504 after IXC did the work) then
// finds the first record instead of creating a second one. Each insert itself is sent once.
import { formatDocument } from '../../brasil/document.js';
import { formatMoney } from '../../brasil/money.js';
import { PonteError } from '../../contract/index.js';
import type { Address, Order } from '../../contract/index.js';
import { rejected, upstreamExcerpt } from '../http-client.js';
import type { CallContext } from '../types.js';
import type { IxcRow, WriteResult } from './client.js';
import { requireSetting, today } from './connection.js';
import type { IxcConnection } from './connection.js';
import { brDate, formatCep, marker } from './mappers.js';

/** "(19) 98765-4321": phones as IXC's screens store them. */
export function formatPhone(phone: string): string {
  if (phone.length === 11) return `(${phone.slice(0, 2)}) ${phone.slice(2, 7)}-${phone.slice(7)}`;
  if (phone.length === 10) return `(${phone.slice(0, 2)}) ${phone.slice(2, 6)}-${phone.slice(6)}`;
  return phone;
}

/** The insert's id, or ERP_REJECTED with IXC's message. */
export function acceptedId(result: WriteResult, what: string): string {
  if (!result.ok) throw rejected('IXC', result.message || `${what} not accepted`, result.status, result.raw);
  if (!/^\d+$/.test(result.id)) {
    throw new PonteError('ERP_BAD_RESPONSE', `IXC accepted the ${what} without giving its id`, {
      upstream: upstreamExcerpt(result.status, result.raw),
    });
  }
  return result.id;
}

/** The first record of `table` whose `column` carries the marker of `key`, among those matching `scope`. */
async function marked(
  conn: IxcConnection,
  table: string,
  scope: { column: string; value: string },
  column: string,
  key: string,
  call: CallContext,
): Promise<IxcRow | undefined> {
  const rows = await conn.client.list(table, [scope, { column, op: 'L', value: marker(key) }], call, {
    limit: 1,
  });
  return rows[0];
}

/**
 * The IXC city id of an address: by IBGE code, else by name within the UF; otherwise the tenant's
 * default_city_id when `fallback` (new records), or null.
 */
export async function cityId(
  conn: IxcConnection,
  address: Partial<Address>,
  call: CallContext,
  fallback = true,
): Promise<string | null> {
  const candidates = address.ibge_code
    ? await conn.client.list('cidade', [{ column: 'cod_ibge', value: address.ibge_code }], call)
    : address.city
      ? await conn.client.list('cidade', [{ column: 'nome', value: address.city }], call)
      : [];
  for (const city of candidates) {
    if (address.state === undefined) return city.id ?? null;
    const uf = await conn.client.byId('uf', city.uf ?? '', call);
    if (uf?.sigla === address.state) return city.id ?? null;
  }
  return fallback ? (conn.settings.default_city_id ?? null) : null;
}

export interface TicketRequest {
  customerId: string;
  contractId?: string;
  subject: string;
  message: string;
  contactPhone?: string;
  subjectId?: string;
  departmentId?: string;
  /** Idempotency key written into the ticket. */
  key?: string;
}

/** Opens an atendimento (su_ticket); the protocol is read back, as IXC assigns it. */
export async function openTicket(
  conn: IxcConnection,
  t: TicketRequest,
  call: CallContext,
): Promise<{ id: string; protocol: string }> {
  const subjectId = t.subjectId ?? requireSetting(conn, 'ticket_subject_id');
  const departmentId = t.departmentId ?? requireSetting(conn, 'ticket_department_id');
  const scope = { column: 'id_cliente', value: t.customerId };
  const previous =
    t.key === undefined ? undefined : await marked(conn, 'su_ticket', scope, 'menssagem', t.key, call);
  let id = previous?.id;
  if (id === undefined) {
    const result = await conn.client.insert(
      'su_ticket',
      {
        tipo: 'C',
        id_cliente: t.customerId,
        id_contrato: t.contractId ?? '',
        id_filial: conn.settings.branch_id ?? '',
        id_assunto: subjectId,
        id_ticket_setor: departmentId,
        titulo: t.subject.slice(0, 100),
        prioridade: conn.settings.ticket_priority,
        // The field's name is misspelt in IXC itself.
        menssagem: t.key === undefined ? t.message : `${t.message}\n${marker(t.key)}`,
        su_status: 'N',
        cliente_fone: t.contactPhone === undefined ? '' : formatPhone(t.contactPhone),
      },
      call,
    );
    id = acceptedId(result, 'ticket');
  }
  const row = previous ?? (await conn.client.byId('su_ticket', id, call));
  return { id, protocol: row?.protocolo ?? '' };
}

/** The order in words, for notes and tickets. */
export function orderSummary(order: Order, message: string): string {
  const items = order.items
    .map(
      (i) =>
        `${i.quantity}x ${i.name ?? `plano ${i.product_code}`} (código ${i.product_code})${i.price === undefined ? '' : ` ${formatMoney(i.price)}`}`,
    )
    .join('; ');
  const a = order.installation_address ?? order.address;
  return [
    `Pedido ${order.id} via Ponte: ${items}.`,
    `Vencimento dia ${order.due_date_code}.${order.payment_method ? ` Pagamento: ${order.payment_method}.` : ''}`,
    `Cliente: ${order.customer.name}, ${formatDocument(order.customer.document_number)}, telefone ${formatPhone(order.customer.phone)}${order.customer.email ? `, ${order.customer.email}` : ''}.`,
    `Instalação: ${a.street}, ${a.number}${a.complement ? ` ${a.complement}` : ''} - ${a.neighborhood}, ${a.city}/${a.state}, CEP ${formatCep(a.zip_code)}.`,
    ...(order.installation_fee === undefined
      ? []
      : [`Taxa de instalação: ${formatMoney(order.installation_fee)}.`]),
    ...(order.notes ? [`Observações: ${order.notes}`] : []),
    ...(message ? [message] : []),
  ].join('\n');
}

export interface ContractRequest {
  customerId: string;
  order: Order;
  notes: string;
  key: string;
}

/** A pre-contract (status P) for the order's first item, with the contract type of its due day. */
export async function openPreContract(
  conn: IxcConnection,
  c: ContractRequest,
  call: CallContext,
): Promise<{ id: string; message: string }> {
  const previous = await marked(
    conn,
    'cliente_contrato',
    { column: 'id_cliente', value: c.customerId },
    'obs',
    c.key,
    call,
  );
  if (previous?.id !== undefined)
    return { id: previous.id, message: `Pré-contrato ${previous.id} já registrado.` };
  const order = c.order;
  const item = order.items[0]!;
  const product = await conn.client.byId('vd_contratos', item.product_code, call);
  const contractType = conn.settings.due_day_contract_types[order.due_date_code];
  const install = order.installation_address;
  const installCity = install === undefined ? '' : ((await cityId(conn, install, call)) ?? '');
  const result = await conn.client.insert(
    'cliente_contrato',
    {
      tipo: 'I',
      id_cliente: c.customerId,
      id_vd_contrato: item.product_code,
      contrato: product?.nome ?? item.name ?? `Plano ${item.product_code}`,
      id_tipo_contrato: contractType ?? '',
      id_modelo: requireSetting(conn, 'contract_model_id'),
      id_filial: requireSetting(conn, 'branch_id'),
      data: brDate(today(call)),
      id_tipo_documento: requireSetting(conn, 'document_type_id'),
      id_carteira_cobranca: requireSetting(conn, 'billing_wallet_id'),
      id_vendedor: order.reseller_code ?? requireSetting(conn, 'seller_id'),
      cc_previsao: 'M',
      tipo_cobranca: 'P',
      renovacao_automatica: 'S',
      base_geracao_tipo_doc: 'P',
      bloqueio_automatico: 'S',
      aviso_atraso: 'S',
      status: 'P',
      dia_fixo_vencimento: order.due_date_code,
      taxa_instalacao: order.installation_fee === undefined ? '' : formatMoney(order.installation_fee),
      endereco_padrao_cliente: install === undefined ? 'S' : 'N',
      ...(install === undefined
        ? {}
        : {
            cep: formatCep(install.zip_code),
            endereco: install.street,
            numero: install.number,
            complemento: install.complement ?? '',
            bairro: install.neighborhood,
            cidade: installCity,
          }),
      obs: `${c.notes}\n${marker(c.key)}`,
    },
    call,
  );
  return { id: acceptedId(result, 'contract'), message: result.message };
}

export interface LeadRequest {
  name: string;
  document?: string;
  email?: string;
  phone?: string;
  address?: Partial<Address>;
  productCode?: string;
  originCode?: string;
  customerId?: string;
  notes: string;
  key: string;
}

/** A CRM lead (contato). */
export async function openLead(conn: IxcConnection, l: LeadRequest, call: CallContext): Promise<string> {
  const previous = await marked(conn, 'contato', { column: 'nome', value: l.name }, 'obs', l.key, call);
  if (previous?.id !== undefined) return previous.id;
  const a = l.address ?? {};
  const result = await conn.client.insert(
    'contato',
    {
      nome: l.name,
      tipo_pessoa: l.document?.length === 14 ? 'J' : 'F',
      cnpj_cpf: l.document === undefined ? '' : formatDocument(l.document),
      email: l.email ?? '',
      fone_celular: l.phone === undefined ? '' : formatPhone(l.phone),
      data_cadastro: brDate(today(call)),
      id_cliente: l.customerId ?? '',
      id_vd_contrato: l.productCode ?? '',
      origem_source: l.originCode ?? '',
      origem_medium: 'ponte',
      cep: a.zip_code === undefined ? '' : formatCep(a.zip_code),
      endereco: a.street ?? '',
      numero: a.number ?? '',
      bairro: a.neighborhood ?? '',
      obs: `${l.notes}${a.city ? `\nCidade: ${a.city}${a.state ? `/${a.state}` : ''}` : ''}\n${marker(l.key)}`,
      lead: 'S',
      ativo: 'S',
    },
    call,
  );
  return acceptedId(result, 'lead');
}
