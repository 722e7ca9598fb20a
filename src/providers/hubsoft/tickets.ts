// Opening an atendimento, which create_ticket, create_order_existing_customer and the order
// fallback share.
import { normalisePhone } from '../../contract/index.js';
import { rejected } from '../http-client.js';
import type { CallContext } from '../types.js';
import { ERP_NAME } from './client.js';
import type { HubsoftConnection } from './connection.js';
import { text } from './mappers.js';
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

function customerPhone(customer: HubsoftCustomer): string | undefined {
  for (const phone of [
    customer.telefone_primario,
    customer.telefone_secundario,
    customer.telefone_terciario,
  ]) {
    const normalised = normalisePhone(text(phone));
    if (normalised !== null) return normalised;
  }
  return undefined;
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
      telefone: req.contactPhone ?? customerPhone(req.customer) ?? '',
      ...(email.includes('@') ? { email } : {}),
      ...(req.tipoAtendimentoId === undefined ? {} : { id_tipo_atendimento: req.tipoAtendimentoId }),
      ...(req.parameters === undefined ? {} : { parametros: req.parameters }),
    },
    call,
  );
  const ticket = answer.body.atendimento as { id_atendimento?: unknown; protocolo?: unknown } | undefined;
  const id = text(ticket?.id_atendimento);
  if (!answer.ok || id === '') {
    const errors = Array.isArray(answer.body.errors)
      ? (answer.body.errors as unknown[]).map((e) => text(e as string))
      : [];
    throw rejected(
      ERP_NAME,
      [answer.message, ...errors].filter((m) => m !== '').join(' ') || `HTTP ${answer.status}`,
      answer.status,
      answer.text,
    );
  }
  return { id, protocol: text(ticket?.protocolo), message: answer.message };
}
