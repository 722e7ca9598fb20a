// Reading titles: getopentitlesbytxid (open, overdue and due soon; live-tested) for list_bills, and
// gettitlesbytxid (all, with status and receipts) for one title. "Cliente não possui títulos em
// aberto." is an empty list whether it comes with success true or false; "Registro não
// encontrado." is an unknown customer.
import { PonteError } from '../../contract/index.js';
import type { CallContext } from '../types.js';
import { readFailed, type VoalleConnection } from './client.js';
import { NOT_FOUND } from './customers.js';
import { parseTitle, type VoalleTitle } from './mappers/bill.js';

const NOTHING_OPEN = /n[aã]o possui t[ií]tulos/i;

async function titles(
  conn: VoalleConnection,
  route: string,
  document: string,
  call: CallContext,
): Promise<VoalleTitle[]> {
  const envelope = await conn.client.get(`${route}/${encodeURIComponent(document)}`, call);
  if (envelope.messages.some((m) => NOTHING_OPEN.test(m)) && !Array.isArray(envelope.response)) return [];
  if (!envelope.ok) {
    if (envelope.messages.some((m) => NOT_FOUND.test(m))) {
      throw new PonteError('CUSTOMER_NOT_FOUND', 'Voalle has no client with this CPF/CNPJ');
    }
    throw readFailed(route, envelope);
  }
  if (envelope.response === null || envelope.response === undefined) return [];
  if (!Array.isArray(envelope.response)) throw readFailed(`${route} (response is not a list)`, envelope);
  return envelope.response.map(parseTitle);
}

export const openTitles = (conn: VoalleConnection, document: string, call: CallContext) =>
  titles(conn, 'getopentitlesbytxid', document, call);

export const allTitles = (conn: VoalleConnection, document: string, call: CallContext) =>
  titles(conn, 'gettitlesbytxid', document, call);

/** The customer's title `id` (any status), or null: a title of someone else is not found. */
export async function titleOf(
  conn: VoalleConnection,
  document: string,
  id: string,
  call: CallContext,
): Promise<VoalleTitle | null> {
  const all = await allTitles(conn, document, call).catch((error: unknown) => {
    if (error instanceof PonteError && error.code === 'CUSTOMER_NOT_FOUND') return [];
    throw error;
  });
  return all.find((t) => t.id === id) ?? null;
}
