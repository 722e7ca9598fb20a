import { readFunction } from '../declare.js';
import { requireCustomerRecord } from '../customers.js';
import { customerContacts } from '../mappers/customers.js';

/** The record's e-mail and phones, then the extra contacts, each once. */
export const getCustomerContacts = readFunction('get_customer_contacts', (conn, input) => {
  const customer = requireCustomerRecord(conn, input.customer_document_number);
  return customerContacts(customer, conn.q.contacts.all(customer.id));
});
