import type { ProviderFunction } from '../../types.js';
import { requireCustomer } from '../connection.js';
import type { HubsoftConnection } from '../connection.js';
import { toContacts } from '../mappers.js';

/** The cliente's e-mails and phones, each once. */
export const getCustomerContacts: ProviderFunction<HubsoftConnection, 'get_customer_contacts'> = async (
  conn,
  input,
  call,
) => toContacts(await requireCustomer(conn, input.customer_document_number, call));
