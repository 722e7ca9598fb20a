// Reading a customer's notas fiscais (cliente/nota_fiscal), which list_invoices and
// get_invoice_pdf share.
import { todayInBrazil } from '../../brasil/dates.js';
import { text } from '../kit/edge.js';
import type { CallContext } from '../types.js';
import type { HubsoftConnection } from './connection.js';
import { requireCustomer } from './customers.js';
import { invoicesOf, invoiceWindows } from './mappers/invoices.js';
import type { HubsoftInvoice } from './mappers/invoices.js';

/**
 * The customer's notas (models 21/22 and NFS-e) issued in the last invoice_history_days, newest
 * first. Hubsoft answers at most 60 days per request (and only authorised notas), so the period is
 * read in windows, in parallel.
 */
export async function customerInvoices(
  conn: HubsoftConnection,
  cpfCnpj: string,
  call: CallContext,
): Promise<HubsoftInvoice[]> {
  const customer = await requireCustomer(conn, cpfCnpj, call);
  const windows = invoiceWindows(todayInBrazil(call.now), conn.settings.invoice_history_days);
  const answers = await Promise.all(
    windows.map((w) =>
      conn.client.read(
        'cliente/nota_fiscal',
        { busca: 'id_cliente', termo_busca: text(customer.id_cliente), ...w },
        call,
      ),
    ),
  );
  const seen = new Set<string>();
  return answers
    .flatMap((a) => invoicesOf(a.body))
    .filter((n) => !seen.has(n.invoice.id_nota) && seen.add(n.invoice.id_nota) !== undefined)
    .sort(
      (a, b) =>
        b.invoice.data_emissao.localeCompare(a.invoice.data_emissao) ||
        b.invoice.id_nota.localeCompare(a.invoice.id_nota),
    );
}
