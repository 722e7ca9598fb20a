// Finding a customer: people/txid/{digits}, which finds only people flagged "cliente". Not found
// is an answer with success false and "Registro não encontrado." (or no response at all).
import { PonteError } from '../../contract/index.js';
import type { CallContext } from '../types.js';
import { readFailed, type VoalleConnection } from './client.js';
import { parsePerson, type VoallePerson } from './mappers/customer.js';

export const NOT_FOUND = /registro n[aã]o encontrado|n[aã]o encontrad/i;

/** The person, or null when Voalle says there is no client with that document. */
export async function findPerson(
  conn: VoalleConnection,
  document: string,
  call: CallContext,
): Promise<VoallePerson | null> {
  const envelope = await conn.client.get(`people/txid/${encodeURIComponent(document)}`, call);
  if (!envelope.ok) {
    if (envelope.messages.some((m) => NOT_FOUND.test(m)) || envelope.response === null) return null;
    throw readFailed('people/txid', envelope);
  }
  return parsePerson(envelope.response);
}

export async function requirePerson(
  conn: VoalleConnection,
  document: string,
  call: CallContext,
): Promise<VoallePerson> {
  const person = await findPerson(conn, document, call);
  if (person === null) throw new PonteError('CUSTOMER_NOT_FOUND', 'Voalle has no client with this CPF/CNPJ');
  return person;
}
