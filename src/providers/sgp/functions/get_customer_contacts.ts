import { sgpFunction } from '../client.js';
import { requireContracts } from '../customers.js';
import { toContacts } from '../mappers/customers.js';

/** E-mails and phones of every contract entry (emails, telefones, telefones_cargos), deduplicated. */
export const getCustomerContacts = sgpFunction('get_customer_contacts', async (conn, input, call) =>
  toContacts(await requireContracts(conn, input.customer_document_number, call)),
);
