import type { ProviderFunction } from '../../types.js';
import { billContext, customerBills } from '../connection.js';
import type { HubsoftConnection } from '../connection.js';
import { parseBillRef, text, toBill } from '../mappers.js';

/**
 * The fatura, paid ones included, only when it belongs to the customer. Hubsoft has no route that
 * reads one fatura by id, so the customer's faturas are searched for it.
 */
export const getBill: ProviderFunction<HubsoftConnection, 'get_bill'> = async (conn, input, call) => {
  const bills = await customerBills(conn, input.customer_document_number, false, call);
  const wanted = parseBillRef(input.customer_bill_id)?.billId;
  const bill = bills.find((b) => text(b.id_fatura) === wanted);
  return bill === undefined ? [] : [toBill(bill, billContext(conn, call))];
};
