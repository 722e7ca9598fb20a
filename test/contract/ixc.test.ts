// The provider contract suite against IXC, through the IXC simulator over real HTTP.
import { after } from 'node:test';
import { ixcProvider } from '../../src/providers/ixc/index.js';
import { FIXTURES } from '../../simulators/ixc/seed.js';
import { ixcTenantSettings, startIxcSimulator, type IxcSimulator } from '../../simulators/ixc/server.js';
import { startPonte } from '../helpers/ponte.js';
import { providerContractSuite } from './suite.js';

let sim: IxcSimulator | undefined;
after(async () => {
  await sim?.close();
});

providerContractSuite({
  name: 'ixc',
  unsupported: [],
  fixtures: {
    customerWithBills: FIXTURES.bills,
    otherCustomerWithBills: FIXTURES.otherBills,
    customerWithoutBills: FIXTURES.noBills,
    unknownCustomer: '52998224725',
    unlockableCustomer: FIXTURES.unlockable,
    customerWithNotes: FIXTURES.notes,
    customerWithInvoices: FIXTURES.bills,
  },
  async start() {
    sim = await startIxcSimulator({ token: '7:4dacdb8e0f1c2b3a', seed: { customers: 30 } });
    const ponte = await startPonte({ providers: [ixcProvider] });
    const { key } = await ponte.createTenant('isp', 'ixc', {
      ...ixcTenantSettings(sim.baseUrl, '7:4dacdb8e0f1c2b3a'),
      default_city_id: '3509',
    });
    return {
      call: (name, body) => ponte.call(name, body, key),
      catalogue: async () => {
        const res = await fetch(`${ponte.url}/v1/functions`, { headers: { authorization: `Bearer ${key}` } });
        return { status: res.status, body: await res.json(), headers: res.headers };
      },
      close: () => ponte.close(),
    };
  },
});
