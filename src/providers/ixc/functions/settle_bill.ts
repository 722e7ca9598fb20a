import { PonteError } from '../../../contract/index.js';
import type { FunctionOutput } from '../../../contract/index.js';
import { billOf } from '../bills.js';
import { declared, ixcFunction, requireSetting } from '../connection.js';
import { requireCustomer } from '../customers.js';
import { receiptBody } from '../mappers/receipts.js';
import { marker } from '../markers.js';

type Output = FunctionOutput<'settle_bill'>;

/**
 * Records the payment with a manual settlement (fn_areceber_recebimentos_baixas_novo), exactly
 * once per transaction.id:
 * - the bill is read first; a bill already received (R) is already_settled, unless the receipt
 *   carrying this transaction's marker is Ponte's own (an earlier attempt whose answer was lost),
 *   which is settled; a cancelled bill is rejected;
 * - otherwise the settlement is posted once, never retried; IXC's `type: error` is rejected;
 *   a transport failure is ERP_UNAVAILABLE and a later retry reads the bill again first.
 * The money goes to the tenant's cash_account_id (conta_), booked to the bill's own planning
 * account (id_conta); see mappers/receipts.ts. branch_id only for a bill without its filial.
 */
export const settleBill = ixcFunction(
  'settle_bill',
  { needs: ['cash_account_id'] },
  async (conn, input, call): Promise<Output> => {
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

    // The bill's planning account; a bill without one uses the tenant's planning_account_id.
    const planning = (bill.id_conta ?? '').trim() || requireSetting(conn, 'planning_account_id');
    const accounts = {
      cashAccount: declared(conn, 'cash_account_id'),
      planningAccount: planning,
      branch: bill.filial_id || requireSetting(conn, 'branch_id'),
    };
    const result = await conn.client.writeAction(
      'fn_areceber_recebimentos_baixas_novo',
      receiptBody(bill, tx, accounts, conn.settings, tag),
      call,
    );
    if (!result.ok) return { success: false, status: 'rejected', api_response: result.raw };
    return {
      success: true,
      status: 'settled',
      api_response: result.raw,
      ...(result.id ? { settlement_id: result.id } : {}),
    };
  },
);
