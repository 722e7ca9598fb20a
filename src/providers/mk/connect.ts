// A tenant's MK connection: its client (with the session token cache), settings and Ponte's common
// options; and `mkFunction`, which declares the functions that receive it.
import { functionsFor } from '../kit/index.js';
import type { ConnectEnv, TenantOptions } from '../kit/index.js';
import { MkClient } from './client.js';
import type { MkClientOptions } from './client.js';
import type { MkSettings } from './settings.js';

export interface MkConnection {
  client: MkClient;
  settings: MkSettings;
  options: TenantOptions;
}

export const mkFunction = functionsFor<MkConnection>();

export function connectMk(env: ConnectEnv<MkSettings>, clientOptions: MkClientOptions = {}): MkConnection {
  return { client: new MkClient(env.settings, clientOptions), settings: env.settings, options: env.options };
}
