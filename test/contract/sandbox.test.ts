// The provider contract suite against the embedded sandbox ERP, over real HTTP.
import { fixtureCustomers } from '../../src/providers/sandbox/index.js';
import { startPonte } from '../helpers/ponte.js';
import { providerContractSuite } from './suite.js';

const doc = (key: string) => {
  const c = fixtureCustomers.find((x) => x.key === key);
  if (!c) throw new Error(`no sandbox fixture '${key}'`);
  return c.document_number;
};

providerContractSuite({
  name: 'sandbox',
  unsupported: [],
  fixtures: {
    customerWithBills: doc('overdue-bills'),
    otherCustomerWithBills: doc('internal-notes'),
    customerWithoutBills: doc('no-bills'),
    unknownCustomer: '52998224725',
    unlockableCustomer: doc('trust-unlockable'),
    customerWithNotes: doc('internal-notes'),
    customerWithInvoices: doc('overdue-bills'),
  },
  async start() {
    const ponte = await startPonte();
    const { key } = await ponte.createTenant('isp', 'sandbox', { customers: 50 });
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
