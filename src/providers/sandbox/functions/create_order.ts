import { echoOrder, PonteError } from '../../../contract/index.js';
import type { FunctionOutput, WdaOrder } from '../../../contract/index.js';
import { writeFunction } from '../declare.js';
import { checkOrder, openOrderTicket, orderSummary } from '../orders.js';
import type { OrderRow } from '../rows.js';

type Output = FunctionOutput<'create_order'>;

function storedAnswer(row: OrderRow): Output {
  return {
    wda_order: JSON.parse(row.payload) as WdaOrder,
    remote_id: row.remote_id,
    remote_message: row.remote_message,
    is_issue: row.kind === 'ticket',
  };
}

/**
 * Registers a prospect (pré-contrato) for a new customer. A document that already is a customer
 * cannot become a prospect: the order is then opened as a ticket for that customer (is_issue) when
 * the tenant allows it, and refused otherwise. The same order.id answers the first record.
 */
export const createOrder = writeFunction('create_order', (conn, input, { call, today }): Output => {
  const order = input.order;
  const previous = conn.q.orderByKey.get(order.id);
  if (previous !== undefined) return storedAnswer(previous);
  const checked = checkOrder(conn, order);
  const summary = orderSummary(order, checked, input.message);
  const payload = JSON.stringify(echoOrder(order));
  const now = call.now.toISOString();
  const existing = conn.q.customerKeyByDocument.get(order.customer.document_number);
  if (existing !== undefined) {
    if (!conn.options.order_fallback_to_ticket) {
      throw new PonteError(
        'ERP_REJECTED',
        `The sandbox already has customer ${existing.id} with this document; use create_order_existing_customer`,
      );
    }
    const { id: ticketId, protocol } = openOrderTicket(conn, {
      customerId: existing.id,
      subject: 'Pedido de novo serviço (cliente já cadastrado)',
      message: summary,
      order,
      now,
      today,
    });
    conn.inserts.order({
      id: null,
      order_key: order.id,
      kind: 'ticket',
      customer_id: existing.id,
      remote_id: String(ticketId),
      remote_message: `Cliente já cadastrado (código ${existing.id}): pedido registrado no atendimento ${ticketId}, protocolo ${protocol}.`,
      payload,
      message: input.message,
      created_at: now,
    });
    return storedAnswer(conn.q.orderByKey.get(order.id)!);
  }
  const id = conn.inserts.order({
    id: null,
    order_key: order.id,
    kind: 'prospect',
    customer_id: null,
    remote_id: '',
    remote_message: null,
    payload,
    message: summary,
    created_at: now,
  });
  const plans = checked.products.map((p) => p.name).join(', ');
  conn.q.setOrderResult.run(
    String(id),
    `Pré-contrato ${id} cadastrado para ${order.customer.name}: ${plans}, vencimento todo dia ${checked.dueDay}. ` +
      'Aguardando agendamento da instalação.',
    id,
  );
  return storedAnswer(conn.q.orderByKey.get(order.id)!);
});
