import { PonteError } from '../../../contract/index.js';
import { echoOrder } from '../../../contract/index.js';
import { text } from '../../kit/index.js';
import { mkFunction } from '../connect.js';
import { findCustomer } from '../customers.js';
import { mainRecord } from '../mappers/customer.js';
import { createContract, createPessoa, requireSpecialApis } from '../sales.js';

/** INVALID_INPUT naming each order code MK or the tenant's lists would not take. */
function checkCodes(
  products: readonly { code: string }[],
  dueDates: readonly { code: string }[],
  product: string,
  due: string,
): void {
  const problems: { path: string; message: string }[] = [];
  if (!/^\d+$/.test(product) || (products.length > 0 && !products.some((p) => p.code === product)))
    problems.push({
      path: 'order.items.0.product_code',
      message: 'not a code list_products answers (an MK plano de acesso)',
    });
  if (!/^\d+$/.test(due) || (dueDates.length > 0 && !dueDates.some((d) => d.code === due)))
    problems.push({
      path: 'order.due_date_code',
      message: 'not a code list_due_dates answers (an MK regra de vencimento)',
    });
  if (problems.length > 0)
    throw new PonteError('INVALID_INPUT', 'the order names codes MK does not have', { details: problems });
}

/**
 * A new registration (WSMKNovaPessoa) and a contract on it (WSMKNovoContrato), both paid
 * "APIs especiais". A document that already is an MK registration gets the contract only, which
 * also completes an order whose contract failed after its registration was made. The contract's
 * code is remote_id.
 */
export const createOrder = mkFunction('create_order', async (conn, input, call) => {
  requireSpecialApis(conn, 'create_order');
  const { order } = input;
  checkCodes(
    conn.settings.products,
    conn.settings.due_dates,
    order.items[0]!.product_code,
    order.due_date_code,
  );
  const existing = await findCustomer(conn, order.customer.document_number, call);
  const pessoa =
    existing === null
      ? await createPessoa(
          conn,
          order,
          [input.message, order.notes ?? '', `[ponte:order:${order.id}]`].filter((l) => l !== '').join('\n'),
          call,
        )
      : text(mainRecord(existing.records).CodigoPessoa);
  const contract = await createContract(conn, pessoa, order, call);
  return {
    wda_order: echoOrder(order),
    remote_id: contract.id,
    remote_message: contract.message,
    is_issue: false,
  };
});
