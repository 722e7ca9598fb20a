import type { FunctionOutput } from '../../../contract/index.js';
import type { ProviderFunction } from '../../types.js';
import type { HubsoftConnection } from '../connection.js';
import { text } from '../mappers.js';

/** The vendedores; Hubsoft gives only id and name, so taxvat and email are "". */
export const listResellers: ProviderFunction<HubsoftConnection, 'list_resellers'> = async (
  conn,
  _input,
  call,
) => {
  const list = (await conn.client.readList('configuracao/vendedor', 'vendedores', {}, call)) as Record<
    string,
    unknown
  >[];
  return list.flatMap((v): FunctionOutput<'list_resellers'> => {
    const code = text(v.id);
    return code === '' ? [] : [{ code, name: text(v.name), taxvat: '', email: '' }];
  });
};
