import { mkFunction } from '../connect.js';
import { requireCustomer } from '../customers.js';
import { contactsOf } from '../mappers/customer.js';

/** Email and Fone of every registration under the document (MK has single fields, no lists). */
export const getCustomerContacts = mkFunction('get_customer_contacts', async (conn, input, call) => {
  const customer = await requireCustomer(conn, input.customer_document_number, call);
  return contactsOf(customer.records);
});
