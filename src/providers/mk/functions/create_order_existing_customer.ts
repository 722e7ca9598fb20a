import { PonteError } from '../../../contract/index.js';
import { formatMoney } from '../../../brasil/money.js';
import { mkFunction } from '../connect.js';
import { requireCustomer } from '../customers.js';
import { openAtendimento, orderTicketCodes } from '../tickets.js';

/**
 * Ticket mode (the default): an atendimento carrying the order, on order_ticket_process_id (else
 * ticket_process_id). Contract and lead modes need MK's paid "APIs especiais" (WSMKNovoContrato,
 * WSMKNovaLead), whose answers are not recorded anywhere: NOT_SUPPORTED for now.
 */
export const createOrderExistingCustomer = mkFunction(
  'create_order_existing_customer',
  async (conn, input, call) => {
    const mode = conn.options.existing_customer_order_mode;
    if (mode !== 'ticket') {
      throw new PonteError(
        'NOT_SUPPORTED',
        `create_order_existing_customer in ${mode} mode needs MK's paid "APIs especiais", which Ponte does not call yet: use existing_customer_order_mode "ticket"`,
        { details: { settings: ['existing_customer_order_mode'] } },
      );
    }
    const customer = await requireCustomer(conn, input.customer_document_number, call);
    const { order } = input;
    const items = order.items.map(
      (i) =>
        `${i.quantity}x ${i.name ?? i.product_code} (${i.product_code})${i.price === undefined ? '' : ` ${formatMoney(i.price)}`}`,
    );
    const info = [
      `Pedido ${order.id}`,
      ...items,
      `Vencimento: ${order.due_date_code}`,
      order.payment_method === undefined ? '' : `Pagamento: ${order.payment_method}`,
      input.message,
      order.notes ?? '',
      `Atendente: ${input.wda_user.name ?? input.wda_user.id}`,
    ]
      .filter((l) => l !== '')
      .join('\n');
    const ticket = await openAtendimento(
      conn,
      customer,
      { ...orderTicketCodes(conn), info, contractId: undefined },
      call,
    );
    return { remote_id: ticket.id };
  },
);
