// The NFCom of each sandbox bill as the contract's Invoice.
import { formatMoney } from '../../../brasil/money.js';
import type { Invoice } from '../../../contract/index.js';
import { INVOICE_MODEL, INVOICE_SERIES } from '../billing.js';
import type { SlipMemo } from '../billing.js';
import type { BillRow } from '../rows.js';

/** The NFCom issued with each bill: same number as the bill, cancelled with it. */
export function toInvoice(
  bill: Pick<BillRow, 'id' | 'status' | 'amount_cents' | 'issued_on'>,
  codes: SlipMemo,
): Invoice {
  return {
    id_nota: String(bill.id),
    numero: String(bill.id),
    serie: INVOICE_SERIES,
    modelo: INVOICE_MODEL,
    status: bill.status === 'cancelled' ? 'cancelled' : 'authorized',
    valor: formatMoney(bill.amount_cents),
    data_emissao: bill.issued_on,
    chave_acesso: codes.accessKey({ issuedOn: bill.issued_on, number: bill.id }),
    url_nota_fiscal: '',
  };
}
