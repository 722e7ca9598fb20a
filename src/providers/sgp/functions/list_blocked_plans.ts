import { sgpFunction } from '../client.js';
import { plansOf } from '../contracts.js';

/** The blocked contracts: 4 Suspenso and 7 Ativo V. Reduzida. */
export const listBlockedPlans = sgpFunction('list_blocked_plans', async (conn, input, call) =>
  (await plansOf(conn, input.customer_document_number, call)).flatMap((p) =>
    p.blocked ? [{ ...p, blocked: true as const }] : [],
  ),
);
