import { billContext } from '../connection.js';
import { readFunction } from '../declare.js';
import { requireCustomer } from '../customers.js';
import { rowId } from '../records.js';
import { toBill } from '../mappers/bills.js';

/** The bill, whatever its status, only when it belongs to the customer; [] otherwise. */
export const getBill = readFunction('get_bill', (conn, input, { today }) => {
  const customer = requireCustomer(conn, input.customer_document_number);
  const bill = conn.q.billById.get(rowId(input.customer_bill_id));
  if (bill === undefined || bill.customer_id !== customer.id) return [];
  return [toBill(bill, customer, billContext(conn, today))];
});
