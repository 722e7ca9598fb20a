import { echoOrder } from '../../../contract/index.js';
import { requireCustomerRecord } from '../customers.js';
import { writeFunction } from '../declare.js';
import { checkOrder, openOrderTicket, orderAddressLine, orderSummary } from '../orders.js';

/**
 * An order from someone who already is a customer. The tenant's existing_customer_order_mode picks
 * what the ERP records: a ticket carrying the order (default), a pending contract for the first
 * item's plan, or a lead. The same order.id answers the first record.
 */
export const createOrderExistingCustomer = writeFunction(
  'create_order_existing_customer',
  (conn, input, { call, today }) => {
    const order = input.order;
    const customer = requireCustomerRecord(conn, input.customer_document_number);
    const previous = conn.q.orderByKey.get(order.id);
    if (previous !== undefined) return { remote_id: previous.remote_id };
    const checked = checkOrder(conn, order);
    const summary = orderSummary(order, checked, input.message, input.wda_user);
    const now = call.now.toISOString();
    const mode = conn.options.existing_customer_order_mode;
    let remoteId: number;
    if (mode === 'contract') {
      const product = checked.products[0]!;
      remoteId = conn.inserts.contract({
        id: null,
        customer_id: customer.id,
        product_code: product.code,
        status: 'pending',
        block_reason: '',
        value_cents: order.items[0]!.price ?? product.price_cents,
        due_day: checked.dueDay,
        started_on: today,
        installation_address: orderAddressLine(order.installation_address ?? order.address),
        last_unlock_on: null,
        unlocked_until: null,
      });
    } else if (mode === 'lead') {
      remoteId = conn.inserts.lead({
        id: null,
        lead_key: `order:${order.id}`,
        name: customer.name,
        document: customer.document,
        email: order.customer.email ?? customer.email,
        phone: order.customer.phone,
        payload: summary,
        created_at: now,
      });
    } else {
      remoteId = openOrderTicket(conn, {
        customerId: customer.id,
        subject: 'Pedido de novo serviço',
        message: summary,
        order,
        now,
        today,
      }).id;
    }
    conn.inserts.order({
      id: null,
      order_key: order.id,
      kind: mode,
      customer_id: customer.id,
      remote_id: String(remoteId),
      remote_message: null,
      payload: JSON.stringify(echoOrder(order)),
      message: input.message,
      created_at: now,
    });
    return { remote_id: String(remoteId) };
  },
);
