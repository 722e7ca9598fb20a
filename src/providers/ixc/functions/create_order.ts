import { formatDocument } from '../../../brasil/document.js';
import { echoOrder, PonteError } from '../../../contract/index.js';
import type { FunctionOutput, Order } from '../../../contract/index.js';
import type { CallContext } from '../../types.js';
import { checkOrder } from '../orders.js';
import { brDate } from '../../kit/edge.js';
import { cityIds } from '../cities.js';
import { ixcFunction, requireSetting, today } from '../connection.js';
import type { IxcConnection } from '../connection.js';
import { findCustomer } from '../customers.js';
import { formatCep } from '../mappers/addresses.js';
import { formatPhone } from '../mappers/customers.js';
import { acceptedId, marker } from '../markers.js';
import { openLead, openPreContract, orderSummary } from '../sales.js';
import { openTicket } from '../tickets.js';

type Output = FunctionOutput<'create_order'>;

/** Inserts the cliente of a new order (its notes carry the order's marker). */
async function insertCustomer(
  conn: IxcConnection,
  order: Order,
  notes: string,
  call: CallContext,
): Promise<string> {
  const c = order.customer;
  const a = order.address;
  const city = await cityIds(conn, a, call);
  if (city === null) {
    throw new PonteError(
      'ERP_REJECTED',
      `IXC has no city ${a.city}/${a.state}: set the tenant setting default_city_id or register the city in IXC`,
    );
  }
  const company = c.person_type === 'J';
  const result = await conn.client.insert(
    'cliente',
    {
      ativo: 'S',
      tipo_pessoa: c.person_type,
      razao: c.name,
      fantasia: c.trade_name ?? '',
      cnpj_cpf: formatDocument(c.document_number),
      ie_identidade: (company ? c.state_registration : c.rg) ?? '',
      contribuinte_icms: company ? (c.state_registration ? 'S' : 'I') : 'N',
      tipo_assinante: company ? '1' : '3',
      data_nascimento: c.birth_date === undefined ? '' : brDate(c.birth_date),
      data_cadastro: brDate(today(call)),
      filial_id: requireSetting(conn, 'branch_id'),
      cep: formatCep(a.zip_code),
      endereco: a.street,
      numero: a.number,
      complemento: a.complement ?? '',
      bairro: a.neighborhood,
      cidade: city.id,
      // The state's id, as IXC's own form and a client of its PHP class send it with the city.
      uf: city.uf,
      referencia: a.reference ?? '',
      tipo_localidade: 'U',
      latitude: a.latitude === undefined ? '' : String(a.latitude),
      longitude: a.longitude === undefined ? '' : String(a.longitude),
      telefone_celular: formatPhone(c.phone),
      whatsapp: formatPhone(c.phone),
      fone: c.phone_secondary === undefined ? '' : formatPhone(c.phone_secondary),
      email: c.email ?? '',
      id_vendedor: order.reseller_code ?? conn.settings.seller_id ?? '',
      iss_classificacao_padrao: '00',
      // Anatel's SCM customer type, sent by the same client ("01"); not verified beyond that.
      tipo_cliente_scm: '01',
      cob_envia_email: c.email === undefined ? 'N' : 'S',
      cob_envia_sms: 'S',
      obs: notes,
    },
    call,
  );
  return acceptedId(result, 'customer');
}

/**
 * A new customer's order. order_mode "contract" (default): the cliente, then a pre-contract
 * (cliente_contrato status P) for the first item with the contract type of the due day; remote_id
 * is the contract. order_mode "lead": a CRM lead instead. Both records carry the order's marker,
 * so a retry after a lost answer resumes where the first attempt stopped. A document that already
 * is a customer (not created by this order) is opened as a ticket (is_issue) when the tenant
 * allows it, ERP_REJECTED otherwise.
 */
export const createOrder = ixcFunction(
  'create_order',
  { needs: ['due_day_contract_types'] },
  async (conn, input, call): Promise<Output> => {
    const order = input.order;
    await checkOrder(conn, order, call);
    const key = `order:${order.id}`;
    const summary = orderSummary(order, input.message);
    const echo = echoOrder(order);
    if (conn.settings.order_mode === 'lead') {
      const id = await openLead(
        conn,
        {
          name: order.customer.name,
          document: order.customer.document_number,
          phone: order.customer.phone,
          address: order.address,
          productCode: order.items[0]!.product_code,
          notes: summary,
          key,
          ...(order.customer.email === undefined ? {} : { email: order.customer.email }),
          ...(order.commercial_origin_code === undefined ? {} : { originCode: order.commercial_origin_code }),
        },
        call,
      );
      return {
        wda_order: echo,
        remote_id: id,
        remote_message: `Lead ${id} cadastrado no CRM.`,
        is_issue: false,
      };
    }
    const existing = await findCustomer(conn, order.customer.document_number, call);
    let customerId: string;
    if (existing !== undefined && !(existing.obs ?? '').includes(marker(key))) {
      if (!conn.options.order_fallback_to_ticket) {
        throw new PonteError(
          'ERP_REJECTED',
          `IXC already has customer ${existing.id} with this document; use create_order_existing_customer`,
        );
      }
      const ticket = await openTicket(
        conn,
        {
          customerId: existing.id ?? '',
          subject: 'Pedido de novo serviço (cliente já cadastrado)',
          message: summary,
          contactPhone: order.customer.phone,
          key,
        },
        call,
      );
      return {
        wda_order: echo,
        remote_id: ticket.id,
        remote_message: `Cliente já cadastrado (código ${existing.id}): pedido registrado no atendimento ${ticket.id}${ticket.protocol ? `, protocolo ${ticket.protocol}` : ''}.`,
        is_issue: true,
      };
    }
    if (existing !== undefined) customerId = existing.id ?? '';
    else customerId = await insertCustomer(conn, order, `${summary}\n${marker(key)}`, call);
    const contract = await openPreContract(conn, { customerId, order, notes: summary, key }, call);
    return {
      wda_order: echo,
      remote_id: contract.id,
      remote_message: contract.message || null,
      is_issue: false,
    };
  },
);
