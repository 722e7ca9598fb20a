import { billContext } from '../connection.js';
import { readFunction } from '../declare.js';
import { requireCustomer } from '../customers.js';
import { toBill } from '../mappers/bills.js';

/** Open bills (overdue included), oldest due date first, valued for the call's day. */
export const listBills = readFunction('list_bills', (conn, input, { today }) => {
  const customer = requireCustomer(conn, input.customer_document_number);
  const ctx = billContext(conn, today);
  return conn.q.openBills.all(customer.id).map((bill) => toBill(bill, customer, ctx));
});
