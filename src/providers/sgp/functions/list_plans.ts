import { sgpFunction } from '../client.js';
import { plansOf } from '../contracts.js';

/** Every contract of the customer as a Plan (status from SGP's contract status code). */
export const listPlans = sgpFunction('list_plans', (conn, input, call) =>
  plansOf(conn, input.customer_document_number, call),
);
