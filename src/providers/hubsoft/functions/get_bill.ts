// get_bill: the fatura, paid ones included, only when it belongs to the customer. Hubsoft has no
// route that reads one fatura by id, so the customer's faturas are searched for it.
import { text } from '../../kit/edge.js';
import { billContext, customerBills } from '../bills.js';
import { hubsoftFunction } from '../connection.js';
import { parseBillRef, toBill } from '../mappers/bills.js';

export const getBill = hubsoftFunction('get_bill', async (conn, input, call) => {
  const bills = await customerBills(conn, input.customer_document_number, false, call);
  const wanted = parseBillRef(input.customer_bill_id)?.billId;
  const bill = bills.find((b) => text(b.id_fatura) === wanted);
  return bill === undefined ? [] : [toBill(bill, billContext(conn, call))];
});
