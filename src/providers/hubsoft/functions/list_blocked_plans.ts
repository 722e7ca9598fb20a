import type { Plan } from '../../../contract/index.js';
import type { ProviderFunction } from '../../types.js';
import { requireCustomer, servicesOf } from '../connection.js';
import type { HubsoftConnection } from '../connection.js';
import { toPlan } from '../mappers.js';

/** The cliente's services suspended for debt (suspenso_debito, suspenso_parcialmente). */
export const listBlockedPlans: ProviderFunction<HubsoftConnection, 'list_blocked_plans'> = async (
  conn,
  input,
  call,
) =>
  servicesOf(await requireCustomer(conn, input.customer_document_number, call))
    .map(toPlan)
    .filter((p): p is Plan & { blocked: true } => p.blocked);
