import { mkFunction } from '../connect.js';

/** The tenant's resellers: MK's webservices list technicians and teams, no sellers. */
export const listResellers = mkFunction('list_resellers', (conn) =>
  Promise.resolve(
    conn.settings.resellers.map((r) => ({
      code: r.code,
      name: r.name,
      taxvat: r.taxvat ?? '',
      email: r.email ?? '',
    })),
  ),
);
