import { todayInBrazil } from '../../../brasil/dates.js';
import { formatMoney } from '../../../brasil/money.js';
import { PonteError } from '../../../contract/index.js';
import type { FunctionOutput } from '../../../contract/index.js';
import type { ProviderFunction } from '../../types.js';
import { billOf, requireCustomer, requireSetting } from '../connection.js';
import type { IxcConnection } from '../connection.js';
import { brDate, cents, marker } from '../mappers.js';

type Output = FunctionOutput<'settle_bill'>;

/**
 * Records the payment with a manual settlement (fn_areceber_recebimentos_baixas_novo), exactly
 * once per transaction.id:
 * - the bill is read first; a bill already received (R) is already_settled, unless the receipt
 *   carrying this transaction's marker is Ponte's own (an earlier attempt whose answer was lost),
 *   which is settled; a cancelled bill is rejected;
 * - otherwise the settlement is posted once, never retried; IXC's `type: error` is rejected;
 *   a transport failure is ERP_UNAVAILABLE and a later retry reads the bill again first.
 * The receipt goes to the tenant's cash_account_id and branch_id, tipo_recebimento by method.
 */
export const settleBill: ProviderFunction<IxcConnection, 'settle_bill'> = async (
  conn,
  input,
  call,
): Promise<Output> => {
  const customer = await requireCustomer(conn, input.customer_document_number, call);
  const bill = await billOf(conn, customer.row, input.boleto_id, call);
  if (bill === undefined)
    throw new PonteError('BILL_NOT_FOUND', `IXC has no bill ${input.boleto_id} for this customer`);
  const tx = input.transaction;
  const tag = marker(`tx:${tx.id}`);
  if (bill.status === 'R' || bill.status === 'P') {
    const ours = await conn.client.list(
      'fn_areceber_baixas',
      [
        { column: 'id_receber', value: bill.id ?? '' },
        { column: 'historico', op: 'L', value: tag },
      ],
      call,
      { limit: 1 },
    );
    if (ours[0] !== undefined) {
      return {
        success: true,
        status: 'settled',
        api_response: JSON.stringify(ours[0]),
        settlement_id: ours[0].id ?? '',
      };
    }
  }
  const state = JSON.stringify({
    id: bill.id,
    status: bill.status,
    valor: bill.valor,
    valor_aberto: bill.valor_aberto,
    valor_recebido: bill.valor_recebido,
    pagamento_data: bill.pagamento_data,
  });
  if (bill.status === 'R') return { success: false, status: 'already_settled', api_response: state };
  if (bill.status === 'C') return { success: false, status: 'rejected', api_response: state };

  const account = requireSetting(conn, 'cash_account_id');
  const open = cents(bill.valor_aberto);
  const method = tx.method ?? 'pix';
  const details = [
    tx.end_to_end_id && `E2E ${tx.end_to_end_id}`,
    tx.nsu && `NSU ${tx.nsu}`,
    tx.authorization_code && `aut. ${tx.authorization_code}`,
  ]
    .filter(Boolean)
    .join(' ');
  const result = await conn.client.writeAction(
    'fn_areceber_recebimentos_baixas_novo',
    {
      filial_id: bill.filial_id || requireSetting(conn, 'branch_id'),
      id_receber: bill.id ?? '',
      conta_: account,
      id_conta: account,
      tipo_recebimento: conn.settings.receipt_types[method],
      data: brDate(todayInBrazil(new Date(tx.paid_at))),
      valor_parcela: formatMoney(open),
      vacrescimo: formatMoney(Math.max(0, tx.amount - open)),
      valor_total_recebido: formatMoney(tx.amount),
      documento: (tx.end_to_end_id ?? tx.txid ?? tx.nsu ?? tx.id).slice(0, 40),
      previsao: 'N',
      historico: `Recebido via Ponte (${method}) ${details} ${tag}`.replace(/\s+/g, ' '),
    },
    call,
  );
  if (!result.ok) return { success: false, status: 'rejected', api_response: result.raw };
  return {
    success: true,
    status: 'settled',
    api_response: result.raw,
    ...(result.id ? { settlement_id: result.id } : {}),
  };
};
