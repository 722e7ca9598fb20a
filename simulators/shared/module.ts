// Pieces the simulators' registry entries (simulators/<erp>/index.ts) share: where to listen, the
// seed options taken from the registry's start options, and the contract's unknown customer.
import type { SimulatorStartOptions } from '../types.js';

/** `port` and `host` of the start options (a free port on 127.0.0.1 by default). */
export const listenOptions = (options: SimulatorStartOptions) => ({
  port: options.port ?? 0,
  host: options.host ?? '127.0.0.1',
});

/** The seed's `customers` and `seed` (and `today`, where the seed takes it) when they are given. */
export const seedOptions = (options: SimulatorStartOptions, withToday = false) => ({
  ...(options.customers === undefined ? {} : { customers: options.customers }),
  ...(options.seed === undefined ? {} : { seed: options.seed }),
  ...(!withToday || options.today === undefined ? {} : { today: options.today }),
});

/** A valid CPF that is no customer of any simulator (the contract suite's unknownCustomer). */
export const UNKNOWN_CUSTOMER = '52998224725';

/** The contract roles played by the fixtures most simulators name alike. */
export const commonRoles = (f: {
  withBills: string;
  otherWithBills: string;
  withoutBills: string;
  unlockable: string;
}) => ({
  customerWithBills: f.withBills,
  otherCustomerWithBills: f.otherWithBills,
  customerWithoutBills: f.withoutBills,
  unknownCustomer: UNKNOWN_CUSTOMER,
  unlockableCustomer: f.unlockable,
});
