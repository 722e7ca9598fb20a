// list_plans: every service of the cliente, cancelled ones included.
import { hubsoftFunction } from '../connection.js';
import { requireCustomer, servicesOf } from '../customers.js';
import { toPlan } from '../mappers/plans.js';

export const listPlans = hubsoftFunction('list_plans', async (conn, input, call) =>
  servicesOf(await requireCustomer(conn, input.customer_document_number, call)).map(toPlan),
);
