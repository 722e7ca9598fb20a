import { valuedBills } from '../bills.js';
import { ixcFunction } from '../connection.js';
import { requireCustomer } from '../customers.js';
import { billStatus } from '../mappers/bills.js';

/**
 * The customer's open bills (A aberto, P parcial) that are released to the customer
 * (liberado S; hidden bills are left out), oldest due date first, valued for today.
 */
export const listBills = ixcFunction('list_bills', async (conn, input, call) => {
  const customer = await requireCustomer(conn, input.customer_document_number, call);
  const id = customer.row.id ?? '';
  const rows = await conn.client.list(
    'fn_areceber',
    [
      { column: 'id_cliente', value: id },
      { column: 'liberado', value: 'S' },
      { column: 'status', op: '!=', value: 'R' },
      { column: 'status', op: '!=', value: 'C' },
    ],
    call,
    { sort: 'data_vencimento' },
  );
  // The filters are checked again: a bill of someone else must never leave here.
  const open = rows.filter((r) => r.id_cliente === id && r.liberado === 'S' && billStatus(r) === 'open');
  return valuedBills(conn, open, customer, call);
});
