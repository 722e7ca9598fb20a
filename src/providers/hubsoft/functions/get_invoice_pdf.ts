// get_invoice_pdf: the nota's PDF from the link Hubsoft prints for it; INVOICE_NOT_FOUND when it is
// not the customer's or has none.
import { PonteError } from '../../../contract/index.js';
import { hubsoftFunction } from '../connection.js';
import { customerInvoices } from '../invoices.js';

export const getInvoicePdf = hubsoftFunction('get_invoice_pdf', async (conn, input, call) => {
  const notes = await customerInvoices(conn, input.customer_document_number, call);
  const note = notes.find((n) => n.invoice.id_nota === input.invoice_id);
  const pdf =
    note === undefined || note.pdfUrl === '' ? null : await conn.client.downloadPdf(note.pdfUrl, call);
  if (pdf === null) {
    throw new PonteError(
      'INVOICE_NOT_FOUND',
      `Hubsoft has no PDF of invoice ${input.invoice_id} for this customer`,
    );
  }
  return { base_64: pdf.toString('base64') };
});
