import { echoOrder, PonteError } from '../../../contract/index.js';
import type { CallContext } from '../../types.js';
import type { VoalleConnection } from '../client.js';
import { voalleFunction } from '../client.js';
import { contractsOf } from '../contracts.js';
import { findPerson } from '../customers.js';
import { orderLeadBody, orderSummary, startSaleBody } from '../mappers/sales.js';
import type { Order } from '../../../contract/index.js';
import { integratorCodes, postLead, saleCodes, startSale } from '../sales.js';
import { liveContract, openSolicitation } from '../tickets.js';

/** The order as a solicitation of a customer Voalle already has, or null when it has none. */
async function asTicket(
  conn: VoalleConnection,
  order: Order,
  message: string,
  call: CallContext,
): Promise<string | null> {
  const person = await findPerson(conn, order.customer.document_number, call);
  if (person === null) return null;
  const contract = liveContract(await contractsOf(conn, order.customer.document_number, call));
  return openSolicitation(
    conn,
    person.id,
    contract,
    orderSummary(order, message, 'Pedido recusado pelo CRM'),
    call,
  );
}

/**
 * order_mode "lead" (default, as the platform's own connector): a CRM lead, which has no id, so
 * remote_id is the customer's CPF/CNPJ (the lead's key in Voalle's CRM, as other clients do);
 * "negotiation": crm/startsale, remote_id the protocolId. Refused, and the document is already a
 * Voalle client and order_fallback_to_ticket: a solicitation (is_issue true); else ERP_REJECTED.
 */
export const createOrder = voalleFunction('create_order', async (conn, input, call) => {
  const { order } = input;
  const message = input.message ?? '';
  try {
    if (conn.settings.order_mode === 'negotiation') {
      const codes = saleCodes(conn, 'create_order', order.reseller_code);
      const sale = await startSale(conn, startSaleBody(order, message, codes, conn.settings), call);
      return {
        wda_order: echoOrder(order),
        remote_id: sale.id,
        remote_message: sale.message,
        is_issue: false,
      };
    }
    const codes = integratorCodes(
      conn,
      'create_order',
      order.commercial_origin_code,
      order.reseller_code,
      call,
    );
    const said = await postLead(conn, orderLeadBody(order, message, codes, conn.settings), call);
    return {
      wda_order: echoOrder(order),
      remote_id: order.customer.document_number,
      remote_message: said,
      is_issue: false,
    };
  } catch (error) {
    if (
      !(error instanceof PonteError) ||
      error.code !== 'ERP_REJECTED' ||
      !conn.options.order_fallback_to_ticket
    )
      throw error;
    const protocol = await asTicket(conn, order, message, call);
    if (protocol === null) throw error;
    return {
      wda_order: echoOrder(order),
      remote_id: protocol,
      remote_message: error.message,
      is_issue: true,
    };
  }
});
