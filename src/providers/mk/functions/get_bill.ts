import { text } from '../../kit/index.js';
import { pendingBills, toBills } from '../bills.js';
import { mkFunction } from '../connect.js';
import { requireCustomer } from '../customers.js';

/**
 * The bill among the customer's pending ones; [] otherwise (another customer's bill included).
 * MK's webservices read paid bills only through WSMKFaturas, which MK must release per install:
 * a paid bill is not found here.
 */
export const getBill = mkFunction('get_bill', async (conn, input, call) => {
  const customer = await requireCustomer(conn, input.customer_document_number, call);
  const pending = (await pendingBills(conn, customer, call)).filter(
    (p) => text(p.record.codfatura) === input.customer_bill_id,
  );
  return (await toBills(conn, customer, pending.slice(0, 1), call)).slice(0, 1);
});
