import type { FunctionOutput } from '../../../contract/index.js';
import type { ProviderFunction } from '../../types.js';
import type { HubsoftConnection } from '../connection.js';
import { text } from '../mappers.js';

/** The tenant's commercial_origins when it has any, else Hubsoft's origens de cliente. */
export const listCommercialOrigins: ProviderFunction<HubsoftConnection, 'list_commercial_origins'> = async (
  conn,
  _input,
  call,
) => {
  if (conn.options.commercial_origins.length > 0) return conn.options.commercial_origins;
  const list = (await conn.client.readList(
    'configuracao/origem_cliente',
    'origens_cliente',
    {},
    call,
  )) as Record<string, unknown>[];
  return list.flatMap((o): FunctionOutput<'list_commercial_origins'> => {
    const code = text(o.id_origem_cliente);
    return code === '' ? [] : [{ code, description: text(o.descricao) }];
  });
};
