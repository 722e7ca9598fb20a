import { PonteError } from '../../../contract/index.js';
import { rejected } from '../../kit/http.js';
import { ixcFunction } from '../connection.js';
import { requireCustomer } from '../customers.js';
import { toInvoice } from '../mappers/invoices.js';

/** The nota's PDF from imprimir_nota; a nota of another customer is INVOICE_NOT_FOUND. */
export const getInvoicePdf = ixcFunction('get_invoice_pdf', async (conn, input, call) => {
  const { row } = await requireCustomer(conn, input.customer_document_number, call);
  const sale = await conn.client.byId('vd_saida', input.invoice_id, call);
  if (sale === undefined || sale.id_cliente !== row.id || toInvoice(sale) === null) {
    throw new PonteError('INVOICE_NOT_FOUND', `IXC has no nota fiscal ${input.invoice_id} for this customer`);
  }
  const answer = await conn.client.pdf('imprimir_nota', { id: sale.id ?? '', base64: 'S' }, call);
  if ('error' in answer) throw rejected('IXC', answer.error, 200, answer.error);
  return { base_64: answer.pdf.toString('base64') };
});
