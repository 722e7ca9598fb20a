import { PonteError } from '../../../contract/index.js';
import { parseMoney } from '../../../brasil/money.js';
import { renderInvoicePdf } from '../../../render/invoice-pdf.js';
import type { CallContext } from '../../kit/index.js';
import { document, text } from '../../kit/index.js';
import { sgpFunction } from '../client.js';
import type { SgpConnection } from '../client.js';
import { requireContracts } from '../customers.js';
import { invoicesOf } from '../invoices.js';
import type { FoundInvoice } from '../invoices.js';

/** SGP's own PDF: NFCom from nfcom/print/{numero} (form contrato, formato pdf), others from their link. */
async function sgpPdf(conn: SgpConnection, found: FoundInvoice, call: CallContext): Promise<Buffer | null> {
  if (found.kind === 'nfcom') {
    return conn.client.postPdf(
      `/api/central/nfcom/print/${found.invoice.numero}`,
      { contrato: found.contract, formato: 'pdf' },
      call,
    );
  }
  const link = found.invoice.url_nota_fiscal;
  return link === '' ? null : conn.client.downloadPdf(link, call);
}

/**
 * The tax document's PDF from SGP (unverified: no example bytes are known, and a nota's public
 * link may be an HTML page); when SGP gives no PDF, Ponte renders the document from what SGP listed.
 */
export const getInvoicePdf = sgpFunction('get_invoice_pdf', async (conn, input, call) => {
  const entries = await requireContracts(conn, input.customer_document_number, call);
  const found = (await invoicesOf(conn, entries, call)).find((f) => f.invoice.id_nota === input.invoice_id);
  if (found === undefined)
    throw new PonteError('INVOICE_NOT_FOUND', `SGP has no nota fiscal ${input.invoice_id} for this customer`);
  const downloaded = await sgpPdf(conn, found, call);
  if (downloaded !== null) return { base_64: downloaded.toString('base64') };
  const { invoice } = found;
  call.warn(`nota ${invoice.numero}: SGP served no PDF, so Ponte rendered it`);
  const parsed = parseMoney(invoice.valor);
  const total = parsed.ok ? parsed.cents : 0;
  const issuer =
    found.kind === 'nota'
      ? { name: text(found.nota.empresa_razao_social), document: document(found.nota.empresa_cnpj) }
      : found.kind === 'nfse'
        ? { name: text(found.nfse.empresa_razao_social), document: document(found.nfse.empresa_cnpj) }
        : { name: '', document: '' };
  const pdf = await renderInvoicePdf({
    issuer,
    customer: { name: text(entries[0]!.razaoSocial), document: input.customer_document_number },
    number: invoice.numero,
    series: invoice.serie,
    model: invoice.modelo,
    issueDate: invoice.data_emissao,
    accessKey: invoice.chave_acesso,
    authorized: invoice.status === 'authorized',
    items: [
      { description: 'Serviço de Comunicação Multimídia', quantity: 1, unitCents: total, totalCents: total },
    ],
    totalCents: total,
  });
  return { base_64: pdf.toString('base64') };
});
