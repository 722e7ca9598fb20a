// The MK Solutions (MK30 webservices) simulator as the simulator registry sees it (simulators/types.ts).
import type { SimulatorModule } from '../types.js';
import { commonRoles, listenOptions, seedOptions } from '../shared/module.js';
import { parseFaultList } from './faults.js';
import { seedMk } from './seed.js';
import { defaultMkProfile, startMkSimulator } from './server.js';

// The fixed customers do not depend on the seed or on the filler count.
const fixtures = seedMk({ customers: 0 }).fixtures;

/** The tenant settings of the MK provider (src/providers/mk/settings.ts) for a simulator at `url`. */
export function mkTenantSettings(url: string): Record<string, unknown> {
  return {
    base_url: url,
    profile_token: defaultMkProfile.token,
    contra_senha: defaultMkProfile.contraSenha,
    ticket_process_id: '12',
    ticket_classification_id: '3',
    ticket_origin: '9',
    order_ticket_process_id: '14',
    apis_especiais: true,
    lead_customer_id: fixtures.leadHolderCode,
    due_dates: [
      { code: '1', day: 5 },
      { code: '2', day: 10 },
      { code: '3', day: 20 },
    ],
    products: [
      { code: '31', name: 'FIBRA 300 MEGA', price: '99.90' },
      { code: '32', name: 'FIBRA 500 MEGA', price: '129.90' },
    ],
  };
}

export const mkSimulator: SimulatorModule = {
  id: 'mk',
  displayName: 'MK Solutions (MK30)',
  defaultPort: 8383,
  async start(options = {}) {
    const sim = await startMkSimulator({
      ...listenOptions(options),
      seed: seedOptions(options, true),
      ...(options.faults ? { faults: parseFaultList(options.faults) } : {}),
    });
    return { url: sim.url, requests: () => sim.state.totalRequests(), close: () => sim.close() };
  },
  tenantSettings: mkTenantSettings,
  customers: [
    {
      document: fixtures.withBills,
      scenario:
        'accented capitals in the name; three open bills (one overdue) and a paid one, plus a second, inactive registration with the same CPF and one more open bill',
    },
    {
      document: fixtures.otherWithBills,
      scenario:
        'a company (CNPJ) with two open bills, one without Pix and without a PDF link (Ponte renders its boleto)',
    },
    { document: fixtures.withoutBills, scenario: 'only a paid bill' },
    {
      document: fixtures.unlockable,
      scenario:
        'one contract whose connection is blocked for debt (auto-unlock allowed once a month) and one in force',
    },
    {
      document: fixtures.reduced,
      scenario: 'a connection at reduced speed and a cancelled contract MK does not list',
    },
    { document: fixtures.noContract, scenario: 'an "Ativo" registration without any contract' },
    { document: fixtures.brokenLine, scenario: 'an open bill whose linha digitável fails its check digit' },
  ],
  contract: {
    roles: {
      ...commonRoles(fixtures),
      // MK has no internal-notes or invoice API: these roles are never played.
      customerWithNotes: fixtures.withBills,
      customerWithInvoices: fixtures.withBills,
    },
    // docs/erp/mk.md: no settle, notes, customer edit or invoice API.
    unsupported: [
      'settle_bill',
      'get_internal_pending',
      'update_customer',
      'list_invoices',
      'get_invoice_pdf',
    ],
  },
};
