import type { FunctionOutput } from '../../../contract/index.js';
import { readFunction } from '../declare.js';
import { requireCustomer } from '../customers.js';
import { toPlan } from '../mappers/plans.js';

type BlockedPlan = FunctionOutput<'list_blocked_plans'>[number];

/** The contracts blocked today (a contract released on trust is not, until the release ends). */
export const listBlockedPlans = readFunction('list_blocked_plans', (conn, input, { today }) => {
  const customer = requireCustomer(conn, input.customer_document_number);
  const period = conn.settings.trust_unlock_period_days;
  return conn.q.plans
    .all(customer.id)
    .map((row) => toPlan(row, today, period))
    .filter((plan): plan is BlockedPlan => plan.blocked);
});
