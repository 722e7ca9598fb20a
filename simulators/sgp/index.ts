// The SGP simulator as the simulator registry sees it (simulators/types.ts).
import type { SimulatorModule } from '../types.js';
import { listenOptions, seedOptions, UNKNOWN_CUSTOMER } from '../shared/module.js';
import { seedSgp } from './seed.js';
import { defaultSgpCredentials, startSgpSimulator } from './server.js';

// The fixed customers do not depend on the seed or on the filler count.
const fixtures = seedSgp({ customers: 0 }).fixtures;

/** Tenant settings pointing the SGP provider at a simulator listening on `url`. */
export function sgpTenantSettings(url: string): Record<string, unknown> {
  return {
    base_url: url,
    token: defaultSgpCredentials.token,
    app: defaultSgpCredentials.app,
    ponto_recebimento_id: '3',
    ticket_type_id: '5',
    order_ticket_type_id: '12',
    pop_id: '1',
    portador_id: '4',
  };
}

export const sgpSimulator: SimulatorModule = {
  id: 'sgp',
  displayName: 'SGP (TSMX)',
  defaultPort: 8383,
  async start(options = {}) {
    const sim = await startSgpSimulator({
      ...listenOptions(options),
      seed: seedOptions(options, true),
      ...(options.faults ? { faults: options.faults } : {}),
    });
    return { url: sim.url, requests: () => sim.state.counters.requests, close: () => sim.close() };
  },
  tenantSettings: sgpTenantSettings,
  customers: [
    {
      document: fixtures.overdue,
      scenario:
        'an overdue title, two more open (one fresh without linha digitável or Pix, one whose link is an HTML page), a paid and a cancelled one, two notas fiscais (model 21) and an NFCom',
    },
    {
      document: fixtures.company,
      scenario:
        'a company (CNPJ) with two contracts, an open title on each, two anotações (one pops up), contacts as objects, an NFS-e',
    },
    { document: fixtures.paidOnly, scenario: 'only paid titles' },
    {
      document: fixtures.unlockable,
      scenario: 'a contract suspended for debt that can be trust-unlocked once, and an active one',
    },
    {
      document: fixtures.unlockUsed,
      scenario: 'a suspended contract whose trust unlock of the month is used up',
    },
    {
      document: fixtures.reducedSpeed,
      scenario: 'a contract at reduced speed (status 7) and a cancelled one',
    },
  ],
  contract: {
    roles: {
      customerWithBills: fixtures.overdue,
      otherCustomerWithBills: fixtures.company,
      customerWithoutBills: fixtures.paidOnly,
      unknownCustomer: UNKNOWN_CUSTOMER,
      unlockableCustomer: fixtures.unlockable,
      customerWithNotes: fixtures.company,
      customerWithInvoices: fixtures.overdue,
    },
    // Every function has an SGP endpoint (docs/erp/sgp.md); commercial origins come from the tenant.
    unsupported: [],
  },
};
