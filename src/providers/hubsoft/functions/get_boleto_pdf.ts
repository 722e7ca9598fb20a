// get_boleto_pdf: the boleto PDF, downloaded from the fatura's public link and returned as base64;
// without a link (débito em conta) or when it is gone, drawn by Ponte from the barcode. Without
// customer_document_number the boleto id must be one list_bills answered (it names the service).
import { isValidBoletoBarcode } from '../../../brasil/boleto.js';
import { PonteError } from '../../../contract/index.js';
import { renderBoletoPdf } from '../../../render/boleto-pdf.js';
import { cents, digits, document, isoDate, text } from '../../kit/edge.js';
import type { CallContext } from '../../types.js';
import { requireBill } from '../bills.js';
import { hubsoftFunction } from '../connection.js';
import { pixCode } from '../mappers/bills.js';
import type { HubsoftBill } from '../types.js';

/** A boleto Ponte draws itself when Hubsoft printed no link (or its link is gone) but gave the barcode. */
async function render(bill: HubsoftBill, call: CallContext): Promise<Buffer | null> {
  const barcode = digits(bill.codigo_barras);
  const amount = cents(bill.valor);
  const due = isoDate(bill.data_vencimento);
  if (!isValidBoletoBarcode(barcode) || amount === null || due === null) return null;
  call.warn(`fatura ${text(bill.id_fatura)}: Hubsoft served no PDF, so Ponte rendered the boleto`);
  const form = bill.forma_cobranca;
  return renderBoletoPdf({
    bankCode: barcode.slice(0, 3),
    bankName: text(form?.descricao) || barcode.slice(0, 3),
    beneficiary: {
      name: text(bill.empresa?.nome_razaosocial),
      document: document(bill.empresa?.documento),
    },
    payer: {
      name: text(bill.cliente?.nome_razaosocial),
      document: document(bill.cliente?.cpf_cnpj),
    },
    agencyAccount: [text(form?.agencia), text(form?.conta)].filter((p) => p !== '').join(' / '),
    ourNumber: text(bill.nosso_numero),
    documentNumber: text(bill.id_fatura),
    issueDate: isoDate(bill.data_cadastro) ?? due,
    dueDate: due,
    amountCents: amount,
    barcode,
    ...(pixCode(bill) === '' ? {} : { pixCode: pixCode(bill) }),
  });
}

export const getBoletoPdf = hubsoftFunction('get_boleto_pdf', async (conn, input, call) => {
  const cpfCnpj = input.customer_document_number;
  if (cpfCnpj === undefined && conn.options.require_document_for_boleto_pdf) {
    throw new PonteError('INVALID_INPUT', 'customer_document_number is required for this tenant', {
      details: [{ path: 'customer_document_number', message: 'required by the tenant settings' }],
    });
  }
  const bill = await requireBill(conn, input.boleto_id, cpfCnpj, call);
  const link = text(bill.link);
  const pdf = (link === '' ? null : await conn.client.downloadPdf(link, call)) ?? (await render(bill, call));
  if (pdf === null) {
    throw new PonteError(
      'BILL_NOT_FOUND',
      `Hubsoft has no boleto to print for fatura ${text(bill.id_fatura)}`,
    );
  }
  return { base_64: pdf.toString('base64') };
});
