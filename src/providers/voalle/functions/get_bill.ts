import { titleOf } from '../bills.js';
import { voalleFunction } from '../client.js';
import { billFromTitle } from '../mappers/bill.js';

/** gettitlesbytxid of the customer, picked by id: paid and cancelled titles come with their status. */
export const getBill = voalleFunction('get_bill', async (conn, input, call) => {
  const doc = input.customer_document_number;
  const title = await titleOf(conn, doc, input.customer_bill_id, call);
  if (title === null || (title.clientTxId !== '' && title.clientTxId !== doc)) return [];
  return [billFromTitle(title, doc)];
});
