import { sandboxFunction } from '../declare.js';
import { formatMoneyBRL } from '../../../brasil/money.js';
import { PonteError } from '../../../contract/index.js';
import type { FunctionInput } from '../../../contract/index.js';
import { renderBoletoPdf } from '../../../render/boleto-pdf.js';
import type { BoletoDocument } from '../../../render/boleto-pdf.js';
import { formatDateBR } from '../../../render/text.js';
import { agencyAccount, BANK_NAMES, billPix, billSlip, ourNumberCode } from '../billing.js';
import { callDay } from '../connection.js';
import { requireCustomerRecord } from '../customers.js';
import { rowId } from '../records.js';
import type { SandboxConnection } from '../connection.js';
import { addressLine } from '../address.js';
import { amountDue } from '../mappers/bills.js';
import type { LateFeeRule } from '../mappers/bills.js';

function percent(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(2).replace('.', ',')}%`;
}

function instructionsFor(rule: LateFeeRule, discountCents: number, paidOn: string | null): string[] {
  const lines = [
    `Após o vencimento, multa de ${percent(rule.fineBasisPoints)} e juros de ` +
      `${percent(rule.monthlyInterestBasisPoints)} ao mês, pro rata die.`,
  ];
  if (discountCents > 0)
    lines.push(`Até o vencimento, conceder desconto de ${formatMoneyBRL(discountCents)}.`);
  if (paidOn !== null) lines.push(`PAGO em ${formatDateBR(paidOn)}.`);
  return lines;
}

/**
 * The boleto to render (the sandbox keeps no PDFs). With customer_document_number (required when the
 * tenant says so) the boleto must be that customer's. A cancelled bill has no boleto to print.
 */
function boletoDocument(
  conn: SandboxConnection,
  input: FunctionInput<'get_boleto_pdf'>,
  today: string,
): BoletoDocument {
  const document = input.customer_document_number;
  if (document === undefined && conn.options.require_document_for_boleto_pdf) {
    throw new PonteError('INVALID_INPUT', 'customer_document_number is required for get_boleto_pdf', {
      details: [{ path: 'customer_document_number', message: 'required by the tenant settings' }],
    });
  }
  const owner = document === undefined ? undefined : requireCustomerRecord(conn, document);
  const bill = conn.q.billById.get(rowId(input.boleto_id));
  if (bill === undefined || (owner !== undefined && bill.customer_id !== owner.id)) {
    throw new PonteError('BILL_NOT_FOUND', `The sandbox has no boleto ${input.boleto_id} for this customer`);
  }
  if (bill.status === 'cancelled') {
    throw new PonteError(
      'BILL_NOT_FOUND',
      `Boleto ${input.boleto_id} was cancelled and can no longer be printed`,
    );
  }
  const payer = owner ?? conn.q.customerById.get(bill.customer_id)!;
  const { barcode } = billSlip(conn.billing, {
    id: bill.id,
    dueOn: bill.due_on,
    amountCents: bill.amount_cents,
  });
  const pixCode =
    bill.status === 'open'
      ? billPix(
          conn.billing,
          bill.id,
          amountDue(bill, today, conn.rule, payer.person_type === 'F').totalCents,
        )
      : undefined;
  return {
    bankCode: conn.billing.bankCode,
    bankName: BANK_NAMES[conn.billing.bankCode] ?? `Banco ${conn.billing.bankCode}`,
    beneficiary: { name: conn.billing.beneficiaryName, document: conn.billing.beneficiaryDocument },
    payer: { name: payer.name, document: payer.document, address: addressLine(payer) },
    agencyAccount: agencyAccount(),
    ourNumber: ourNumberCode(bill.id),
    documentNumber: String(bill.id),
    issueDate: bill.issued_on,
    dueDate: bill.due_on,
    amountCents: bill.amount_cents,
    barcode,
    ...(pixCode === undefined ? {} : { pixCode }),
    instructions: instructionsFor(
      conn.rule,
      bill.discount_cents,
      bill.status === 'paid' ? bill.paid_on : null,
    ),
    description: bill.description,
  };
}

export const getBoletoPdf = sandboxFunction('get_boleto_pdf', async (conn, input, call) => {
  const today = callDay(conn, call);
  const pdf = await renderBoletoPdf(conn.inRead(() => boletoDocument(conn, input, today)));
  return { base_64: pdf.toString('base64') };
});
