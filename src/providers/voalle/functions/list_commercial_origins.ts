import { voalleFunction } from '../client.js';

/**
 * Voalle's contact origins (CRM → Cadastros → Origens de Contato) cannot be listed through the
 * API: the tenant's commercial_origins, else the one crm_contact_origin_code.
 */
export const listCommercialOrigins = voalleFunction('list_commercial_origins', (conn) => {
  if (conn.options.commercial_origins.length > 0) return Promise.resolve(conn.options.commercial_origins);
  const code = conn.settings.crm_contact_origin_code;
  return Promise.resolve(
    code === undefined
      ? []
      : [{ code, description: 'Origem de contato configurada (crm_contact_origin_code)' }],
  );
});
