import { voalleFunction } from '../client.js';

/** Voalle has no seller list in its third-party API (sellers are named by CPF/CNPJ): the tenant's `resellers`. */
export const listResellers = voalleFunction('list_resellers', (conn) =>
  Promise.resolve(
    conn.settings.resellers.map((r) => ({ code: r.code, name: r.name, taxvat: r.taxvat, email: r.email })),
  ),
);
