import { voalleFunction } from '../client.js';
import { contractsOf } from '../contracts.js';
import { requirePerson } from '../customers.js';
import { orderLeadBody, orderSummary, startSaleBody } from '../mappers/sales.js';
import { integratorCodes, postLead, saleCodes, startSale } from '../sales.js';
import { liveContract, openSolicitation } from '../tickets.js';

/**
 * existing_customer_order_mode: "ticket" (default) opens a solicitation carrying the order on the
 * customer's first live contract; "lead" a CRM lead ("Criar Lead para usuário existente" of the
 * platform's connector; remote_id the document); "contract" a CRM negotiation (crm/startsale).
 */
export const createOrderExistingCustomer = voalleFunction(
  'create_order_existing_customer',
  async (conn, input, call) => {
    const { order } = input;
    const doc = input.customer_document_number;
    const message = input.message ?? '';
    const mode = conn.options.existing_customer_order_mode;
    if (mode === 'contract') {
      const codes = saleCodes(conn, 'create_order_existing_customer', order.reseller_code);
      const sale = await startSale(
        conn,
        { ...startSaleBody(order, message, codes, conn.settings), txId: doc },
        call,
      );
      return { remote_id: sale.id };
    }
    if (mode === 'lead') {
      const codes = integratorCodes(
        conn,
        'create_order_existing_customer',
        order.commercial_origin_code,
        order.reseller_code,
        call,
      );
      await postLead(conn, orderLeadBody(order, message, codes, conn.settings), call);
      return { remote_id: doc };
    }
    const person = await requirePerson(conn, doc, call);
    const contract = liveContract(await contractsOf(conn, doc, call));
    return {
      remote_id: await openSolicitation(
        conn,
        person.id,
        contract,
        orderSummary(order, message, 'Pedido de cliente existente'),
        call,
      ),
    };
  },
);
