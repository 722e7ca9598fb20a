// `ponte sim hubsoft`: the Hubsoft simulator on a port, with the tenant settings to point Ponte at it.
import { parseArgs } from 'node:util';
import { defaultHubsoftCredentials, startHubsoftSimulator } from '../../simulators/hubsoft/server.js';
import { CliError, type Io } from './output.js';

export async function runHubsoftSimulatorCli(args: string[], io: Io): Promise<{ close(): Promise<void> }> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '8282' },
      host: { type: 'string', default: '127.0.0.1' },
      customers: { type: 'string' },
      seed: { type: 'string' },
    },
    strict: true,
  });
  const number = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new CliError(`--${name} must be a whole number`);
    return n;
  };
  const customers = number('customers', values.customers);
  const seed = number('seed', values.seed);
  const sim = await startHubsoftSimulator({
    port: number('port', values.port) ?? 8282,
    host: values.host,
    seed: { ...(customers === undefined ? {} : { customers }), ...(seed === undefined ? {} : { seed }) },
  });
  io.out(`Hubsoft simulator listening on ${sim.url}`);
  io.out(
    `tenant settings: ${JSON.stringify({ base_url: sim.url, ...defaultHubsoftCredentials, caixa_financeiro_id: 139, tipo_atendimento_id: 109 })}`,
  );
  io.out(`test customers: ${JSON.stringify(sim.state.data.fixtures)}`);
  return sim;
}
