import { sgpFunction } from '../client.js';
import { requireContracts } from '../customers.js';
import { invoicesOf } from '../invoices.js';

/** The notas fiscais of every contract of the customer, newest first. */
export const listInvoices = sgpFunction('list_invoices', async (conn, input, call) => {
  const entries = await requireContracts(conn, input.customer_document_number, call);
  return (await invoicesOf(conn, entries, call)).map((f) => f.invoice);
});
