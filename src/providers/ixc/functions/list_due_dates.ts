import { ixcFunction } from '../connection.js';

/**
 * IXC has no list of due days: they are the days the tenant mapped to a contract type
 * (due_day_contract_types), in order. The code is the day itself.
 */
export const listDueDates = ixcFunction('list_due_dates', { needs: ['due_day_contract_types'] }, (conn) =>
  Promise.resolve(
    Object.keys(conn.settings.due_day_contract_types)
      .sort((a, b) => Number(a) - Number(b))
      .map((day) => ({ code: day, name: day })),
  ),
);
