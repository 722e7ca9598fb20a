// How many ERP requests each read function makes on IXC: one call of each against the simulator,
// counted by the simulator, on a tenant without the catalogue cache (so catalogue reads show what
// one uncached read costs). Writes are left out: they would change the data the load runs read.
import { FIXTURES } from '../../simulators/ixc/seed.js';
import type { BenchContext, Figure } from '../context.js';
import { progress } from '../context.js';
import type { PonteProcess } from '../ponte-process.js';
import type { SimProcess } from '../sim-process.js';
import { erpRequestsOf } from './ixc-overhead.js';

const CATALOGUE = ['list_products', 'list_due_dates', 'list_resellers', 'list_commercial_origins'];

export async function ixcRequestsPerFunction(
  ctx: BenchContext,
  ponte: PonteProcess,
  sim: SimProcess,
  key: string,
): Promise<{ figure: Figure; counts: Record<string, number> }> {
  const document = FIXTURES.bills;
  const customer = { customer_document_number: document };
  const bills = await ponte.call('list_bills', customer, key);
  const first = (bills.body as { fatura: string; remote_id: string }[])[0];
  if (bills.status !== 200 || first === undefined) throw new Error('list_bills on IXC answered no bill');
  const invoices = await ponte.call('list_invoices', customer, key);
  const invoice = (invoices.body as { id_nota: string }[])[0];
  const calls: [string, unknown][] = [
    ['list_bills', customer],
    ['get_bill', { ...customer, customer_bill_id: first.fatura }],
    ['get_boleto_pdf', { boleto_id: first.remote_id }],
    ['get_customer', customer],
    ['get_customer_contacts', customer],
    ['get_internal_pending', customer],
    ['list_plans', customer],
    ['list_blocked_plans', customer],
    ['list_invoices', customer],
    ...(invoice
      ? [['get_invoice_pdf', { ...customer, invoice_id: invoice.id_nota }] as [string, unknown]]
      : []),
    ...CATALOGUE.map((name): [string, unknown] => [name, {}]),
  ];
  const counts: Record<string, number> = {};
  const failures: string[] = [];
  for (const [name, body] of calls) {
    const r = await erpRequestsOf(ponte, sim, key, name, body);
    counts[name] = r.requests;
    if (r.status !== 200) failures.push(`${name} ${r.status}`);
  }
  progress(ctx, `  IXC ERP requests per call: ${JSON.stringify(counts)}`);
  const detail = Object.entries(counts)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  return {
    counts,
    figure: {
      id: 'ixc.erp_requests_per_function',
      label: 'IXC: ERP requests per call',
      clients: 1,
      callsPerSecond: null,
      p50: null,
      p99: null,
      erpPerCall: null,
      rssMb: null,
      cpuUs: null,
      detail: `customer with 3 open bills: ${detail}${failures.length > 0 ? ` — FAILED: ${failures.join(', ')}` : ''}`,
      targets: [],
      data: { customer_open_bills: (bills.body as unknown[]).length, erp_requests: counts, failures },
    },
  };
}
