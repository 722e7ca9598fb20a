import { PonteError } from '../../../contract/index.js';
import type { ProviderFunction } from '../../types.js';
import { mainService, requireCustomer } from '../connection.js';
import type { HubsoftConnection } from '../connection.js';
import { orderSummary, prospectFromOrder } from '../mappers.js';
import { planForOrder, postProspect, prospectId, prospectRefused } from '../sales.js';
import { openTicket } from '../tickets.js';

/**
 * existing_customer_order_mode "ticket" (default): an atendimento carrying the order on the
 * customer's service. "contract" and "lead": a prospecto, which is how Hubsoft takes a new
 * service for anyone (its API cannot add a service to a cliente); "lead" also links it to the
 * lead_crm_id CRM list.
 */
export const createOrderExistingCustomer: ProviderFunction<
  HubsoftConnection,
  'create_order_existing_customer'
> = async (conn, input, call) => {
  const { order, message } = input;
  const customer = await requireCustomer(conn, input.customer_document_number, call);
  if (conn.options.existing_customer_order_mode === 'ticket') {
    const service = mainService(customer);
    if (service === null)
      throw new PonteError(
        'CONTRACT_NOT_FOUND',
        'Hubsoft has no service for this customer to open a ticket on',
      );
    const ticket = await openTicket(
      conn,
      {
        customer,
        service,
        description: orderSummary(order, message),
        contactName: input.wda_user.name,
        contactPhone: order.customer.phone,
        tipoAtendimentoId:
          conn.settings.order_ticket_tipo_atendimento_id ?? conn.settings.tipo_atendimento_id,
        parameters: { ponte_order_id: order.id },
      },
      call,
    );
    return { remote_id: ticket.id };
  }
  const place = order.installation_address ?? order.address;
  const item = order.items[0]!;
  const plan = await planForOrder(conn, item.product_code, place.zip_code, call);
  const crm = conn.options.existing_customer_order_mode === 'lead' ? conn.settings.lead_crm_id : undefined;
  const body = prospectFromOrder(
    order,
    message,
    { id: plan.id, valorCents: item.price ?? plan.valorCents },
    crm === undefined ? {} : { id_crm: crm },
  );
  const answer = await postProspect(conn, body, call);
  const id = prospectId(answer);
  if (!answer.ok || id === '') throw prospectRefused(answer);
  return { remote_id: id };
};
