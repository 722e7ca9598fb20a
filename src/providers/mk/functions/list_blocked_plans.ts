import { plansOf } from '../contracts.js';
import { mkFunction } from '../connect.js';
import { requireCustomer } from '../customers.js';

/** The blocked subset of list_plans. */
export const listBlockedPlans = mkFunction('list_blocked_plans', async (conn, input, call) => {
  const customer = await requireCustomer(conn, input.customer_document_number, call);
  return (await plansOf(conn, customer, call))
    .map((p) => p.plan)
    .flatMap((p) => (p.blocked ? [{ ...p, blocked: true as const }] : []));
});
