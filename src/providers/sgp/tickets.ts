// Opening an ocorrência in SGP: POST /api/ura/chamado/ (raw JSON, as the vendor documents it),
// answered `{status, protocolo, razaoSocial, cpfCnpj, msg, contratoId}`; status 0 is a refusal
// (ERP_REJECTED, from the client).
import { badResponse, text } from '../kit/index.js';
import type { CallContext } from '../kit/index.js';
import { ERP_NAME } from './client.js';
import type { SgpConnection } from './client.js';

export interface TicketFields {
  contrato: string;
  conteudo: string;
  ocorrenciatipo: string | undefined;
  contato_nome?: string | undefined;
  contato_telefone?: string | undefined;
}

/** The new ocorrência's protocol. */
export async function openTicket(
  conn: SgpConnection,
  fields: TicketFields,
  call: CallContext,
): Promise<string> {
  const answer = await conn.client.post(
    '/api/ura/chamado/',
    {
      contrato: Number(fields.contrato),
      conteudo: fields.conteudo,
      ...(fields.ocorrenciatipo === undefined ? {} : { ocorrenciatipo: Number(fields.ocorrenciatipo) }),
      ...(fields.contato_nome === undefined ? {} : { contato_nome: fields.contato_nome }),
      ...(fields.contato_telefone === undefined ? {} : { contato_telefone: fields.contato_telefone }),
    },
    call,
    { read: false, json: true },
  );
  const protocolo = text((answer.body as { protocolo?: unknown } | null)?.protocolo);
  if (protocolo === '')
    throw badResponse(ERP_NAME, 'a chamado without a protocolo', answer.status, answer.raw);
  return protocolo;
}
