import { document } from '../../kit/index.js';
import { sgpFunction } from '../client.js';
import { titleById, toBills } from '../bills.js';

/** One título by id, paid and cancelled ones included; [] when it is not the customer's. */
export const getBill = sgpFunction('get_bill', async (conn, input, call) => {
  const t = await titleById(conn, input.customer_bill_id, call);
  if (t === undefined || document(t.clienteCpfcnpj) !== input.customer_document_number) return [];
  return toBills(conn, [t], call);
});
