import { mkFunction } from '../connect.js';

/** The tenant's commercial_origins option: MK's origem_contato is a bare number with no list. */
export const listCommercialOrigins = mkFunction('list_commercial_origins', (conn) =>
  Promise.resolve(conn.options.commercial_origins.map((o) => ({ code: o.code, description: o.description }))),
);
