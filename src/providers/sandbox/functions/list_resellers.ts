import { readFunction } from '../declare.js';

export const listResellers = readFunction('list_resellers', (conn) =>
  conn.q.resellers.all().map((r) => ({ code: r.code, name: r.name, taxvat: r.document, email: r.email })),
);
