import { byDueDate } from '../../kit/valuation.js';
import { openTitles } from '../bills.js';
import { voalleFunction } from '../client.js';
import { billFromTitle } from '../mappers/bill.js';

/** getopentitlesbytxid: open and overdue titles with Voalle's own fine and interest, oldest first. */
export const listBills = voalleFunction('list_bills', async (conn, input, call) => {
  const doc = input.customer_document_number;
  const titles = await openTitles(conn, doc, call);
  return titles
    .filter((t) => (t.status ?? 'open') === 'open')
    .map((t) => billFromTitle(t, doc))
    .sort(byDueDate);
});
