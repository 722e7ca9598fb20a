import { readFunction, requireCustomerRecord } from '../connection.js';
import { toCustomer } from '../mappers.js';

export const getCustomer = readFunction<'get_customer'>((conn, input) =>
  toCustomer(requireCustomerRecord(conn, input.customer_document_number)),
);
