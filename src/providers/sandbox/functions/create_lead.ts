import { writeFunction } from '../declare.js';

/** Records a lead; the same lead.id answers the lead it recorded the first time. */
export const createLead = writeFunction('create_lead', (conn, { lead }, { call }) => {
  const previous = conn.q.leadByKey.get(lead.id);
  if (previous !== undefined) return { remote_id: String(previous.id) };
  const id = conn.inserts.lead({
    id: null,
    lead_key: lead.id,
    name: lead.name,
    document: lead.document_number ?? '',
    email: lead.email ?? '',
    phone: lead.phone ?? '',
    payload: JSON.stringify(lead),
    created_at: lead.created_at ?? call.now.toISOString(),
  });
  return { remote_id: String(id) };
});
