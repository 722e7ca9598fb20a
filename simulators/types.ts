// The shape every ERP simulator exports (simulators/<erp>/index.ts), so that one registry
// (simulators/index.ts) serves the CLI (`ponte sim <erp>`), the shared provider contract suite and
// the benchmark. Adding an ERP's simulator means writing its folder and one line in the registry.
import type { FunctionName } from '../src/contract/index.js';

/** A test customer the simulator seeds, with what it is there to show. */
export interface SimulatorCustomer {
  /** CPF or CNPJ, digits only. */
  document: string;
  /** One short sentence: what this customer has (bills, a blocked contract, notes...). */
  scenario: string;
}

/** The customers that play each role of the shared provider contract suite (test/contract/suite.ts). */
export interface ContractRoles {
  /** A customer with at least two open bills. */
  customerWithBills: string;
  /** Another customer with at least one open bill (ownership checks). */
  otherCustomerWithBills: string;
  /** A customer with no open bill. */
  customerWithoutBills: string;
  /** A valid CPF that is no customer of the ERP. */
  unknownCustomer: string;
  /** A customer with exactly one blocked contract that can be trust-unlocked. */
  unlockableCustomer: string;
  /** A customer with pending internal notes. */
  customerWithNotes: string;
  /** A customer with at least one nota fiscal. */
  customerWithInvoices: string;
}

export interface SimulatorStartOptions {
  /** 0 or absent: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The day the seed is anchored on and the simulator's "today" (yyyy-mm-dd); default today in Brazil. */
  today?: string;
  /** Generated filler customers on top of the fixed test customers. */
  customers?: number;
  /** Seed of the generated data. */
  seed?: number;
  /** Fault switches active from the start, in the simulator's own syntax (`kind[=ms],...`). */
  faults?: string;
  /** Answer variants of other ERP releases, in the simulator's own words (IXC: `unlock-v2`). */
  variants?: readonly string[];
}

export interface RunningSimulator {
  /** Where it listens, `http://host:port`. */
  url: string;
  /** How many HTTP requests it has received so far (the benchmark counts ERP requests per call). */
  requests(): number;
  close(): Promise<void>;
}

export interface SimulatorModule {
  /** The provider id it simulates (`ixc`, `hubsoft`...). */
  id: string;
  displayName: string;
  /** The port `ponte sim <id>` listens on by default. */
  defaultPort: number;
  start(options?: SimulatorStartOptions): Promise<RunningSimulator>;
  /** The tenant settings that point Ponte at a simulator listening on `url` (as `start` gave it). */
  tenantSettings(url: string): Record<string, unknown>;
  /** The fixed test customers, each with its scenario (the same on every start). */
  customers: readonly SimulatorCustomer[];
  /** How the shared provider contract suite runs against this ERP. */
  contract: {
    roles: ContractRoles;
    /** The functions the provider cannot do on this ERP: the suite checks the catalogue says exactly this. */
    unsupported: readonly FunctionName[];
  };
}
