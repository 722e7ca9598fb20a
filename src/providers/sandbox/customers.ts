// Finding the customer a call names.
import { PonteError } from '../../contract/index.js';
import type { SandboxConnection } from './connection.js';
import type { CustomerKey, CustomerRow } from './rows.js';

function customerNotFound(): PonteError {
  return new PonteError('CUSTOMER_NOT_FOUND', 'The sandbox has no customer with this CPF/CNPJ');
}

/** The customer's id, document, name and person type; CUSTOMER_NOT_FOUND when there is none. */
export function requireCustomer(conn: SandboxConnection, document: string): CustomerKey {
  const customer = conn.q.customerKeyByDocument.get(document);
  if (customer === undefined) throw customerNotFound();
  return customer;
}

/** The customer's whole record; CUSTOMER_NOT_FOUND when there is none. */
export function requireCustomerRecord(conn: SandboxConnection, document: string): CustomerRow {
  const customer = conn.q.customerByDocument.get(document);
  if (customer === undefined) throw customerNotFound();
  return customer;
}
