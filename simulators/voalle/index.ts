// The Voalle simulator as the simulator registry sees it (simulators/types.ts). Started by the
// registry it serves the auth route and the API on one port, so `tenantSettings(url)` gives the
// same URL as api_url and auth_url (a real host has two ports; the settings keep them apart).
import type { SimulatorModule, SimulatorStartOptions } from '../types.js';
import { commonRoles, listenOptions, seedOptions } from '../shared/module.js';
import { parseFaultList } from './faults.js';
import { seedVoalle } from './seed.js';
import { startVoalleSimulator, voalleTenantSettings } from './server.js';

// The fixed customers do not depend on the seed or on the filler count.
const fixtures = seedVoalle().fixtures;

export const voalleSimulator: SimulatorModule = {
  id: 'voalle',
  displayName: 'Voalle',
  defaultPort: 45715,
  async start(options: SimulatorStartOptions & { variants?: string[] } = {}) {
    const sim = await startVoalleSimulator({
      ...listenOptions(options),
      ...(options.today === undefined ? {} : { today: options.today }),
      seed: seedOptions(options),
      faults: parseFaultList(options.faults ?? ''),
      ...(options.variants === undefined ? {} : { variants: options.variants }),
    });
    return { url: sim.url, requests: () => sim.state.counters.requests, close: () => sim.close() };
  },
  tenantSettings: (url) => voalleTenantSettings(url),
  customers: [
    {
      document: fixtures.withBills,
      scenario: 'three open titles (one overdue, with fine and interest), one paid, a DANFE',
    },
    { document: fixtures.otherWithBills, scenario: 'a company (CNPJ) with two open titles, one overdue' },
    {
      document: fixtures.withoutBills,
      scenario: 'only paid and cancelled titles ("Cliente não possui títulos em aberto.")',
    },
    {
      document: fixtures.unlockable,
      scenario: 'one contract in Bloqueio Financeiro (status 6, trust unlock allowed) and one normal',
    },
    {
      document: fixtures.blockedAdministrative,
      scenario: 'one contract in Bloqueio Administrativo (status 7): unlock refused',
    },
    {
      document: fixtures.manyBills,
      scenario: 'six open titles, four overdue (one due beyond the open-titles horizon)',
    },
    {
      document: fixtures.prospectOnly,
      scenario: 'a person not flagged cliente: people/txid answers "Registro não encontrado."',
    },
    { document: fixtures.forUpdates, scenario: 'one contract and one open title, for update_customer' },
  ],
  contract: {
    roles: {
      ...commonRoles(fixtures),
      customerWithNotes: fixtures.forUpdates,
      customerWithInvoices: fixtures.withBills,
    },
    // The third-party API has no internal-note list and no invoice list (docs/erp/voalle.md).
    unsupported: ['get_internal_pending', 'list_invoices'],
  },
};
