import { voalleFunction } from '../client.js';
import { leadBody } from '../mappers/sales.js';
import { integratorCodes, postLead } from '../sales.js';

/**
 * /external/crm/leads/create. Voalle returns no id: remote_id is null, and the same lead.id is
 * never sent twice because the gateway keeps the first answer per lead.id (our own record);
 * lead.id also travels as integrationCode.
 */
export const createLead = voalleFunction('create_lead', async (conn, input, call) => {
  const { lead } = input;
  await postLead(
    conn,
    leadBody(
      lead,
      integratorCodes(conn, 'create_lead', lead.commercial_origin_code, lead.reseller_code, call),
      conn.settings,
    ),
    call,
  );
  return { remote_id: null };
});
