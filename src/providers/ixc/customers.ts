// The customer look-up every function given a CPF/CNPJ starts with.
import { PonteError } from '../../contract/index.js';
import type { CallContext } from '../types.js';
import type { IxcRow } from './client.js';
import type { IxcConnection } from './connection.js';
import { documentForms, pickCustomer } from './mappers/customers.js';

export interface CustomerRecord {
  row: IxcRow;
  /** The document as the contract answers it (normalised). */
  document: string;
}

/** The customer with this document (searched masked, as IXC stores it, then as digits), or undefined. */
export async function findCustomer(
  conn: IxcConnection,
  document: string,
  call: CallContext,
): Promise<IxcRow | undefined> {
  for (const form of documentForms(document)) {
    const rows = await conn.client.list('cliente', [{ column: 'cnpj_cpf', value: form }], call);
    const found = pickCustomer(rows);
    if (found !== undefined) return found;
  }
  return undefined;
}

export async function requireCustomer(
  conn: IxcConnection,
  document: string,
  call: CallContext,
): Promise<CustomerRecord> {
  const row = await findCustomer(conn, document, call);
  if (row === undefined) throw new PonteError('CUSTOMER_NOT_FOUND', 'IXC has no customer with this CPF/CNPJ');
  return { row, document };
}
