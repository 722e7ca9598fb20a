import type { FunctionOutput } from '../../../contract/index.js';
import { voalleFunction } from '../client.js';
import { contractsOf } from '../contracts.js';
import { planFromContract } from '../mappers/plan.js';

/** The contracts of list_plans with status 6 (financial) or 7 (administrative). */
export const listBlockedPlans = voalleFunction(
  'list_blocked_plans',
  async (conn, input, call) =>
    (await contractsOf(conn, input.customer_document_number, call))
      .map(planFromContract)
      .filter((p) => p.blocked) as FunctionOutput<'list_blocked_plans'>,
);
