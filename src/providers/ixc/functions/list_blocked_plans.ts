import { ixcFunction } from '../connection.js';
import { requireCustomer } from '../customers.js';
import { plansOf } from '../plans.js';

/** The contracts whose access is blocked (status_internet CA, FA or CM on an active contract). */
export const listBlockedPlans = ixcFunction('list_blocked_plans', async (conn, input, call) => {
  const { row } = await requireCustomer(conn, input.customer_document_number, call);
  const { plans } = await plansOf(conn, row, call);
  return plans.flatMap((p) => (p.blocked ? [{ ...p, blocked: true as const }] : []));
});
