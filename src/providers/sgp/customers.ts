// Finding a customer in SGP: /api/ura/consultacliente/ by CPF/CNPJ answers one entry per contract
// (the customer's own fields repeated in each), keyed clienteId + contratoId; an unknown document
// answers `{"contratos": []}`.
import { PonteError } from '../../contract/index.js';
import { text } from '../kit/index.js';
import type { CallContext } from '../kit/index.js';
import type { SgpConnection } from './client.js';
import type { SgpContractEntry } from './mappers/customers.js';

/** The customer's contract entries (none when SGP does not know the document). */
export async function contractsOf(
  conn: SgpConnection,
  document: string,
  call: CallContext,
): Promise<SgpContractEntry[]> {
  const answer = await conn.client.post('/api/ura/consultacliente/', { cpfcnpj: document }, call, {
    read: true,
  });
  const body = answer.body as { contratos?: unknown } | null;
  const list = body?.contratos;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (e): e is SgpContractEntry =>
      e !== null && typeof e === 'object' && text((e as SgpContractEntry).contratoId) !== '',
  );
}

/** The contract entries of a customer SGP must know (CUSTOMER_NOT_FOUND otherwise). */
export async function requireContracts(
  conn: SgpConnection,
  document: string,
  call: CallContext,
): Promise<SgpContractEntry[]> {
  const entries = await contractsOf(conn, document, call);
  if (entries.length === 0)
    throw new PonteError('CUSTOMER_NOT_FOUND', 'SGP has no customer with this document');
  return entries;
}

const LIVE = new Set([1, 4, 6, 7]);

/** The contract a customer-level write goes to: the live one with the lowest id, else the first. */
export function mainContract(entries: SgpContractEntry[]): SgpContractEntry {
  const live = entries.filter((e) => LIVE.has(Number(text(e.contratoStatus))));
  const pool = live.length > 0 ? live : entries;
  return [...pool].sort((a, b) => Number(text(a.contratoId)) - Number(text(b.contratoId)))[0]!;
}
