import { plansOf } from '../contracts.js';
import { mkFunction } from '../connect.js';
import { requireCustomer } from '../customers.js';

/** Contracts in force of every registration, blocked when one of their connections is. */
export const listPlans = mkFunction('list_plans', async (conn, input, call) => {
  const customer = await requireCustomer(conn, input.customer_document_number, call);
  return (await plansOf(conn, customer, call)).map((p) => p.plan);
});
