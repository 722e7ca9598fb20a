import { pendingBills, toBills } from '../bills.js';
import { mkFunction } from '../connect.js';
import { requireCustomer } from '../customers.js';

/** WSMKFaturasPendentes of every registration, with 2ª via link, linha digitável and Pix per bill. */
export const listBills = mkFunction('list_bills', async (conn, input, call) => {
  const customer = await requireCustomer(conn, input.customer_document_number, call);
  return toBills(conn, customer, await pendingBills(conn, customer, call), call);
});
