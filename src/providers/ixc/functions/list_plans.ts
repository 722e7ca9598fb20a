import type { ProviderFunction } from '../../types.js';
import { plansOf, requireCustomer } from '../connection.js';
import type { IxcConnection } from '../connection.js';

/** The customer's contracts (cliente_contrato) with their plan's name and price (vd_contratos). */
export const listPlans: ProviderFunction<IxcConnection, 'list_plans'> = async (conn, input, call) => {
  const { row } = await requireCustomer(conn, input.customer_document_number, call);
  return (await plansOf(conn, row, call)).plans;
};
