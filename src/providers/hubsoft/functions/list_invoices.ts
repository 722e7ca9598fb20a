// list_invoices: the customer's notas (models 21/22 and NFS-e) of the last invoice_history_days,
// newest first.
import { hubsoftFunction } from '../connection.js';
import { customerInvoices } from '../invoices.js';

export const listInvoices = hubsoftFunction('list_invoices', async (conn, input, call) =>
  (await customerInvoices(conn, input.customer_document_number, call)).map((n) => n.invoice),
);
