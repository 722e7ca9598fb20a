import type { ProviderFunction } from '../../types.js';
import { requireCustomer } from '../connection.js';
import type { IxcConnection } from '../connection.js';
import { customerContacts } from '../mappers.js';

/** E-mails and phones of the cliente record (free-text fields in IXC), normalised and deduplicated. */
export const getCustomerContacts: ProviderFunction<IxcConnection, 'get_customer_contacts'> = async (
  conn,
  input,
  call,
) => {
  const { row } = await requireCustomer(conn, input.customer_document_number, call);
  return customerContacts(row);
};
