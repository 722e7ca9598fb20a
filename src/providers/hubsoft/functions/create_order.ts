// create_order: the order as a prospecto (Hubsoft's pre-sale record) with the first item's plan at
// its price for the installation CEP. When Hubsoft refuses it (e.g. the CPF/CNPJ is already on a
// prospect) and the document is a customer and the tenant allows it, the order goes to an
// atendimento on the customer's service instead (is_issue: true).
import { echoOrder } from '../../../contract/index.js';
import { refusal } from '../client.js';
import { hubsoftFunction } from '../connection.js';
import { findCustomer, mainService } from '../customers.js';
import { prospectFromOrder } from '../mappers/sales.js';
import { planForOrder, postProspect, prospectId } from '../sales.js';
import { openOrderTicket } from '../tickets.js';

export const createOrder = hubsoftFunction('create_order', async (conn, input, call) => {
  const { order, message } = input;
  const place = order.installation_address ?? order.address;
  const item = order.items[0]!;
  const plan = await planForOrder(conn, item.product_code, place.zip_code, call);
  const service = { id: plan.id, valorCents: item.price ?? plan.valorCents };
  const answer = await postProspect(conn, prospectFromOrder(order, message, service), call);
  const id = prospectId(answer);
  if (answer.ok && id !== '') {
    return {
      wda_order: echoOrder(order),
      remote_id: id,
      remote_message: answer.message || null,
      is_issue: false,
    };
  }
  if (conn.options.order_fallback_to_ticket) {
    const customer = await findCustomer(conn, order.customer.document_number, call);
    const target = customer === null ? null : mainService(customer);
    if (customer !== null && target !== null) {
      const ticket = await openOrderTicket(conn, { customer, service: target }, order, message, call);
      return {
        wda_order: echoOrder(order),
        remote_id: ticket.id,
        remote_message: ticket.message || null,
        is_issue: true,
      };
    }
  }
  throw refusal(answer);
});
