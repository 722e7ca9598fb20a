import { readFunction } from '../declare.js';
import { requireCustomer } from '../customers.js';
import { toInvoice } from '../mappers/invoices.js';

/** The NFCom issued with each of the customer's bills, newest first. */
export const listInvoices = readFunction('list_invoices', (conn, input) => {
  const customer = requireCustomer(conn, input.customer_document_number);
  return conn.q.billsByIssue.all(customer.id).map((bill) => toInvoice(bill, conn.codes));
});
