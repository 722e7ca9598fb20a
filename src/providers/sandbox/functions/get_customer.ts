import { readFunction } from '../declare.js';
import { requireCustomerRecord } from '../customers.js';
import { toCustomer } from '../mappers/customers.js';

export const getCustomer = readFunction('get_customer', (conn, input) =>
  toCustomer(requireCustomerRecord(conn, input.customer_document_number)),
);
