import { sgpFunction } from '../client.js';

/**
 * SGP has no list of its "Como soube da Empresa?" (midia) ids: they come from the tenant's
 * commercial_origins option, each code a midia_id of the ISP's SGP.
 */
export const listCommercialOrigins = sgpFunction('list_commercial_origins', (conn) =>
  Promise.resolve(conn.options.commercial_origins.map((o) => ({ code: o.code, description: o.description }))),
);
