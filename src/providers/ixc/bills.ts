// Look-ups of a customer's bills, valued for today.
import type { Bill } from '../../contract/index.js';
import { byDueDate } from '../kit/valuation.js';
import type { FeeRule } from '../kit/valuation.js';
import type { CallContext } from '../types.js';
import type { IxcRow } from './client.js';
import { today } from './connection.js';
import type { IxcConnection } from './connection.js';
import type { CustomerRecord } from './customers.js';
import { pixCodeOf, pixFeeRule, toBill } from './mappers/bills.js';

/** The tenant's late-fee rule, for bills whose wallet reports none through get_pix. */
function tenantRule(conn: IxcConnection): FeeRule {
  return {
    fineBasisPoints: conn.options.late_fees.fine_basis_points,
    monthlyInterestBasisPoints: conn.options.late_fees.monthly_interest_basis_points,
    interestFrom: conn.options.late_fees.interest_from,
  };
}

/**
 * Bills valued for today, oldest due date first. For each open bill get_pix gives its Pix code
 * and the wallet's fee rates; a bill get_pix refuses (no Pix on its wallet) keeps no Pix code and
 * the tenant's rule.
 */
export async function valuedBills(
  conn: IxcConnection,
  rows: IxcRow[],
  customer: CustomerRecord,
  call: CallContext,
): Promise<Bill[]> {
  const day = today(call);
  const bills = await Promise.all(
    rows.map(async (row) => {
      let rule = tenantRule(conn);
      let pixCode = '';
      if (row.status === 'A' || row.status === 'P') {
        const pix = await conn.client.readJson('get_pix', { id_areceber: row.id ?? '' }, call);
        if ('value' in pix) {
          const rates = pixFeeRule(pix.value);
          if (rates !== null) rule = { ...rule, ...rates };
          pixCode = pixCodeOf(pix.value);
        } else {
          call.log.info({ bill: row.id, reason: pix.error }, 'IXC gave no Pix for this bill');
        }
      }
      return toBill(row, {
        today: day,
        document: customer.document,
        customerName: customer.row.razao ?? '',
        consumer: customer.row.tipo_pessoa !== 'J',
        rule,
        pixCode,
      });
    }),
  );
  return bills.sort(byDueDate);
}

/** A bill of this customer by id, or undefined (someone else's bill is as good as absent). */
export async function billOf(
  conn: IxcConnection,
  customer: IxcRow,
  billId: string,
  call: CallContext,
): Promise<IxcRow | undefined> {
  const row = await conn.client.byId('fn_areceber', billId, call);
  return row !== undefined && row.id_cliente === customer.id ? row : undefined;
}
