import { voalleFunction } from '../client.js';
import { contractsOf } from '../contracts.js';
import { planFromContract } from '../mappers/plan.js';

/** contract/getpaged, every contract (onlyActiveContracts false: whether blocked ones count as active is unknown). */
export const listPlans = voalleFunction('list_plans', async (conn, input, call) =>
  (await contractsOf(conn, input.customer_document_number, call)).map(planFromContract),
);
