import { PonteError } from '../../../contract/index.js';
import { renderBoletoPdf } from '../../../render/boleto-pdf.js';
import { isValidBoletoBarcode } from '../../../brasil/boleto.js';
import type { CallContext, ProviderFunction } from '../../types.js';
import { requireBill } from '../connection.js';
import type { HubsoftConnection } from '../connection.js';
import { normaliseDocument, text, toCents, toIsoDate } from '../mappers.js';
import type { HubsoftBill } from '../types.js';

/** A boleto Ponte draws itself when Hubsoft printed no link (or its link is gone) but gave the barcode. */
async function render(bill: HubsoftBill, call: CallContext): Promise<Buffer | null> {
  const barcode = text(bill.codigo_barras).replace(/\D/g, '');
  const amount = toCents(bill.valor);
  const due = toIsoDate(bill.data_vencimento);
  if (!isValidBoletoBarcode(barcode) || amount === null || due === null) return null;
  call.warn(`fatura ${text(bill.id_fatura)}: Hubsoft served no PDF, so Ponte rendered the boleto`);
  const form = bill.forma_cobranca;
  return renderBoletoPdf({
    bankCode: barcode.slice(0, 3),
    bankName: text(form?.descricao) || barcode.slice(0, 3),
    beneficiary: {
      name: text(bill.empresa?.nome_razaosocial),
      document: normaliseDocument(bill.empresa?.documento),
    },
    payer: {
      name: text(bill.cliente?.nome_razaosocial),
      document: normaliseDocument(bill.cliente?.cpf_cnpj),
    },
    agencyAccount: [text(form?.agencia), text(form?.conta)].filter((p) => p !== '').join(' / '),
    ourNumber: text(bill.nosso_numero),
    documentNumber: text(bill.id_fatura),
    issueDate: toIsoDate(bill.data_cadastro) ?? due,
    dueDate: due,
    amountCents: amount,
    barcode,
    ...(text(bill.pix_copia_e_cola) === '' ? {} : { pixCode: text(bill.pix_copia_e_cola) }),
  });
}

/**
 * The boleto PDF, downloaded from the fatura's public link and returned as base64. Without
 * customer_document_number the boleto id must be one list_bills answered (it names the service).
 */
export const getBoletoPdf: ProviderFunction<HubsoftConnection, 'get_boleto_pdf'> = async (
  conn,
  input,
  call,
) => {
  const document = input.customer_document_number;
  if (document === undefined && conn.options.require_document_for_boleto_pdf) {
    throw new PonteError('INVALID_INPUT', 'customer_document_number is required for this tenant', {
      details: [{ path: 'customer_document_number', message: 'required by the tenant settings' }],
    });
  }
  const bill = await requireBill(conn, input.boleto_id, document, call);
  const link = text(bill.link);
  const pdf = (link === '' ? null : await conn.client.downloadPdf(link, call)) ?? (await render(bill, call));
  if (pdf === null) {
    throw new PonteError(
      'BILL_NOT_FOUND',
      `Hubsoft has no boleto to print for fatura ${text(bill.id_fatura)}`,
    );
  }
  return { base_64: pdf.toString('base64') };
};
