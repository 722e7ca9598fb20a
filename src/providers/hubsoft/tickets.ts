// Opening an atendimento, which create_ticket, create_order_existing_customer and the order
// fallback share.
import type { Order } from '../../contract/index.js';
import { text } from '../kit/edge.js';
import type { CallContext } from '../types.js';
import { refusal } from './client.js';
import type { HubsoftConnection } from './connection.js';
import { phonesOf } from './mappers/customers.js';
import { orderSummary } from './mappers/sales.js';
import type { HubsoftCustomer, HubsoftService } from './types.js';

export interface TicketRequest {
  customer: HubsoftCustomer;
  service: HubsoftService;
  description: string;
  contactName?: string | undefined;
  contactPhone?: string | undefined;
  tipoAtendimentoId?: number | undefined;
  /** Stored with the atendimento as Hubsoft's dynamic parameters. */
  parameters?: Record<string, string>;
}

export interface OpenedTicket {
  id: string;
  protocol: string;
  message: string;
}

/** POST atendimento; a refusal is ERP_REJECTED with Hubsoft's message. */
export async function openTicket(
  conn: HubsoftConnection,
  req: TicketRequest,
  call: CallContext,
): Promise<OpenedTicket> {
  const email = text(req.customer.email_principal);
  const answer = await conn.client.write(
    'POST',
    'atendimento',
    {
      id_cliente_servico: Number(text(req.service.id_cliente_servico)),
      descricao: req.description,
      nome: req.contactName ?? text(req.customer.nome_razaosocial),
      telefone: req.contactPhone ?? phonesOf(req.customer)[0] ?? '',
      ...(email.includes('@') ? { email } : {}),
      ...(req.tipoAtendimentoId === undefined ? {} : { id_tipo_atendimento: req.tipoAtendimentoId }),
      ...(req.parameters === undefined ? {} : { parametros: req.parameters }),
    },
    call,
  );
  const ticket = answer.body.atendimento as { id_atendimento?: unknown; protocolo?: unknown } | undefined;
  const id = text(ticket?.id_atendimento);
  if (!answer.ok || id === '') throw refusal(answer);
  return { id, protocol: text(ticket?.protocolo), message: answer.message };
}

/**
 * The atendimento that carries an order (create_order's fallback, create_order_existing_customer's
 * ticket mode): the order's summary, of tipo order_ticket_tipo_atendimento_id (else
 * tipo_atendimento_id, else Hubsoft's SAC), with the order id in its parameters.
 */
export function openOrderTicket(
  conn: HubsoftConnection,
  target: { customer: HubsoftCustomer; service: HubsoftService },
  order: Order,
  message: string,
  call: CallContext,
  contactName?: string,
): Promise<OpenedTicket> {
  return openTicket(
    conn,
    {
      ...target,
      description: orderSummary(order, message),
      contactName,
      contactPhone: order.customer.phone,
      tipoAtendimentoId: conn.settings.order_ticket_tipo_atendimento_id ?? conn.settings.tipo_atendimento_id,
      parameters: { ponte_order_id: order.id },
    },
    call,
  );
}
