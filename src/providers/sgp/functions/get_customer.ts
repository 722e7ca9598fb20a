import { sgpFunction } from '../client.js';
import { mainContract, requireContracts } from '../customers.js';
import { toCustomer } from '../mappers/customers.js';

/** The customer as consultacliente prints it (the main contract's entry). */
export const getCustomer = sgpFunction('get_customer', async (conn, input, call) => {
  const entries = await requireContracts(conn, input.customer_document_number, call);
  return toCustomer([mainContract(entries)]);
});
