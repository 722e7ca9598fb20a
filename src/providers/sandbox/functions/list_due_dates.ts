import { readFunction } from '../declare.js';

export const listDueDates = readFunction('list_due_dates', (conn) =>
  conn.q.dueDays.all().map((d) => ({ code: d.code, name: String(d.day) })),
);
