import { todayInBrazil } from '../../../brasil/dates.js';
import { voalleFunction } from '../client.js';
import { requirePerson } from '../customers.js';
import { customerFromPerson } from '../mappers/customer.js';

/** people/txid/{document} (only people flagged cliente). */
export const getCustomer = voalleFunction('get_customer', async (conn, input, call) =>
  customerFromPerson(
    await requirePerson(conn, input.customer_document_number, call),
    todayInBrazil(call.now),
  ),
);
