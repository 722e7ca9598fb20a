import { voalleFunction } from '../client.js';
import { requirePerson } from '../customers.js';
import { contactsOf } from '../mappers/customer.js';

/** people/txid: email, cellPhone and phone, deduplicated. */
export const getCustomerContacts = voalleFunction('get_customer_contacts', async (conn, input, call) =>
  contactsOf(await requirePerson(conn, input.customer_document_number, call)),
);
