import { echoOrder } from '../../../contract/objects.js';
import { sgpFunction } from '../client.js';
import { checkCodes, crmCustomer, postCrmContract, postPrecadastro, precadastroFields } from '../orders.js';

/**
 * A new customer's order. order_mode `precadastro` (default): a pre-registration, which SGP
 * answers without an id, so remote_id is the CPF/CNPJ SGP files it under; `crm`: a CRM customer
 * (reused when the document is already there) and contract, remote_id the contract id.
 */
export const createOrder = sgpFunction('create_order', async (conn, input, call) => {
  const { order } = input;
  const codes = await checkCodes(conn, order, call);
  if (conn.settings.order_mode === 'crm') {
    const clienteId = await crmCustomer(conn, order, call);
    const contract = await postCrmContract(conn, { clienteId }, order, codes, input.message, call);
    return {
      wda_order: echoOrder(order),
      remote_id: contract.id,
      remote_message: contract.message || null,
      is_issue: false,
    };
  }
  const fields = precadastroFields(conn, order, codes, input.message, conn.settings.activate_precadastro);
  const message = await postPrecadastro(conn, order.customer.person_type, fields, call);
  return {
    wda_order: echoOrder(order),
    remote_id: order.customer.document_number,
    remote_message: message || null,
    is_issue: false,
  };
});
