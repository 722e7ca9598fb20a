import { readFunction } from '../declare.js';
import { requireCustomer } from '../customers.js';

/** The customer's internal notes still marked pending, oldest first; resolved ones are left out. */
export const getInternalPending = readFunction('get_internal_pending', (conn, input) => {
  const customer = requireCustomer(conn, input.customer_document_number);
  return conn.q.pendingNotes.all(customer.id).map((note) => note.text);
});
