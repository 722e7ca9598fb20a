import { PonteError } from '../../../contract/index.js';
import { declared, ixcFunction } from '../connection.js';
import { requireCustomer } from '../customers.js';
import { contractsOf } from '../plans.js';
import { openTicket } from '../tickets.js';

/**
 * Opens an atendimento (su_ticket). `subject` is the title; a subject code listed in the tenant's
 * ticket_subjects picks its own assunto/department, anything else uses ticket_subject_id and
 * ticket_department_id. The contact goes into the message. request_id is written into the ticket
 * as a marker, so a retry after a lost answer finds the first ticket instead of opening another.
 */
export const createTicket = ixcFunction(
  'create_ticket',
  { needs: ['ticket_subject_id', 'ticket_department_id'] },
  async (conn, input, call) => {
    const { row } = await requireCustomer(conn, input.customer_document_number, call);
    const customerId = row.id ?? '';
    if (input.contract_id !== undefined) {
      const contracts = await contractsOf(conn, customerId, call);
      if (!contracts.some((c) => c.id === input.contract_id)) {
        throw new PonteError(
          'CONTRACT_NOT_FOUND',
          `IXC has no contract ${input.contract_id} for this customer`,
        );
      }
    }
    const mapped = Object.hasOwn(conn.settings.ticket_subjects, input.subject)
      ? conn.settings.ticket_subjects[input.subject]
      : undefined;
    const contact = [
      input.contact_name && `Contato: ${input.contact_name}`,
      input.contact_phone && `Telefone: ${input.contact_phone}`,
    ].filter(Boolean);
    const ticket = await openTicket(
      conn,
      {
        customerId,
        subject: input.subject,
        message: [input.message, ...contact].join('\n'),
        ...(input.contract_id === undefined ? {} : { contractId: input.contract_id }),
        ...(input.contact_phone === undefined ? {} : { contactPhone: input.contact_phone }),
        subjectId: mapped?.subject_id ?? declared(conn, 'ticket_subject_id'),
        departmentId: mapped?.department_id ?? declared(conn, 'ticket_department_id'),
        ...(input.request_id === undefined ? {} : { key: `ticket:${input.request_id}` }),
      },
      call,
    );
    return { remote_id: ticket.id, protocol: ticket.protocol };
  },
);
