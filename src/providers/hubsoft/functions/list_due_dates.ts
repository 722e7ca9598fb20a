import type { FunctionOutput } from '../../../contract/index.js';
import type { ProviderFunction } from '../../types.js';
import type { HubsoftConnection } from '../connection.js';
import { dueDayName, text } from '../mappers.js';

/**
 * The vencimentos (code: id_vencimento, name: the day), earliest day first. Hubsoft's "último dia
 * do mês" has no day of month to show, so it is left out with a warning.
 */
export const listDueDates: ProviderFunction<HubsoftConnection, 'list_due_dates'> = async (
  conn,
  _input,
  call,
) => {
  const list = (await conn.client.readList('configuracao/vencimento', 'vencimentos', {}, call)) as Record<
    string,
    unknown
  >[];
  return list
    .flatMap((v): FunctionOutput<'list_due_dates'> => {
      const code = text(v.id_vencimento);
      const name = dueDayName(v.dia_vencimento as string);
      if (code !== '' && name === null)
        call.warn(`vencimento ${code} (${text(v.dia_vencimento)}) has no day of month and was left out`);
      return code === '' || name === null ? [] : [{ code, name }];
    })
    .sort((a, b) => Number(a.name) - Number(b.name));
};
