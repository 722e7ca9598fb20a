import { sandboxFunction } from '../declare.js';
import { PonteError } from '../../../contract/index.js';
import type { FunctionInput } from '../../../contract/index.js';
import { renderInvoicePdf } from '../../../render/invoice-pdf.js';
import type { InvoiceDocument } from '../../../render/invoice-pdf.js';
import { addressLine } from '../address.js';
import { billPix, billSlip, invoiceProtocol } from '../billing.js';
import { callDay } from '../connection.js';
import { requireCustomerRecord } from '../customers.js';
import { rowId } from '../records.js';
import type { SandboxConnection } from '../connection.js';
import { amountDue } from '../mappers/bills.js';
import { toInvoice } from '../mappers/invoices.js';

/**
 * What the DANFE-COM shows for one of the customer's notas fiscais (one per bill, same number). A cancelled
 * note is rendered as such, without fiscal value; an open bill's payment data is printed on it.
 */
function invoiceDocument(
  conn: SandboxConnection,
  input: FunctionInput<'get_invoice_pdf'>,
  today: string,
): InvoiceDocument {
  const customer = requireCustomerRecord(conn, input.customer_document_number);
  const bill = conn.q.billById.get(rowId(input.invoice_id));
  if (bill === undefined || bill.customer_id !== customer.id) {
    throw new PonteError(
      'INVOICE_NOT_FOUND',
      `The sandbox has no nota fiscal ${input.invoice_id} for this customer`,
    );
  }
  const invoice = toInvoice(bill, conn.codes);
  const authorized = invoice.status === 'authorized';
  const open = bill.status === 'open';
  const payment = open
    ? {
        dueDate: bill.due_on,
        line: billSlip(conn.billing, { id: bill.id, dueOn: bill.due_on, amountCents: bill.amount_cents })
          .line,
        pixCode: billPix(
          conn.billing,
          bill.id,
          amountDue(bill, today, conn.rule, customer.person_type === 'F').totalCents,
        ),
      }
    : {};
  return {
    issuer: {
      name: conn.billing.beneficiaryName,
      document: conn.billing.beneficiaryDocument,
    },
    customer: {
      name: customer.name,
      document: customer.document,
      address: addressLine(customer),
      customerCode: String(customer.id),
    },
    number: invoice.numero,
    series: invoice.serie,
    model: invoice.modelo,
    issueDate: invoice.data_emissao,
    accessKey: invoice.chave_acesso,
    authorized,
    ...(authorized
      ? {
          authorizationProtocol: invoiceProtocol(conn.billing, { issuedOn: bill.issued_on, number: bill.id }),
        }
      : {}),
    items: [
      {
        description: bill.description,
        quantity: 1,
        unitCents: bill.amount_cents,
        totalCents: bill.amount_cents,
      },
    ],
    totalCents: bill.amount_cents,
    ...payment,
  };
}

export const getInvoicePdf = sandboxFunction('get_invoice_pdf', async (conn, input, call) => {
  const today = callDay(conn, call);
  const pdf = await renderInvoicePdf(conn.inRead(() => invoiceDocument(conn, input, today)));
  return { base_64: pdf.toString('base64') };
});
