import type { ProviderFunction } from '../../types.js';
import { requireCustomer, servicesOf } from '../connection.js';
import type { HubsoftConnection } from '../connection.js';
import { toPlan } from '../mappers.js';

/** Every service of the cliente, cancelled ones included. */
export const listPlans: ProviderFunction<HubsoftConnection, 'list_plans'> = async (conn, input, call) =>
  servicesOf(await requireCustomer(conn, input.customer_document_number, call)).map(toPlan);
