import { plansOf, requirePlan } from '../contracts.js';
import { mkFunction } from '../connect.js';
import { requireCustomer } from '../customers.js';
import { openAtendimento, ticketCodes } from '../tickets.js';

/**
 * An atendimento (WSMKNovoAtendimento) on the customer's main registration, with the process and
 * classification of ticket_subjects[subject], else ticket_process_id / ticket_classification_id.
 * contract_id, when given, must be a contract in force (cd_contrato). MK has no way to find an
 * atendimento again, so request_id is written into the text and the gateway's idempotency record
 * is what prevents a second ticket.
 */
export const createTicket = mkFunction('create_ticket', async (conn, input, call) => {
  const customer = await requireCustomer(conn, input.customer_document_number, call);
  const codes = ticketCodes(conn, input.subject);
  if (input.contract_id !== undefined) requirePlan(await plansOf(conn, customer, call), input.contract_id);
  const contact = [input.contact_name, input.contact_phone].filter((x) => x !== undefined).join(' ');
  const ticket = await openAtendimento(
    conn,
    customer,
    {
      ...codes,
      info: [
        input.subject,
        input.message,
        contact === '' ? '' : `Contato: ${contact}`,
        input.request_id === undefined ? '' : `[ponte:${input.request_id}]`,
      ]
        .filter((l) => l !== '')
        .join('\n'),
      contractId: input.contract_id,
    },
    call,
  );
  return { remote_id: ticket.id, protocol: ticket.protocol };
});
