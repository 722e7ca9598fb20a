import { ixcFunction } from '../connection.js';
import { openLead } from '../sales.js';

/** A CRM lead (contato, lead S) with the desired plan and origin; idempotent on lead.id through its marker. */
export const createLead = ixcFunction('create_lead', async (conn, input, call) => {
  const l = input.lead;
  const id = await openLead(
    conn,
    {
      name: l.name,
      notes: [l.notes, l.reseller_code && `Revendedor: ${l.reseller_code}`].filter(Boolean).join('\n'),
      key: `lead:${l.id}`,
      ...(l.document_number === undefined ? {} : { document: l.document_number }),
      ...(l.email === undefined ? {} : { email: l.email }),
      ...(l.phone === undefined ? {} : { phone: l.phone }),
      ...(l.address === undefined ? {} : { address: l.address }),
      ...(l.product_code === undefined ? {} : { productCode: l.product_code }),
      ...(l.commercial_origin_code === undefined ? {} : { originCode: l.commercial_origin_code }),
    },
    call,
  );
  return { remote_id: id };
});
