import type { ProviderFunction } from '../../types.js';
import { requireCustomer } from '../connection.js';
import type { HubsoftConnection } from '../connection.js';
import { toCustomer } from '../mappers.js';

/** The cliente record; the address is the first service's registration address. */
export const getCustomer: ProviderFunction<HubsoftConnection, 'get_customer'> = async (conn, input, call) =>
  toCustomer(await requireCustomer(conn, input.customer_document_number, call));
