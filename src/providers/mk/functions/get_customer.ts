import { todayInBrazil } from '../../../brasil/dates.js';
import { PonteError } from '../../../contract/index.js';
import { isoDate, text } from '../../kit/index.js';
import { connectionsOf } from '../contracts.js';
import { mkFunction } from '../connect.js';
import { requireCustomer } from '../customers.js';
import { mainRecord, toCustomer } from '../mappers/customer.js';

/**
 * The registration the document stands for (the main one when active, else the first active
 * one). MK's ConsultaDoc has no registration date: data_registro is the earliest `cadastro` of
 * that registration's connections, else today (with a warning).
 */
export const getCustomer = mkFunction('get_customer', async (conn, input, call) => {
  const customer = await requireCustomer(conn, input.customer_document_number, call);
  const record = mainRecord(customer.records);
  // Without ConexoesPorCliente authorized, the customer is still answered (registration date today).
  const connections = await connectionsOf(conn, text(record.CodigoPessoa), call).catch((error: unknown) => {
    if (error instanceof PonteError && error.code === 'NOT_SUPPORTED') return [];
    throw error;
  });
  const dates = connections
    .map((c) => isoDate(c.cadastro))
    .filter((d): d is string => d !== null)
    .sort();
  if (dates[0] === undefined)
    call.warn('MK gives no registration date and this customer has no connection: data_registro is today');
  return toCustomer(record, dates[0] ?? todayInBrazil(call.now));
});
