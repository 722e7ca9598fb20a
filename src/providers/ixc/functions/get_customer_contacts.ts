import { ixcFunction } from '../connection.js';
import { requireCustomer } from '../customers.js';
import { customerContacts } from '../mappers/customers.js';

/** E-mails and phones of the cliente record (free-text fields in IXC), normalised and deduplicated. */
export const getCustomerContacts = ixcFunction('get_customer_contacts', async (conn, input, call) => {
  const { row } = await requireCustomer(conn, input.customer_document_number, call);
  return customerContacts(row);
});
