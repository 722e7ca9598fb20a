// get_internal_pending: the cliente's alerts (alerta_mensagens), what the ISP wants staff and bots
// to see first.
import { hubsoftFunction } from '../connection.js';
import { requireCustomer } from '../customers.js';
import { internalNotes } from '../mappers/customers.js';

export const getInternalPending = hubsoftFunction('get_internal_pending', async (conn, input, call) =>
  internalNotes(await requireCustomer(conn, input.customer_document_number, call)),
);
