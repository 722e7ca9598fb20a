// `ponte sim <erp>`: runs one of the registered ERP simulators (simulators/index.ts) until Ctrl-C,
// and prints the tenant settings that point Ponte at it and its test customers. With --json the
// first line of stdout is exactly {"settings": {...}, "customers": [...]}, for scripts.
import { parseArgs } from 'node:util';
import type { RunningSimulator } from '../../simulators/index.js';
import { CliError, type Io } from './output.js';

const OPTIONS =
  '[--port N] [--host H] [--customers N] [--seed S] [--today yyyy-mm-dd] [--fault kind[=ms],...] [--variant v,...] [--json]';

/** The usage line; `ponte sim` without an ERP names the simulators there are. */
export const simUsage = `ponte sim <erp> ${OPTIONS}`;

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n))
    throw new CliError(`--${name} must be a whole number`);
  return n;
}

/** Starts the simulator named by `args[0]` and prints how to use it; the caller keeps it running. */
export async function startSimulatorCli(args: string[], io: Io): Promise<RunningSimulator> {
  // Loaded here, not with the CLI: no other command pays for the simulators and their seeds.
  const { simulators, simulatorFor } = await import('../../simulators/index.js');
  const usage = `ponte sim <${simulators.map((s) => s.id).join('|')}> ${OPTIONS}`;
  const [erp, ...rest] = args;
  const simulator = erp === undefined ? undefined : simulatorFor(erp);
  if (simulator === undefined) {
    throw new CliError(erp === undefined ? `usage: ${usage}` : `no simulator '${erp}': ${usage}`);
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        customers: { type: 'string' },
        seed: { type: 'string' },
        today: { type: 'string' },
        fault: { type: 'string' },
        variant: { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message}\nusage: ${usage}`);
  }
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
    throw new CliError('--today must be yyyy-mm-dd');
  }
  const customers = wholeNumber('customers', values.customers);
  const seed = wholeNumber('seed', values.seed);
  const sim = await simulator.start({
    port: wholeNumber('port', values.port) ?? simulator.defaultPort,
    host: values.host ?? '127.0.0.1',
    ...(customers === undefined ? {} : { customers }),
    ...(seed === undefined ? {} : { seed }),
    ...(values.today === undefined ? {} : { today: values.today }),
    ...(values.fault === undefined ? {} : { faults: values.fault }),
    ...(values.variant === undefined ? {} : { variants: values.variant.split(',').map((v) => v.trim()) }),
  });
  const settings = simulator.tenantSettings(sim.url);
  const list = simulator.customers.map((c) => ({ document: c.document, scenario: c.scenario }));
  if (values.json) {
    io.out(JSON.stringify({ settings, customers: list }));
    return sim;
  }
  io.out(`${simulator.displayName} simulator listening on ${sim.url}`);
  io.out('');
  io.out('Tenant settings that point Ponte at it:');
  io.out(
    `  ponte tenants create --name ${simulator.id}-sim --provider ${simulator.id} --settings '${JSON.stringify(settings)}'`,
  );
  io.out('');
  io.out('Test customers:');
  const width = Math.max(...list.map((c) => c.document.length));
  for (const c of list) io.out(`  ${c.document.padEnd(width)}  ${c.scenario}`);
  io.out('');
  return sim;
}
