import { ixcFunction } from '../connection.js';
import { requireCustomer } from '../customers.js';
import { plansOf } from '../plans.js';

/** The customer's contracts (cliente_contrato) with their plan's name and price (vd_contratos). */
export const listPlans = ixcFunction('list_plans', async (conn, input, call) => {
  const { row } = await requireCustomer(conn, input.customer_document_number, call);
  return (await plansOf(conn, row, call)).plans;
});
