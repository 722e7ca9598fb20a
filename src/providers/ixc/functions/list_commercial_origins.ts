import { ixcFunction } from '../connection.js';

/** IXC has no list of commercial origins: the tenant's commercial_origins option supplies it. */
export const listCommercialOrigins = ixcFunction('list_commercial_origins', (conn) =>
  Promise.resolve(conn.options.commercial_origins.map((o) => ({ code: o.code, description: o.description }))),
);
