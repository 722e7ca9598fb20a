// list_due_dates: the vencimentos (code: id_vencimento, name: the day), earliest day first.
// Hubsoft's "último dia do mês" has no day of month to show, so it is left out with a warning.
import { text } from '../../kit/edge.js';
import { hubsoftFunction } from '../connection.js';
import { dueDayName } from '../mappers/sales.js';

export const listDueDates = hubsoftFunction('list_due_dates', async (conn, _input, call) => {
  const list = await conn.client.readList('configuracao/vencimento', 'vencimentos', {}, call);
  return list
    .flatMap((v) => {
      const code = text(v.id_vencimento);
      const name = dueDayName(v.dia_vencimento);
      if (code !== '' && name === null)
        call.warn(`vencimento ${code} (${text(v.dia_vencimento)}) has no day of month and was left out`);
      return code === '' || name === null ? [] : [{ code, name }];
    })
    .sort((a, b) => Number(a.name) - Number(b.name));
});
