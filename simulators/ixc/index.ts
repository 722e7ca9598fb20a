// The IXC simulator as the simulator registry sees it (simulators/types.ts).
import type { SimulatorModule } from '../types.js';
import { listenOptions, seedOptions, UNKNOWN_CUSTOMER } from '../shared/module.js';
import { parseFaultList } from './faults.js';
import { FIXTURES } from './seed.js';
import { ixcTenantSettings, startIxcSimulator } from './server.js';

const TOKEN = '1:ponte-simulator-token';

export const ixcSimulator: SimulatorModule = {
  id: 'ixc',
  displayName: 'IXC Provedor',
  defaultPort: 8181,
  async start(options = {}) {
    const sim = await startIxcSimulator({
      ...listenOptions(options),
      token: TOKEN,
      ...(options.today === undefined ? {} : { today: options.today }),
      seed: seedOptions(options),
      faults: parseFaultList(options.faults ?? ''),
      variants: options.variants?.includes('unlock-v2') ? { trustUnlock: 'v2' } : {},
    });
    return { url: sim.url, requests: () => sim.state.counters.requests, close: () => sim.close() };
  },
  tenantSettings: (url) => ({ ...ixcTenantSettings(`${url}/webservice/v1`, TOKEN), default_city_id: '3509' }),
  customers: [
    {
      document: FIXTURES.bills,
      scenario:
        'three open bills (one overdue, one with a gateway link), paid and cancelled ones, notas fiscais',
    },
    { document: FIXTURES.otherBills, scenario: 'one open bill, one nota fiscal' },
    { document: FIXTURES.noBills, scenario: 'no open bill (one paid)' },
    {
      document: FIXTURES.unlockable,
      scenario: 'two contracts, one blocked for debt (trust unlock allowed) with an overdue bill',
    },
    { document: FIXTURES.notes, scenario: 'internal notes on the customer and the contract' },
    { document: FIXTURES.blockedManual, scenario: 'contract blocked manually (no trust unlock)' },
    { document: FIXTURES.unlockUsed, scenario: 'blocked for debt, trust unlock already used 10 days ago' },
    { document: FIXTURES.company, scenario: 'a company (CNPJ) with an overdue bill' },
    { document: FIXTURES.manyBills, scenario: 'seven open bills, four overdue' },
  ],
  contract: {
    roles: {
      customerWithBills: FIXTURES.bills,
      otherCustomerWithBills: FIXTURES.otherBills,
      customerWithoutBills: FIXTURES.noBills,
      unknownCustomer: UNKNOWN_CUSTOMER,
      unlockableCustomer: FIXTURES.unlockable,
      customerWithNotes: FIXTURES.notes,
      customerWithInvoices: FIXTURES.bills,
    },
    unsupported: [],
  },
};
