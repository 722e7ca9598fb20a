// Opening an atendimento (su_ticket), shared by create_ticket and the orders opened as tickets.
import type { CallContext } from '../types.js';
import type { IxcRow } from './client.js';
import { requireSetting } from './connection.js';
import type { IxcConnection } from './connection.js';
import { formatPhone } from './mappers/customers.js';
import { acceptedId, marked, marker } from './markers.js';

/** The workflow process linked to a subject (su_oss_assunto.id_wfl_processo), or ''. */
export function workflowOf(subject: IxcRow | undefined): string {
  const id = (subject?.id_wfl_processo ?? '').trim();
  return /^[1-9]\d*$/.test(id) ? id : '';
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

/**
 * Opens an atendimento (su_ticket); the protocol is read back, as IXC assigns it. The subject and
 * department default to the tenant's ticket_subject_id / ticket_department_id (create_ticket
 * declares them; orders opened as tickets need them only in that mode).
 */
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
    const subject = await conn.client.byId('su_oss_assunto', subjectId, call);
    const process = workflowOf(subject);
    if (process === '') {
      call.warn(
        `IXC subject ${subjectId} has no linked workflow process: the ticket is opened without one (link a process to the subject in IXC)`,
      );
    }
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
        // The subject's workflow process, and the address of the customer's record (CC), as the
        // public clients that open tickets on real installations send them.
        ...(process === '' ? {} : { id_wfl_processo: process }),
        origem_endereco: 'CC',
        cliente_fone: t.contactPhone === undefined ? '' : formatPhone(t.contactPhone),
      },
      call,
    );
    id = acceptedId(result, 'ticket');
  }
  const row = previous ?? (await conn.client.byId('su_ticket', id, call));
  return { id, protocol: row?.protocolo ?? '' };
}
