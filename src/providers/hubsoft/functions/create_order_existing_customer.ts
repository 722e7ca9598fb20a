// create_order_existing_customer, per the tenant option existing_customer_order_mode: "ticket"
// (default) an atendimento carrying the order on the customer's service; "contract" and "lead" a
// prospecto, which is how Hubsoft takes a new service for anyone (its API cannot add a service to
// a cliente); "lead" also links it to the lead_crm_id CRM list.
// Settings needed in one mode only (checked here, not in `needs`): lead_crm_id in "lead" mode.
import { refusal } from '../client.js';
import { hubsoftFunction, requiredSetting } from '../connection.js';
import { requireCustomer, requireMainService } from '../customers.js';
import { prospectFromOrder } from '../mappers/sales.js';
import { planForOrder, postProspect, prospectId } from '../sales.js';
import { openOrderTicket } from '../tickets.js';

export const createOrderExistingCustomer = hubsoftFunction(
  'create_order_existing_customer',
  async (conn, input, call) => {
    const { order, message } = input;
    const mode = conn.options.existing_customer_order_mode;
    const crm =
      mode === 'lead' ? requiredSetting(conn, 'create_order_existing_customer', 'lead_crm_id') : undefined;
    const customer = await requireCustomer(conn, input.customer_document_number, call);
    if (mode === 'ticket') {
      const target = { customer, service: requireMainService(customer) };
      const ticket = await openOrderTicket(conn, target, order, message, call, input.wda_user.name);
      return { remote_id: ticket.id };
    }
    const place = order.installation_address ?? order.address;
    const item = order.items[0]!;
    const plan = await planForOrder(conn, item.product_code, place.zip_code, call);
    const body = prospectFromOrder(
      order,
      message,
      { id: plan.id, valorCents: item.price ?? plan.valorCents },
      crm === undefined ? {} : { id_crm: crm },
    );
    const answer = await postProspect(conn, body, call);
    const id = prospectId(answer);
    if (!answer.ok || id === '') throw refusal(answer);
    return { remote_id: id };
  },
);
