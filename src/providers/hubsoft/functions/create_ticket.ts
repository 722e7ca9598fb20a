import type { ProviderFunction } from '../../types.js';
import { mainService, requireCustomer, requireService } from '../connection.js';
import type { HubsoftConnection } from '../connection.js';
import { PonteError } from '../../../contract/index.js';
import { openTicket } from '../tickets.js';

/**
 * Opens an atendimento on the service named (else the cliente's first live one). The subject picks
 * the tipo de atendimento through ticket_subjects (else tipo_atendimento_id, else Hubsoft's SAC)
 * and heads the description; request_id is stored with the atendimento.
 */
export const createTicket: ProviderFunction<HubsoftConnection, 'create_ticket'> = async (
  conn,
  input,
  call,
) => {
  const customer = await requireCustomer(conn, input.customer_document_number, call);
  const service =
    input.contract_id === undefined ? mainService(customer) : requireService(customer, input.contract_id);
  if (service === null)
    throw new PonteError(
      'CONTRACT_NOT_FOUND',
      'Hubsoft has no service for this customer to open a ticket on',
    );
  const ticket = await openTicket(
    conn,
    {
      customer,
      service,
      description: `${input.subject}\n${input.message}`,
      contactName: input.contact_name,
      contactPhone: input.contact_phone,
      tipoAtendimentoId: conn.settings.ticket_subjects[input.subject] ?? conn.settings.tipo_atendimento_id,
      ...(input.request_id === undefined ? {} : { parameters: { ponte_request_id: input.request_id } }),
    },
    call,
  );
  return { remote_id: ticket.id, protocol: ticket.protocol };
};
