// The simulator registry: every ERP simulator Ponte ships. The CLI (`ponte sim <erp>`), the shared
// provider contract suite (test/contract/simulators.test.ts) and the benchmark read it. Adding an
// ERP's simulator means adding its line here and nowhere else.
import { hubsoftSimulator } from './hubsoft/index.js';
import { ixcSimulator } from './ixc/index.js';
import { mkSimulator } from './mk/index.js';
import { sgpSimulator } from './sgp/index.js';
import { voalleSimulator } from './voalle/index.js';
import type { SimulatorModule } from './types.js';

export const simulators: readonly SimulatorModule[] = [
  ixcSimulator,
  hubsoftSimulator,
  sgpSimulator,
  voalleSimulator,
  mkSimulator,
];

export function simulatorFor(id: string): SimulatorModule | undefined {
  return simulators.find((s) => s.id === id);
}

export type { SimulatorModule, SimulatorCustomer, ContractRoles, RunningSimulator } from './types.js';
