// The IXC simulator in a process of its own (forked by sim-process.ts), so that neither the load
// generator nor Ponte shares its event loop. It answers the parent's questions over IPC.
import { startIxcSimulator } from '../simulators/ixc/server.js';
import type { FaultRule } from '../simulators/ixc/faults.js';

export type SimRequest =
  | { type: 'counters' }
  | { type: 'faults'; rules: FaultRule[] }
  /** Answers the counters, then starts the in-flight high-water mark afresh. */
  | { type: 'reset-high-water' };

export interface SimReady {
  type: 'ready';
  baseUrl: string;
  token: string;
}

export interface SimCounters {
  type: 'counters';
  /** Every request received, whatever it asked: the ERP's cost of the calls. */
  requests: number;
  /** The most requests in flight at once (since the last reset-high-water). */
  maxInFlight: number;
}

const customers = Number(process.env.BENCH_SIM_CUSTOMERS ?? '40');
const sim = await startIxcSimulator({ port: 0, seed: { customers } });
const send = (message: SimReady | SimCounters) => process.send?.(message);

process.on('message', (message: SimRequest) => {
  if (message.type === 'faults') sim.faults.set(message.rules);
  // The request log is for tests; under load it would only grow.
  sim.state.log.length = 0;
  const { requests, maxInFlight, inFlight } = sim.state.counters;
  send({ type: 'counters', requests, maxInFlight });
  if (message.type === 'reset-high-water') sim.state.counters.maxInFlight = inFlight;
});
process.once('disconnect', () => {
  void sim.close().then(() => process.exit(0));
});
send({ type: 'ready', baseUrl: sim.baseUrl, token: sim.token });
