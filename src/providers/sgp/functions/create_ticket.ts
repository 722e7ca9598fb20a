import { PonteError } from '../../../contract/index.js';
import { text } from '../../kit/index.js';
import { sgpFunction } from '../client.js';
import { mainContract, requireContracts } from '../customers.js';
import { openTicket } from '../tickets.js';

/**
 * An ocorrência (POST /api/ura/chamado/) on the given contract or the customer's main one, of the
 * tenant's ticket_type_id (SGP's default 5 when unset). SGP answers only a protocol, which is
 * both remote_id and protocol.
 */
export const createTicket = sgpFunction('create_ticket', async (conn, input, call) => {
  const entries = await requireContracts(conn, input.customer_document_number, call);
  const entry =
    input.contract_id === undefined
      ? mainContract(entries)
      : entries.find((e) => text(e.contratoId) === input.contract_id);
  if (entry === undefined)
    throw new PonteError('CONTRACT_NOT_FOUND', `SGP has no contract ${input.contract_id} for this customer`);
  const protocolo = await openTicket(
    conn,
    {
      contrato: text(entry.contratoId),
      conteudo: `${input.subject}\n\n${input.message}`,
      ocorrenciatipo: conn.settings.ticket_type_id,
      contato_nome: input.contact_name,
      contato_telefone: input.contact_phone,
    },
    call,
  );
  return { remote_id: protocolo, protocol: protocolo };
});
