// list_bills: open faturas (overdue included), oldest due date first, with fine and interest for today.
import { byDueDate } from '../../kit/valuation.js';
import { billContext, customerBills } from '../bills.js';
import { hubsoftFunction } from '../connection.js';
import { toBill } from '../mappers/bills.js';

export const listBills = hubsoftFunction('list_bills', async (conn, input, call) => {
  const bills = await customerBills(conn, input.customer_document_number, true, call);
  const ctx = billContext(conn, call);
  return bills.map((b) => toBill(b, ctx)).sort(byDueDate);
});
