// A tenant's connection to its Hubsoft, and the helper its functions are declared with.
import type { FunctionName } from '../../contract/index.js';
import { notReady } from '../readiness.js';
import { functionsFor } from '../kit/define.js';
import type { TenantOptions } from '../tenant-options.js';
import type { ConnectEnv } from '../types.js';
import { HubsoftClient } from './client.js';
import type { HubsoftSettings } from './settings.js';

export interface HubsoftConnection {
  settings: HubsoftSettings;
  options: TenantOptions;
  client: HubsoftClient;
}

export function connectHubsoft(env: ConnectEnv<HubsoftSettings>): HubsoftConnection {
  return { settings: env.settings, options: env.options, client: new HubsoftClient(env.settings) };
}

/** Declares a Hubsoft function: `hubsoftFunction('list_bills', async (conn, input, call) => ...)`. */
export const hubsoftFunction = functionsFor<HubsoftConnection, HubsoftSettings>();

/**
 * A setting `fn` cannot go on without. The gateway answers NOT_SUPPORTED before a function runs
 * when a setting it declares in `needs` is missing; this is for the settings a function needs in
 * one mode only (and it narrows the type), with the gateway's answer (notReady, src/providers/readiness.ts).
 */
export function requiredSetting<K extends keyof HubsoftSettings>(
  conn: HubsoftConnection,
  fn: FunctionName,
  name: K,
): NonNullable<HubsoftSettings[K]> {
  const value = conn.settings[name];
  if (value === undefined || value === null) throw notReady('Hubsoft', 'hubsoft', fn, [name]);
  return value;
}
