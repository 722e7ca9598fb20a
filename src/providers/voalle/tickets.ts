// Opening a solicitation (POST opensolicitation): create_ticket, orders of existing customers in
// ticket mode, and orders opened as tickets when Voalle refuses them. Production code reads
// `response.protocol` (and `status: "OK"`); that protocol is the ticket's id.
import { text } from '../kit/edge.js';
import { rejected } from '../kit/http.js';
import type { CallContext } from '../types.js';
import { ERP_NAME, type VoalleConnection } from './client.js';
import type { VoalleContract } from './mappers/plan.js';

export async function openSolicitation(
  conn: VoalleConnection,
  clientId: string,
  contract: VoalleContract | undefined,
  description: string,
  call: CallContext,
): Promise<string> {
  const answer = await conn.client.write(
    'POST',
    'opensolicitation',
    {
      description,
      clientId: Number(clientId),
      ...(contract === undefined || contract.id === '' ? {} : { contractId: Number(contract.id) }),
      contractServiceTagId: '',
      close: false,
    },
    call,
  );
  const protocol = text((answer.response as { protocol?: unknown } | null)?.protocol);
  if (!answer.ok || protocol === '') {
    throw rejected(ERP_NAME, answer.messages.join(' ') || 'no protocol', answer.status, answer.text);
  }
  return protocol;
}

/** The contract a ticket goes on: the first one neither cancelled (4) nor closed (9). */
export const liveContract = (contracts: VoalleContract[]) =>
  contracts.find((c) => c.status !== 4 && c.status !== 9);
