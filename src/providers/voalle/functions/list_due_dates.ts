import { contractTypes } from '../catalogue.js';
import { voalleFunction } from '../client.js';

/** collectionDays of contract_type (of every type when unset), each day its own code. */
export const listDueDates = voalleFunction('list_due_dates', async (conn, _input, call) => {
  const types = (await contractTypes(conn, call)).filter(
    (t) => conn.settings.contract_type === undefined || t.code === conn.settings.contract_type,
  );
  const days = [...new Set(types.flatMap((t) => t.collectionDays))].sort((a, b) => a - b);
  return days.map((d) => ({ code: String(d), name: String(d) }));
});
