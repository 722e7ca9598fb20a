// What create_order and create_order_existing_customer share: the checks a real ERP makes before
// taking an order (codes from its own lists), the text it files the order under, the ticket it
// opens for a customer already registered, and the answer stored for the order id.
import { formatMoneyBRL } from '../../brasil/money.js';
import { PonteError } from '../../contract/index.js';
import type { Address, FieldProblem, Order, WdaUser } from '../../contract/index.js';
import { addressLine } from './address.js';
import type { SandboxConnection } from './connection.js';
import { protocolFor } from './records.js';
import type { ProductRow } from './rows.js';

export interface CheckedOrder {
  /** The product of each item, in item order. */
  products: ProductRow[];
  dueDay: number;
}

/** Refuses, as ERP_REJECTED, an order naming a product, due date, reseller or origin the ERP does not have. */
export function checkOrder(conn: SandboxConnection, order: Order): CheckedOrder {
  const problems: FieldProblem[] = [];
  const products: ProductRow[] = [];
  order.items.forEach((item, i) => {
    const product = conn.q.productByCode.get(item.product_code);
    if (product === undefined) {
      problems.push({
        path: `order.items.${i}.product_code`,
        message: `no product with code "${item.product_code}"`,
      });
    } else {
      products.push(product);
    }
  });
  const due = conn.q.dueDayByCode.get(order.due_date_code);
  if (due === undefined) {
    problems.push({ path: 'order.due_date_code', message: `no due date with code "${order.due_date_code}"` });
  }
  if (order.reseller_code !== undefined && conn.q.resellerByCode.get(order.reseller_code) === undefined) {
    problems.push({ path: 'order.reseller_code', message: `no reseller with code "${order.reseller_code}"` });
  }
  const origin = order.commercial_origin_code;
  if (origin !== undefined) {
    const configured = conn.options.commercial_origins;
    const known =
      configured.length > 0
        ? configured.some((o) => o.code === origin)
        : conn.q.originByCode.get(origin) !== undefined;
    if (!known)
      problems.push({ path: 'order.commercial_origin_code', message: `no commercial origin "${origin}"` });
  }
  if (problems.length > 0 || due === undefined) {
    throw new PonteError(
      'ERP_REJECTED',
      `The sandbox refused the order: ${problems.map((p) => p.message).join('; ')}`,
      {
        details: problems,
      },
    );
  }
  return { products, dueDay: due.day };
}

export function orderAddressLine(address: Address): string {
  return addressLine({ ...address, complement: address.complement ?? '' });
}

/** The order as staff read it in the ERP's notes. */
export function orderSummary(order: Order, checked: CheckedOrder, message: string, user?: WdaUser): string {
  const items = order.items.map((item, i) => {
    const product = checked.products[i]!;
    const price = item.price ?? product.price_cents;
    return `${product.name} (cód. ${product.code}) x${item.quantity} - ${formatMoneyBRL(price)}`;
  });
  const lines = [
    message,
    `Itens: ${items.join('; ')}`,
    `Vencimento: dia ${checked.dueDay}`,
    `Endereço de instalação: ${orderAddressLine(order.installation_address ?? order.address)}`,
  ];
  if (order.payment_method !== undefined) lines.push(`Forma de pagamento: ${order.payment_method}`);
  if (order.installation_fee !== undefined)
    lines.push(`Taxa de instalação: ${formatMoneyBRL(order.installation_fee)}`);
  if (order.notes !== undefined && order.notes !== '') lines.push(`Observações: ${order.notes}`);
  if (user !== undefined) lines.push(`Solicitado por: ${user.name ?? ''} (usuário ${user.id})`);
  lines.push(`Pedido da plataforma: ${order.id}`);
  return lines.filter((l) => l !== '').join('\n');
}

/** The ticket an order opens for a customer already registered; returns its id and protocol. */
export function openOrderTicket(
  conn: SandboxConnection,
  ticket: { customerId: number; subject: string; message: string; order: Order; now: string; today: string },
): { id: number; protocol: string } {
  const id = conn.inserts.ticket({
    id: null,
    customer_id: ticket.customerId,
    contract_id: null,
    request_id: null,
    subject: ticket.subject,
    message: ticket.message,
    contact_name: ticket.order.customer.name,
    contact_phone: ticket.order.customer.phone,
    protocol: '',
    status: 'open',
    created_at: ticket.now,
  });
  const protocol = protocolFor(ticket.today, id);
  conn.q.setTicketProtocol.run(protocol, id);
  return { id, protocol };
}
