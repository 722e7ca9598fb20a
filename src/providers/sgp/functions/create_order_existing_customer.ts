import { text } from '../../kit/index.js';
import { sgpFunction } from '../client.js';
import { mainContract, requireContracts } from '../customers.js';
import { checkCodes, orderNotes, postCrmContract, postPrecadastro, precadastroFields } from '../orders.js';
import { openTicket } from '../tickets.js';

/**
 * An existing customer's order, as the tenant's existing_customer_order_mode says: `ticket`
 * (default) an ocorrência on the main contract (order_ticket_type_id, else ticket_type_id),
 * remote_id its protocol; `contract` a CRM contract by CPF/CNPJ, remote_id its id; `lead` a
 * pre-registration, remote_id the CPF/CNPJ (SGP gives no id).
 */
export const createOrderExistingCustomer = sgpFunction(
  'create_order_existing_customer',
  async (conn, input, call) => {
    const { order } = input;
    const doc = input.customer_document_number;
    const entries = await requireContracts(conn, doc, call);
    const mode = conn.options.existing_customer_order_mode;
    if (mode === 'contract') {
      const codes = await checkCodes(conn, order, call);
      const contract = await postCrmContract(conn, { document: doc }, order, codes, input.message, call);
      return { remote_id: contract.id };
    }
    if (mode === 'lead') {
      const codes = await checkCodes(conn, order, call);
      const fields = { ...precadastroFields(conn, order, codes, input.message, false), cpfcnpj: doc };
      await postPrecadastro(conn, doc.length === 14 ? 'J' : 'F', fields, call);
      return { remote_id: doc };
    }
    const items = order.items
      .map(
        (i) =>
          `- ${i.name ?? `plano ${i.product_code}`} x${i.quantity}${i.price === undefined ? '' : ` (${(i.price / 100).toFixed(2)})`}`,
      )
      .join('\n');
    const protocolo = await openTicket(
      conn,
      {
        contrato: text(mainContract(entries).contratoId),
        conteudo: `Novo pedido do cliente\n${items}\nVencimento: ${order.due_date_code}\n${orderNotes(order, input.message)}`,
        ocorrenciatipo: conn.settings.order_ticket_type_id ?? conn.settings.ticket_type_id,
        contato_nome: order.customer.name,
        contato_telefone: order.customer.phone,
      },
      call,
    );
    return { remote_id: protocolo };
  },
);
