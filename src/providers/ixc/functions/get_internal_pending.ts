import type { ProviderFunction } from '../../types.js';
import { contractsOf, requireCustomer } from '../connection.js';
import type { IxcConnection } from '../connection.js';
import { internalNotes } from '../mappers.js';

/** The customer's alert (cliente.alerta) and the alerts of their live contracts (alerta_contrato). */
export const getInternalPending: ProviderFunction<IxcConnection, 'get_internal_pending'> = async (
  conn,
  input,
  call,
) => {
  const { row } = await requireCustomer(conn, input.customer_document_number, call);
  return internalNotes(row, await contractsOf(conn, row.id ?? '', call));
};
