import { billOf, valuedBills } from '../bills.js';
import { ixcFunction } from '../connection.js';
import { requireCustomer } from '../customers.js';

/** The bill if it is this customer's and released to them (paid and cancelled included); else []. */
export const getBill = ixcFunction('get_bill', async (conn, input, call) => {
  const customer = await requireCustomer(conn, input.customer_document_number, call);
  const row = await billOf(conn, customer.row, input.customer_bill_id, call);
  if (row === undefined || row.liberado === 'N') return [];
  return valuedBills(conn, [row], customer, call);
});
