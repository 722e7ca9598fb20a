// `ponte sim <erp> --json` for every simulator in the registry: the first line of stdout is exactly
// {"settings": {...}, "customers": [...]}, the simulator keeps serving, and the settings it prints
// are accepted by the provider and point at a simulator that answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { simulators } from '../../simulators/index.js';
import { defaultProviders } from '../../src/providers/index.js';
import { parseDocument } from '../../src/brasil/document.js';
import { freePort } from '../helpers/ponte-process.js';

const root = new URL('../..', import.meta.url).pathname;

for (const simulator of simulators) {
  test(`ponte sim ${simulator.id} --json prints its settings and test customers, then keeps serving`, async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [join(root, 'bin/ponte.js'), 'sim', simulator.id, '--port', String(port), '--json'],
      { env: { ...process.env, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const lines = createInterface({ input: child.stdout });
      const [first] = (await once(lines, 'line')) as [string];
      const printed = JSON.parse(first) as {
        settings: Record<string, unknown>;
        customers: { document: string; scenario: string }[];
      };
      assert.deepEqual(Object.keys(printed), ['settings', 'customers']);
      assert.deepEqual(printed.settings, simulator.tenantSettings(`http://127.0.0.1:${port}`));
      assert.ok(printed.customers.length >= 4, 'at least the contract roles');
      for (const c of printed.customers) {
        assert.ok(parseDocument(c.document).ok, `${c.document} is a valid CPF/CNPJ`);
        assert.ok(c.scenario.length > 0);
      }
      const provider = defaultProviders().find((p) => p.id === simulator.id);
      assert.ok(provider, `a provider ${simulator.id}`);
      assert.equal(provider.settings.safeParse(printed.settings).success, true);
      // Still serving: any answer at all from its port.
      const res = await fetch(`http://127.0.0.1:${port}/`);
      assert.ok(res.status > 0);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
}
