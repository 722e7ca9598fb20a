import { PonteError } from '../../../contract/index.js';
import { protocolFor, rowId } from '../records.js';
import { requireCustomerRecord } from '../customers.js';
import { writeFunction } from '../declare.js';
import type { TicketRow } from '../rows.js';

function answer(ticket: Pick<TicketRow, 'id' | 'protocol'>) {
  return { remote_id: String(ticket.id), protocol: ticket.protocol };
}

/** Opens an atendimento; the same request_id answers the ticket it opened the first time. */
export const createTicket = writeFunction('create_ticket', (conn, input, { call, today }) => {
  const customer = requireCustomerRecord(conn, input.customer_document_number);
  if (input.request_id !== undefined) {
    const previous = conn.q.ticketByRequest.get(input.request_id);
    if (previous !== undefined) {
      if (previous.customer_id !== customer.id) {
        throw new PonteError('IDEMPOTENCY_CONFLICT', 'request_id was already used for another customer', {
          details: { key: input.request_id },
        });
      }
      return answer(previous);
    }
  }
  let contractId: number | null = null;
  if (input.contract_id !== undefined) {
    const plan = conn.q.planById.get(rowId(input.contract_id));
    if (plan === undefined || plan.customer_id !== customer.id) {
      throw new PonteError(
        'CONTRACT_NOT_FOUND',
        `The sandbox has no contract ${input.contract_id} for this customer`,
      );
    }
    contractId = plan.id;
  }
  const id = conn.inserts.ticket({
    id: null,
    customer_id: customer.id,
    contract_id: contractId,
    request_id: input.request_id ?? null,
    subject: input.subject,
    message: input.message,
    contact_name: input.contact_name ?? customer.name,
    contact_phone: input.contact_phone ?? customer.phone,
    protocol: '',
    status: 'open',
    created_at: call.now.toISOString(),
  });
  const protocol = protocolFor(today, id);
  conn.q.setTicketProtocol.run(protocol, id);
  return answer({ id, protocol });
});
