// The Hubsoft simulator as the simulator registry sees it (simulators/types.ts).
import type { SimulatorModule } from '../types.js';
import { commonRoles, listenOptions, seedOptions } from '../shared/module.js';
import { parseFaultHeader } from './faults.js';
import { seedHubsoft } from './seed.js';
import { defaultHubsoftCredentials, startHubsoftSimulator } from './server.js';

// The fixed customers do not depend on the seed or on the filler count.
const fixtures = seedHubsoft({ customers: 0 }).fixtures;

export const hubsoftSimulator: SimulatorModule = {
  id: 'hubsoft',
  displayName: 'Hubsoft',
  defaultPort: 8282,
  async start(options = {}) {
    const faults = options.faults ? parseFaultHeader(options.faults) : null;
    const sim = await startHubsoftSimulator({
      ...listenOptions(options),
      seed: seedOptions(options, true),
      ...(faults ? { faults } : {}),
    });
    const requests = () => [...sim.state.counters.requests.values()].reduce((a, b) => a + b, 0);
    return { url: sim.url, requests, close: () => sim.close() };
  },
  tenantSettings: (url) => ({
    base_url: url,
    ...defaultHubsoftCredentials,
    caixa_financeiro_id: 139,
    tipo_atendimento_id: 109,
    lead_crm_id: 201,
    lead_service_id: 1302,
  }),
  customers: [
    {
      document: fixtures.withBills,
      scenario: 'three open bills (one overdue), paid history, notas fiscais (model 21 and NFS-e)',
    },
    {
      document: fixtures.otherWithBills,
      scenario: 'a company (CNPJ) with two open bills and two alerts (internal notes)',
    },
    { document: fixtures.withoutBills, scenario: 'only paid bills' },
    {
      document: fixtures.unlockable,
      scenario: 'one service suspended for debt (trust unlock allowed) and one enabled',
    },
  ],
  contract: {
    roles: {
      ...commonRoles(fixtures),
      customerWithNotes: fixtures.withNotes,
      customerWithInvoices: fixtures.withInvoices,
    },
    // Hubsoft's integration API has no endpoint that edits a customer (docs/erp/hubsoft.md).
    unsupported: ['update_customer'],
  },
};
