// A tenant's handle on its IXC, and `ixcFunction`, the helper every functions/<name>.ts is
// declared with (so the manifest's list of functions is the only place names appear).
import { todayInBrazil } from '../../brasil/dates.js';
import { PonteError } from '../../contract/index.js';
import { functionsFor } from '../kit/define.js';
import type { TenantOptions } from '../tenant-options.js';
import type { CallContext, ConnectEnv } from '../types.js';
import { IxcClient } from './client.js';
import type { City } from './mappers/addresses.js';
import type { IdSetting, IxcSettings } from './settings.js';

export interface IxcConnection {
  client: IxcClient;
  settings: IxcSettings;
  options: TenantOptions;
  /** City id -> name and UF; cities do not change, so they are read once per connection. */
  cities: Map<string, Promise<City | null>>;
}

export const ixcFunction = functionsFor<IxcConnection, IxcSettings>();

export function connectIxc(env: ConnectEnv<IxcSettings>): IxcConnection {
  return {
    client: new IxcClient({
      baseUrl: env.settings.base_url,
      token: env.settings.token,
      pageSize: env.settings.page_size,
    }),
    settings: env.settings,
    options: env.options,
    cities: new Map(),
  };
}

/**
 * A setting only one mode of a function needs (order_mode contract, the ticket mode of
 * existing-customer orders, a bill without its own filial): NOT_SUPPORTED naming it while unset.
 * Settings a function always needs are declared in its `needs` and checked by the gateway first;
 * for those use `declared`.
 */
export function requireSetting(conn: IxcConnection, name: IdSetting): string {
  const value = conn.settings[name];
  if (value === undefined) {
    throw new PonteError(
      'NOT_SUPPORTED',
      `IXC needs the setting ${name} for this: run \`ponte check <tenant>\` to list the values found in the ERP`,
      { details: { setting: name } },
    );
  }
  return value;
}

/** A setting the function declares in `needs`: the gateway has checked it is set. */
export function declared(conn: IxcConnection, name: IdSetting): string {
  const value = conn.settings[name];
  if (value === undefined)
    throw new Error(`IXC setting ${name} is declared as needed but reached the function unset`);
  return value;
}

export function today(call: CallContext): string {
  return todayInBrazil(call.now);
}
