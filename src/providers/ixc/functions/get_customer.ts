import type { ProviderFunction } from '../../types.js';
import { cityOf, requireCustomer } from '../connection.js';
import type { IxcConnection } from '../connection.js';
import { toCustomer } from '../mappers.js';

/** The cliente record; its city (an id in IXC) is read from cidade/uf for name and state. */
export const getCustomer: ProviderFunction<IxcConnection, 'get_customer'> = async (conn, input, call) => {
  const { row } = await requireCustomer(conn, input.customer_document_number, call);
  return toCustomer(row, await cityOf(conn, row.cidade, call));
};
