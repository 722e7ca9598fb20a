import { ixcFunction } from '../connection.js';
import { requireCustomer } from '../customers.js';
import { toInvoice } from '../mappers/invoices.js';

/**
 * The customer's notas fiscais: sales (vd_saida) with a telecom model (62 NFCom, 21, 22) that were
 * finalised (F) or cancelled (C), newest first.
 */
export const listInvoices = ixcFunction('list_invoices', async (conn, input, call) => {
  const { row } = await requireCustomer(conn, input.customer_document_number, call);
  const sales = await conn.client.list(
    'vd_saida',
    [
      { column: 'id_cliente', value: row.id ?? '' },
      { column: 'modelo_nf', op: 'IN', value: '62,21,22' },
    ],
    call,
    { sort: 'data_emissao', order: 'desc' },
  );
  return sales
    .filter((s) => s.id_cliente === row.id && (s.status === 'F' || s.status === 'C'))
    .flatMap((s) => toInvoice(s) ?? [])
    .sort((a, b) =>
      a.data_emissao < b.data_emissao
        ? 1
        : a.data_emissao > b.data_emissao
          ? -1
          : Number(b.id_nota) - Number(a.id_nota),
    );
});
