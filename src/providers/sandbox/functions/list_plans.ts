import { readFunction } from '../declare.js';
import { requireCustomer } from '../customers.js';
import { toPlan } from '../mappers/plans.js';

/** Every contract of the customer, in each status, as of the call's day. */
export const listPlans = readFunction('list_plans', (conn, input, { today }) => {
  const customer = requireCustomer(conn, input.customer_document_number);
  const period = conn.settings.trust_unlock_period_days;
  return conn.q.plans.all(customer.id).map((row) => toPlan(row, today, period));
});
