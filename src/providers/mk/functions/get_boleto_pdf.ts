import { PonteError } from '../../../contract/index.js';
import { httpUrl, text } from '../../kit/index.js';
import { renderFromLine } from '../boleto.js';
import { mkFunction } from '../connect.js';
import { codesOf, requireCustomer } from '../customers.js';
import { SERVICES } from '../services.js';

/**
 * WSMKSegundaViaCobranca (cd_fatura) for its PathDownload, downloaded and returned as base64.
 * With customer_document_number (or when the tenant requires it) the 2ª via's CodigoPessoa must be
 * one of that customer's registrations. Without a link (or when it is gone) Ponte renders the
 * boleto from MK's linha digitável; without a valid one it is BILL_NOT_FOUND.
 */
export const getBoletoPdf = mkFunction('get_boleto_pdf', async (conn, input, call) => {
  const document = input.customer_document_number;
  if (document === undefined && conn.options.require_document_for_boleto_pdf) {
    throw new PonteError('INVALID_INPUT', 'customer_document_number is required for this tenant', {
      details: [{ path: 'customer_document_number', message: 'required by the tenant settings' }],
    });
  }
  const answer = await conn.client.call(SERVICES.segundaVia, { cd_fatura: input.boleto_id }, call);
  const missing = () => new PonteError('BILL_NOT_FOUND', `MK has no boleto ${input.boleto_id} to print`);
  if (answer.error !== null) throw missing();
  const body = answer.body as Record<string, unknown>;
  if (document !== undefined) {
    const customer = await requireCustomer(conn, document, call).catch((error: unknown) => {
      throw error instanceof PonteError && error.code === 'CUSTOMER_NOT_FOUND' ? missing() : error;
    });
    if (!codesOf(customer).includes(text(body.CodigoPessoa))) throw missing();
  }
  const link = httpUrl(body.PathDownload);
  const pdf =
    (link === '' ? null : await conn.client.downloadPdf(link, call)) ??
    (await renderFromLine(conn, input.boleto_id, body, document ?? '', call));
  if (pdf === null) throw missing();
  return { base_64: pdf.toString('base64') };
});
