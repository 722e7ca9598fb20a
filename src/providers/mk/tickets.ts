// Opening an atendimento in MK (WSMKNovoAtendimento: cd_cliente, cd_processo,
// cd_classificacao_ate, origem_contato, info, optional cd_contrato and op_abertura), which answers
// {Cliente, CodigoAtendimento, CodigoCliente, Protocolo "YYMM.nnnnn", status}. The codes come from
// the tenant settings; while they are unset the function answers NOT_SUPPORTED naming them.
import { PonteError } from '../../contract/index.js';
import { badResponse, rejected, text } from '../kit/index.js';
import type { CallContext } from '../kit/index.js';
import { ERP_NAME } from './client.js';
import type { MkConnection } from './connect.js';
import type { MkCustomer } from './customers.js';
import { mainRecord } from './mappers/customer.js';
import { fitInfo } from './mappers/ticket.js';
import { SERVICES } from './services.js';

export interface TicketCodes {
  processId: string;
  classificationId: string;
}

function required(
  names: string[],
  process: string | undefined,
  classification: string | undefined,
): TicketCodes {
  if (process === undefined || classification === undefined) {
    throw new PonteError(
      'NOT_SUPPORTED',
      `MK needs a process and a classification to open an atendimento: set ${names.map((n) => `'${n}'`).join(' and ')} (see 'ponte check')`,
      { details: { settings: names } },
    );
  }
  return { processId: process, classificationId: classification };
}

/** The codes of a create_ticket subject. */
export function ticketCodes(conn: MkConnection, subject: string): TicketCodes {
  const s = conn.settings;
  const mapped = s.ticket_subjects[subject];
  return required(
    ['ticket_process_id', 'ticket_classification_id'],
    mapped?.process_id ?? s.ticket_process_id,
    mapped?.classification_id ?? s.ticket_classification_id,
  );
}

/** The codes of the atendimentos create_order_existing_customer opens. */
export function orderTicketCodes(conn: MkConnection): TicketCodes {
  const s = conn.settings;
  return required(
    ['order_ticket_process_id', 'ticket_classification_id'],
    s.order_ticket_process_id ?? s.ticket_process_id,
    s.order_ticket_classification_id ?? s.ticket_classification_id,
  );
}

export async function openAtendimento(
  conn: MkConnection,
  customer: MkCustomer,
  ticket: TicketCodes & { info: string; contractId: string | undefined },
  call: CallContext,
): Promise<{ id: string; protocol: string }> {
  const s = conn.settings;
  const answer = await conn.client.call(
    SERVICES.novoAtendimento,
    {
      cd_cliente: text(mainRecord(customer.records).CodigoPessoa),
      cd_processo: ticket.processId,
      cd_classificacao_ate: ticket.classificationId,
      origem_contato: s.ticket_origin,
      info: fitInfo(ticket.info),
      cd_contrato: ticket.contractId,
      op_abertura: s.operator_login,
    },
    call,
    { write: true },
  );
  if (answer.error !== null)
    throw rejected(ERP_NAME, answer.error.message || answer.error.code, answer.status, answer.text);
  const body = answer.body as Record<string, unknown>;
  // Older docs name the id cd_atendimento (clients.md §3).
  const id = text(body.CodigoAtendimento ?? body.cd_atendimento);
  if (id === '')
    throw badResponse(
      ERP_NAME,
      'WSMKNovoAtendimento without a CodigoAtendimento',
      answer.status,
      answer.text,
    );
  return { id, protocol: text(body.Protocolo) };
}
