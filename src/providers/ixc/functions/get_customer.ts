import { cityOf } from '../cities.js';
import { ixcFunction } from '../connection.js';
import { requireCustomer } from '../customers.js';
import { toCustomer } from '../mappers/customers.js';

/** The cliente record; its city (an id in IXC) is read from cidade/uf for name and state. */
export const getCustomer = ixcFunction('get_customer', async (conn, input, call) => {
  const { row } = await requireCustomer(conn, input.customer_document_number, call);
  return toCustomer(row, await cityOf(conn, row.cidade, call));
});
