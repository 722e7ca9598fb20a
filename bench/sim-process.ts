// Starts the IXC simulator child and reads its request counters.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FaultRule } from '../simulators/ixc/faults.js';
import { ROOT } from './ponte-process.js';
import type { SimCounters, SimReady, SimRequest } from './sim-child.js';

export interface SimProcess {
  pid: number;
  baseUrl: string;
  /** `http://host:port` of the simulator. */
  origin: string;
  token: string;
  /** Requests the simulator has received so far. */
  requests(): Promise<number>;
  setFaults(rules: FaultRule[]): Promise<void>;
  /** The most requests in flight at once since the last call (the first call starts the count). */
  highWater(): Promise<number>;
  stop(): Promise<void>;
}

export async function startSimulator(customers = 40): Promise<SimProcess> {
  const child = fork(fileURLToPath(new URL('./sim-child.ts', import.meta.url)), [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_SIM_CUSTOMERS: String(customers) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<SimReady>((resolve, reject) => {
    child.once('message', (m: SimReady) => resolve(m));
    child.once('exit', (code) => reject(new Error(`the IXC simulator exited (${code})`)));
  });
  const ask = (request: SimRequest) =>
    new Promise<SimCounters>((resolve) => {
      child.once('message', (m: SimCounters) => resolve(m));
      child.send(request);
    });
  return {
    pid: child.pid!,
    baseUrl: ready.baseUrl,
    origin: new URL(ready.baseUrl).origin,
    token: ready.token,
    requests: async () => (await ask({ type: 'counters' })).requests,
    highWater: async () => (await ask({ type: 'reset-high-water' })).maxInFlight,
    setFaults: async (rules) => {
      await ask({ type: 'faults', rules });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}
