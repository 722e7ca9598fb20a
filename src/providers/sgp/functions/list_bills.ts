import { document } from '../../kit/index.js';
import { sgpFunction } from '../client.js';
import { titles, toBills } from '../bills.js';

/** The customer's open títulos (status=abertos), oldest due date first, amounts as SGP corrects them today. */
export const listBills = sgpFunction('list_bills', async (conn, input, call) => {
  const doc = input.customer_document_number;
  const open = await titles(conn, { cpfcnpj: doc, status: 'abertos' }, call);
  // SGP filters by document; the owner is checked again here.
  const bills = await toBills(
    conn,
    open.filter((t) => document(t.clienteCpfcnpj) === doc),
    call,
  );
  return bills.filter((b) => b.status === 'open');
});
