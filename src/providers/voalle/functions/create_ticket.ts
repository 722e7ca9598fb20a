import { PonteError } from '../../../contract/index.js';
import { voalleFunction } from '../client.js';
import { contractsOf } from '../contracts.js';
import { requirePerson } from '../customers.js';
import { liveContract, openSolicitation } from '../tickets.js';

/**
 * POST opensolicitation {description, clientId, contractId, contractServiceTagId: "", close: false}.
 * The contract is contract_id (a contractNumber), else the first live contract; the subject,
 * contact and request_id go into the description. A refusal is ERP_REJECTED.
 */
export const createTicket = voalleFunction('create_ticket', async (conn, input, call) => {
  const person = await requirePerson(conn, input.customer_document_number, call);
  const contracts = await contractsOf(conn, input.customer_document_number, call);
  const contract =
    input.contract_id === undefined
      ? liveContract(contracts)
      : contracts.find((c) => c.contractNumber === input.contract_id);
  if (input.contract_id !== undefined && contract === undefined) {
    throw new PonteError(
      'CONTRACT_NOT_FOUND',
      `Voalle has no contract ${input.contract_id} for this customer`,
    );
  }
  const description = [
    input.subject,
    input.message,
    input.contact_name === undefined
      ? ''
      : `Contato: ${input.contact_name}${input.contact_phone === undefined ? '' : ` ${input.contact_phone}`}`,
    input.request_id === undefined ? '' : `[ponte:${input.request_id}]`,
  ]
    .filter((s) => s !== '')
    .join('\n');
  const protocol = await openSolicitation(conn, person.id, contract, description, call);
  return { remote_id: protocol, protocol };
});
