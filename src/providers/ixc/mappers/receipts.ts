// The body of IXC's manual settlement (fn_areceber_recebimentos_baixas_novo), as the public clients
// that ran against real installations send it (docs/erp/ixc.md, settle_bill):
// - conta_ is the account / cash box that receives the money (the tenant's cash_account_id);
//   id_conta is the bill's own planning account (fn_areceber.id_conta, "planejamento analítico"),
//   never the cash account;
// - credito and debito carry the amount received, tipo_lanc is R (a receipt);
// - money with a dot decimal ("99.90"), as the client proven on a live tenant sends it; the date
//   dd/mm/yyyy.
import { brDate } from '../../kit/edge.js';
import { formatMoney } from '../../../brasil/money.js';
import { todayInBrazil } from '../../../brasil/dates.js';
import type { FunctionInput } from '../../../contract/index.js';
import { cents } from '../../kit/edge.js';
import type { IxcRow } from '../client.js';
import type { IxcSettings } from '../settings.js';

type Transaction = FunctionInput<'settle_bill'>['transaction'];
export type ReceiptMethod = NonNullable<Transaction['method']>;

/**
 * tipo_recebimento of a receipt: the tenant's receipt_types for the method when set; else Pix
 * for pix and D (dinheiro) for cash, the codes real clients send; else the bill's own
 * tipo_recebimento (what a client against IXC's demo server copies), else D.
 */
export function receiptType(method: ReceiptMethod, bill: IxcRow, settings: IxcSettings): string {
  const chosen = settings.receipt_types[method];
  if (chosen !== undefined) return chosen;
  if (method === 'pix') return 'Pix';
  if (method === 'cash') return 'D';
  return (bill.tipo_recebimento ?? '').trim() || 'D';
}

export interface ReceiptAccounts {
  /** The account / cash box receiving the money. */
  cashAccount: string;
  /** The planning account, the bill's own. */
  planningAccount: string;
  branch: string;
}

/** The settlement's body for `tx` on `bill`; `tag` is the transaction's marker for historico. */
export function receiptBody(
  bill: IxcRow,
  tx: Transaction,
  accounts: ReceiptAccounts,
  settings: IxcSettings,
  tag: string,
): Record<string, string> {
  const open = cents(bill.valor_aberto) ?? 0;
  const method = tx.method ?? 'pix';
  const details = [
    tx.end_to_end_id && `E2E ${tx.end_to_end_id}`,
    tx.nsu && `NSU ${tx.nsu}`,
    tx.authorization_code && `aut. ${tx.authorization_code}`,
  ]
    .filter(Boolean)
    .join(' ');
  const received = formatMoney(tx.amount);
  return {
    filial_id: accounts.branch,
    id_receber: bill.id ?? '',
    conta_: accounts.cashAccount,
    id_conta: accounts.planningAccount,
    tipo_recebimento: receiptType(method, bill, settings),
    data: brDate(todayInBrazil(new Date(tx.paid_at))),
    valor_parcela: formatMoney(open),
    vacrescimo: formatMoney(Math.max(0, tx.amount - open)),
    credito: received,
    debito: received,
    valor_total_recebido: received,
    documento: (tx.end_to_end_id ?? tx.txid ?? tx.nsu ?? tx.id).slice(0, 40),
    previsao: 'N',
    tipo_lanc: 'R',
    historico: `Recebido via Ponte (${method}) ${details} ${tag}`.replace(/\s+/g, ' '),
  };
}
