// create_ticket: an atendimento on the service named (else the cliente's first live one). The
// subject picks the tipo de atendimento through ticket_subjects (else tipo_atendimento_id, else
// Hubsoft's SAC) and heads the description; request_id is stored with the atendimento.
import { hubsoftFunction } from '../connection.js';
import { requireCustomer, requireMainService, requireService } from '../customers.js';
import { openTicket } from '../tickets.js';

export const createTicket = hubsoftFunction('create_ticket', async (conn, input, call) => {
  const customer = await requireCustomer(conn, input.customer_document_number, call);
  const service =
    input.contract_id === undefined
      ? requireMainService(customer)
      : requireService(customer, input.contract_id);
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
});
