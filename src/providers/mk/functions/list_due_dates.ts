import { mkFunction } from '../connect.js';

/** The tenant's due_dates (code: MK's CodigoRegraVencimento): MK has no list of them. Earliest day first. */
export const listDueDates = mkFunction('list_due_dates', (conn) =>
  Promise.resolve(
    [...conn.settings.due_dates]
      .sort((a, b) => a.day - b.day)
      .map((d) => ({ code: d.code, name: String(d.day) })),
  ),
);
