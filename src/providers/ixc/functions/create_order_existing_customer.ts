import type { ProviderFunction } from '../../types.js';
import { requireCustomer } from '../connection.js';
import type { IxcConnection } from '../connection.js';
import { checkOrder } from '../orders.js';
import { openLead, openPreContract, openTicket, orderSummary } from '../writes.js';

/**
 * An order of an existing customer, as the tenant's existing_customer_order_mode says: an
 * atendimento carrying the order (ticket, default), a pre-contract (contract) or a CRM lead linked
 * to the customer (lead). Idempotent on order.id through the record's marker.
 */
export const createOrderExistingCustomer: ProviderFunction<
  IxcConnection,
  'create_order_existing_customer'
> = async (conn, input, call) => {
  const { row } = await requireCustomer(conn, input.customer_document_number, call);
  const order = input.order;
  await checkOrder(conn, order, call);
  const key = `order:${order.id}`;
  const by = input.wda_user.name ? ` (atendente ${input.wda_user.name})` : '';
  const summary = `${orderSummary(order, input.message)}\nRegistrado pela plataforma${by}.`;
  const customerId = row.id ?? '';
  switch (conn.options.existing_customer_order_mode) {
    case 'contract':
      return {
        remote_id: (await openPreContract(conn, { customerId, order, notes: summary, key }, call)).id,
      };
    case 'lead':
      return {
        remote_id: await openLead(
          conn,
          {
            name: row.razao ?? order.customer.name,
            customerId,
            phone: order.customer.phone,
            productCode: order.items[0]!.product_code,
            notes: summary,
            key,
          },
          call,
        ),
      };
    default:
      return {
        remote_id: (
          await openTicket(
            conn,
            {
              customerId,
              subject: 'Pedido de novo serviço',
              message: summary,
              contactPhone: order.customer.phone,
              key,
            },
            call,
          )
        ).id,
      };
  }
};
