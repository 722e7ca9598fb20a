import { PonteError } from '../../../contract/index.js';
import { missingSetting, voalleFunction } from '../client.js';
import { requirePerson } from '../customers.js';

/**
 * GET billings/invoices/download/{documentId} (DANFE, binary per the Go SDK). Voalle's third-party
 * API cannot tell whose a document is, so this answers only when the tenant accepts that with
 * invoice_pdf_without_ownership_check (the customer must still exist).
 */
export const getInvoicePdf = voalleFunction('get_invoice_pdf', async (conn, input, call) => {
  if (!conn.settings.invoice_pdf_without_ownership_check) {
    throw missingSetting(
      'get_invoice_pdf',
      'invoice_pdf_without_ownership_check',
      'Voalle cannot check whose a nota fiscal is',
    );
  }
  await requirePerson(conn, input.customer_document_number, call);
  const notFound = new PonteError('INVOICE_NOT_FOUND', `Voalle has no nota fiscal ${input.invoice_id}`);
  if (!/^\d+$/.test(input.invoice_id)) throw notFound;
  const pdf = await conn.client.pdf(`billings/invoices/download/${input.invoice_id}`, call);
  if (!Buffer.isBuffer(pdf)) throw notFound;
  return { base_64: pdf.toString('base64') };
});
