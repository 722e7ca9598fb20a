// How many ERP requests each read function makes, for every ERP in the simulator registry: one
// call of each against its simulator (run here, in the bench's process: counts do not depend on
// speed), counted by the simulator, on a tenant without the catalogue cache (so catalogue reads
// show what one uncached read costs). Writes are left out: they would change the data the load
// runs read. A new ERP's simulator joins this table by its line in simulators/index.ts.
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningSimulator, SimulatorModule } from '../../simulators/index.js';
import type { BenchContext, Figure } from '../context.js';
import { blankFigure, progress } from '../context.js';
import type { PonteProcess } from '../ponte-process.js';

const CATALOGUE = ['list_products', 'list_due_dates', 'list_resellers', 'list_commercial_origins'];

/** Waits until the simulator has seen no request for a moment (calls abandoned earlier finish). */
async function quiet(sim: RunningSimulator): Promise<void> {
  let last = sim.requests();
  for (let i = 0; i < 30; i++) {
    await sleep(50);
    if (sim.requests() === last) return;
    last = sim.requests();
  }
}

export async function erpRequestsPerFunction(
  ctx: BenchContext,
  ponte: PonteProcess,
  simulator: SimulatorModule,
): Promise<{ figure: Figure; counts: Record<string, number> }> {
  const sim = await simulator.start({ customers: 40 });
  try {
    const created = (await ponte.admin('POST', '/tenants', {
      name: `${simulator.id}-requests`,
      provider: simulator.id,
      settings: simulator.tenantSettings(sim.url),
      options: { cache_ttl_seconds: 0, circuit_failure_threshold: 1000 },
    })) as { api_key: string };
    const key = created.api_key;
    const unsupported = new Set<string>(simulator.contract.unsupported);
    const customer = { customer_document_number: simulator.contract.roles.customerWithBills };
    const bills = await ponte.call('list_bills', customer, key);
    const first = (bills.body as { fatura: string; remote_id: string }[] | undefined)?.[0];
    const invoices = unsupported.has('list_invoices')
      ? null
      : await ponte.call('list_invoices', customer, key);
    const invoice = (invoices?.body as { id_nota: string }[] | undefined)?.[0];
    const calls: [string, unknown][] = [
      ['list_bills', customer],
      ...(first
        ? [
            ['get_bill', { ...customer, customer_bill_id: first.fatura }] as [string, unknown],
            ['get_boleto_pdf', { boleto_id: first.remote_id }] as [string, unknown],
          ]
        : []),
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
      if (unsupported.has(name)) continue;
      await quiet(sim);
      const before = sim.requests();
      const answer = await ponte.call(name, body, key);
      counts[name] = sim.requests() - before;
      if (answer.status !== 200) failures.push(`${name} ${answer.status}`);
    }
    progress(ctx, `  ${simulator.displayName} ERP requests per call: ${JSON.stringify(counts)}`);
    const detail = Object.entries(counts)
      .map(([name, n]) => `${name} ${n}`)
      .join(', ');
    const open = Array.isArray(bills.body) ? bills.body.length : 0;
    return {
      counts,
      figure: {
        ...blankFigure(
          `${simulator.id}.erp_requests_per_function`,
          `${simulator.displayName}: ERP requests per call`,
        ),
        clients: 1,
        detail: `customer with ${open} open bills: ${detail}${failures.length > 0 ? ` — FAILED: ${failures.join(', ')}` : ''}`,
        data: { customer_open_bills: open, erp_requests: counts, failures },
      },
    };
  } finally {
    await sim.close();
  }
}
