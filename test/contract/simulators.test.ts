// The provider contract suite against every ERP in the simulator registry, through its simulator
// over real HTTP: a new ERP's simulator joins this run by its line in simulators/index.ts.
import { after } from 'node:test';
import { simulators } from '../../simulators/index.js';
import type { RunningSimulator } from '../../simulators/index.js';
import { defaultProviders } from '../../src/providers/index.js';
import { startPonte } from '../helpers/ponte.js';
import { providerContractSuite } from './suite.js';

const running: RunningSimulator[] = [];
after(async () => {
  await Promise.all(running.map((sim) => sim.close()));
});

for (const simulator of simulators) {
  const provider = defaultProviders().find((p) => p.id === simulator.id);
  if (provider === undefined) throw new Error(`simulator ${simulator.id} has no provider of that id`);
  providerContractSuite({
    name: simulator.id,
    unsupported: simulator.contract.unsupported,
    fixtures: simulator.contract.roles,
    async start() {
      const sim = await simulator.start({ customers: 30, seed: 7 });
      running.push(sim);
      const ponte = await startPonte({ providers: [provider] });
      const { key } = await ponte.createTenant('isp', provider.id, simulator.tenantSettings(sim.url));
      return {
        call: (name, body) => ponte.call(name, body, key),
        catalogue: async () => {
          const res = await fetch(`${ponte.url}/v1/functions`, {
            headers: { authorization: `Bearer ${key}` },
          });
          return { status: res.status, body: await res.json(), headers: res.headers };
        },
        close: () => ponte.close(),
      };
    },
  });
}
