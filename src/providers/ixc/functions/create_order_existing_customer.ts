import { checkOrder } from '../orders.js';
import { ixcFunction } from '../connection.js';
import { requireCustomer } from '../customers.js';
import { openLead, openPreContract, orderSummary } from '../sales.js';
import { openTicket } from '../tickets.js';

/**
 * An order of an existing customer, as the tenant's existing_customer_order_mode says: an
 * atendimento carrying the order (ticket, default), a pre-contract (contract) or a CRM lead linked
 * to the customer (lead). Idempotent on order.id through the record's marker.
 */
export const createOrderExistingCustomer = ixcFunction(
  'create_order_existing_customer',
  { needs: ['due_day_contract_types'] },
  async (conn, input, call) => {
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
  },
);
