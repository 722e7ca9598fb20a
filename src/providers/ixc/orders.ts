// What create_order and create_order_existing_customer share: checking an order's codes against
// IXC and the tenant's settings before anything is written.
import { PonteError } from '../../contract/index.js';
import type { FieldProblem, Order } from '../../contract/index.js';
import type { CallContext } from '../types.js';
import type { IxcConnection } from './connection.js';

/**
 * The order's product codes must be active sale plans, its due day one the tenant mapped to a
 * contract type, its reseller an active seller and its origin one of the tenant's origins;
 * otherwise INVALID_INPUT naming each field.
 */
export async function checkOrder(conn: IxcConnection, order: Order, call: CallContext): Promise<void> {
  const problems: FieldProblem[] = [];
  const codes = [...new Set(order.items.map((i) => i.product_code))];
  const products = await conn.client.list(
    'vd_contratos',
    [{ column: 'id', op: 'IN', value: codes.join(',') }],
    call,
  );
  order.items.forEach((item, index) => {
    if (!products.some((p) => p.id === item.product_code && p.Ativo === 'S')) {
      problems.push({
        path: `order.items.${index}.product_code`,
        message: `${item.product_code} is not an active plan in IXC`,
      });
    }
  });
  if (!Object.hasOwn(conn.settings.due_day_contract_types, order.due_date_code)) {
    problems.push({
      path: 'order.due_date_code',
      message: `${order.due_date_code} is not one of list_due_dates`,
    });
  }
  if (order.reseller_code !== undefined) {
    const seller = await conn.client.byId('vendedor', order.reseller_code, call);
    if (seller?.status !== 'A')
      problems.push({
        path: 'order.reseller_code',
        message: `${order.reseller_code} is not an active seller in IXC`,
      });
  }
  const origins = conn.options.commercial_origins;
  if (
    order.commercial_origin_code !== undefined &&
    origins.length > 0 &&
    !origins.some((o) => o.code === order.commercial_origin_code)
  ) {
    problems.push({
      path: 'order.commercial_origin_code',
      message: `${order.commercial_origin_code} is not one of list_commercial_origins`,
    });
  }
  const first = problems[0];
  if (first !== undefined) {
    throw new PonteError('INVALID_INPUT', `Invalid input at ${first.path}: ${first.message}`, {
      details: problems,
    });
  }
}
