import type { ProviderFunction } from '../../types.js';
import { billContext, customerBills } from '../connection.js';
import type { HubsoftConnection } from '../connection.js';
import { byDueDate, toBill } from '../mappers.js';

/** Open faturas (overdue included), oldest due date first, with fine and interest for today. */
export const listBills: ProviderFunction<HubsoftConnection, 'list_bills'> = async (conn, input, call) => {
  const bills = await customerBills(conn, input.customer_document_number, true, call);
  const ctx = billContext(conn, call);
  return bills.map((b) => toBill(b, ctx)).sort(byDueDate);
};
