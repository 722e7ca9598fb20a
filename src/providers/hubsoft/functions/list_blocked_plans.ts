// list_blocked_plans: the cliente's services suspended for debt (suspenso_debito, suspenso_parcialmente).
import type { Plan } from '../../../contract/index.js';
import { hubsoftFunction } from '../connection.js';
import { requireCustomer, servicesOf } from '../customers.js';
import { toPlan } from '../mappers/plans.js';

export const listBlockedPlans = hubsoftFunction('list_blocked_plans', async (conn, input, call) =>
  servicesOf(await requireCustomer(conn, input.customer_document_number, call))
    .map(toPlan)
    .filter((p): p is Plan & { blocked: true } => p.blocked),
);
