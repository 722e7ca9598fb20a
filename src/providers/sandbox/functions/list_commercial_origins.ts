import { readFunction } from '../declare.js';

/** The tenant's own list when it has one (as for ERPs without origins), else the sandbox's. */
export const listCommercialOrigins = readFunction('list_commercial_origins', (conn) => {
  const configured = conn.options.commercial_origins;
  if (configured.length > 0) return configured.map((o) => ({ code: o.code, description: o.description }));
  return conn.q.origins.all();
});
