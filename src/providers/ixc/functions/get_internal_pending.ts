import { ixcFunction } from '../connection.js';
import { requireCustomer } from '../customers.js';
import { internalNotes } from '../mappers/customers.js';
import { contractsOf } from '../plans.js';

/** The customer's alert (cliente.alerta) and the alerts of their live contracts (alerta_contrato). */
export const getInternalPending = ixcFunction('get_internal_pending', async (conn, input, call) => {
  const { row } = await requireCustomer(conn, input.customer_document_number, call);
  return internalNotes(row, await contractsOf(conn, row.id ?? '', call));
});
