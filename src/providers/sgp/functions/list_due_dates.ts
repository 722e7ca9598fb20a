import { sgpFunction } from '../client.js';
import { dueDays } from '../catalogue.js';

/** SGP's due days (vencimentos): the code is the vencimento id the pre-registration takes. */
export const listDueDates = sgpFunction('list_due_dates', async (conn, _input, call) =>
  (await dueDays(conn, call)).map((d) => ({ code: d.id, name: String(d.day) })),
);
