// The sales records create_order and create_order_existing_customer write: a pre-contract
// (cliente_contrato status P) or a CRM lead (contato), each found again by its marker.
import { formatDocument } from '../../brasil/document.js';
import { formatMoney } from '../../brasil/money.js';
import type { Address, Order } from '../../contract/index.js';
import { brDate } from '../kit/edge.js';
import type { CallContext } from '../types.js';
import { cityIds } from './cities.js';
import { requireSetting, today } from './connection.js';
import type { IxcConnection } from './connection.js';
import { formatCep } from './mappers/addresses.js';
import { formatPhone } from './mappers/customers.js';
import { acceptedId, marked, marker } from './markers.js';

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
  const installCity = install === undefined ? null : await cityIds(conn, install, call);
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
            cidade: installCity?.id ?? '',
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
