import { PonteError } from '../../../contract/index.js';
import { isValidBoletoBarcode } from '../../../brasil/boleto.js';
import { renderBoletoPdf } from '../../../render/boleto-pdf.js';
import { cents, digits, document, isoDate, text } from '../../kit/index.js';
import { sgpFunction } from '../client.js';
import { requireTitle } from '../bills.js';
import { pixOf, titleStatus } from '../mappers/bills.js';

/**
 * The boleto from the título's `link` (downloaded without auth, as a production client does);
 * when the link gives no PDF (an HTML page, gone), Ponte renders one from the título's barcode.
 * Cancelled títulos are BILL_NOT_FOUND.
 */
export const getBoletoPdf = sgpFunction('get_boleto_pdf', async (conn, input, call) => {
  const doc = input.customer_document_number;
  if (doc === undefined && conn.options.require_document_for_boleto_pdf) {
    throw new PonteError('INVALID_INPUT', 'customer_document_number is required for this tenant', {
      details: [{ path: 'customer_document_number', message: 'required by the tenant settings' }],
    });
  }
  const t = await requireTitle(conn, input.boleto_id, doc, call);
  if (titleStatus(t) === 'cancelled')
    throw new PonteError('BILL_NOT_FOUND', `título ${input.boleto_id} is cancelled in SGP`);
  const link = text(t.link);
  const downloaded = /^https?:\/\//i.test(link) ? await conn.client.downloadPdf(link, call) : null;
  if (downloaded !== null) return { base_64: downloaded.toString('base64') };
  const barcode = digits(t.codigoBarras);
  const due = isoDate(t.dataVencimento);
  if (!isValidBoletoBarcode(barcode) || due === null) {
    throw new PonteError('BILL_NOT_FOUND', `SGP has no printable boleto for título ${input.boleto_id}`);
  }
  call.warn(`título ${input.boleto_id}: SGP served no PDF, so Ponte rendered the boleto`);
  const pix = pixOf(t);
  const pdf = await renderBoletoPdf({
    bankCode: barcode.slice(0, 3),
    bankName: text(t.portador) || barcode.slice(0, 3),
    beneficiary: { name: '', document: '' },
    payer: { name: text(t.clienteNome), document: document(t.clienteCpfcnpj) },
    agencyAccount: '',
    ourNumber: text(t.nossoNumero),
    documentNumber: text(t.numeroDocumento) || text(t.id),
    issueDate: isoDate(t.dataEmissao) ?? due,
    dueDate: due,
    amountCents: cents(t.valor) ?? 0,
    barcode,
    ...(pix === '' ? {} : { pixCode: pix }),
  });
  return { base_64: pdf.toString('base64') };
});
