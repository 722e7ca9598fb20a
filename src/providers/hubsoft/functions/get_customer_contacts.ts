// get_customer_contacts: the cliente's e-mails and phones, each once.
import { hubsoftFunction } from '../connection.js';
import { requireCustomer } from '../customers.js';
import { toContacts } from '../mappers/customers.js';

export const getCustomerContacts = hubsoftFunction('get_customer_contacts', async (conn, input, call) =>
  toContacts(await requireCustomer(conn, input.customer_document_number, call)),
);
