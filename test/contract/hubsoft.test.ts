// The provider contract suite against Hubsoft, through the Hubsoft simulator over real HTTP.
import {
  startHubsoftSimulator,
  defaultHubsoftCredentials,
  seedHubsoft,
} from '../../simulators/hubsoft/server.js';
import { hubsoftProvider } from '../../src/providers/hubsoft/index.js';
import { startPonte } from '../helpers/ponte.js';
import { providerContractSuite } from './suite.js';

const data = seedHubsoft({ seed: 7, customers: 30 });
const f = data.fixtures;

providerContractSuite({
  name: 'hubsoft',
  // Hubsoft's integration API has no endpoint that edits a customer (docs/erp/hubsoft.md).
  unsupported: ['update_customer'],
  fixtures: {
    customerWithBills: f.withBills,
    otherCustomerWithBills: f.otherWithBills,
    customerWithoutBills: f.withoutBills,
    unknownCustomer: '52998224725',
    unlockableCustomer: f.unlockable,
    customerWithNotes: f.withNotes,
    customerWithInvoices: f.withInvoices,
  },
  async start() {
    const sim = await startHubsoftSimulator({ seed: data });
    const ponte = await startPonte({ providers: [hubsoftProvider] });
    const { key } = await ponte.createTenant('isp', 'hubsoft', {
      base_url: sim.url,
      ...defaultHubsoftCredentials,
      caixa_financeiro_id: 139,
      tipo_atendimento_id: 109,
      lead_crm_id: 201,
      lead_service_id: 1302,
    });
    return {
      call: (name, body) => ponte.call(name, body, key),
      catalogue: async () => {
        const res = await fetch(`${ponte.url}/v1/functions`, { headers: { authorization: `Bearer ${key}` } });
        return { status: res.status, body: await res.json(), headers: res.headers };
      },
      close: async () => {
        await ponte.close();
        await sim.close();
      },
    };
  },
});
