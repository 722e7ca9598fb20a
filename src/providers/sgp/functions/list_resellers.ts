import { sgpFunction } from '../client.js';
import { sellers } from '../catalogue.js';

/** SGP's sellers (vendedores) of the pre-registration: no document or e-mail is listed. */
export const listResellers = sgpFunction('list_resellers', async (conn, _input, call) =>
  (await sellers(conn, call)).map((s) => ({ code: s.id, name: s.label, taxvat: '' as const, email: '' })),
);
