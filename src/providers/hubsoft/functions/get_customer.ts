// get_customer: the cliente record; the address is the first service's registration address.
import { hubsoftFunction } from '../connection.js';
import { requireCustomer } from '../customers.js';
import { toCustomer } from '../mappers/customers.js';

export const getCustomer = hubsoftFunction('get_customer', async (conn, input, call) =>
  toCustomer(await requireCustomer(conn, input.customer_document_number, call)),
);
