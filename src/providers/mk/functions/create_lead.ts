import { PonteError } from '../../../contract/index.js';
import { text } from '../../kit/index.js';
import { mkFunction } from '../connect.js';
import { findCustomer } from '../customers.js';
import { mainRecord } from '../mappers/customer.js';
import { fitInfo } from '../mappers/ticket.js';
import { openLead, requireSpecialApis } from '../sales.js';

/**
 * WSMKNovaLead (paid "APIs especiais"). MK's lead hangs on an existing registration: the lead's
 * own when its document is an MK customer, else the tenant's lead_customer_id (NOT_SUPPORTED
 * naming it while unset). The lead's data goes into `info`.
 */
export const createLead = mkFunction('create_lead', async (conn, input, call) => {
  requireSpecialApis(conn, 'create_lead');
  const { lead } = input;
  const customer =
    lead.document_number === undefined ? null : await findCustomer(conn, lead.document_number, call);
  const holder =
    customer === null ? conn.settings.lead_customer_id : text(mainRecord(customer.records).CodigoPessoa);
  if (holder === undefined) {
    throw new PonteError(
      'NOT_SUPPORTED',
      "MK records a lead on an existing registration: set 'lead_customer_id' for leads of people who are not customers",
      { details: { settings: ['lead_customer_id'] } },
    );
  }
  const a = lead.address;
  const info = [
    `Lead ${lead.name}`,
    lead.document_number === undefined ? '' : `Documento: ${lead.document_number}`,
    [lead.phone, lead.email].filter((x) => x !== undefined).join(' '),
    a === undefined
      ? ''
      : [a.street, a.number, a.neighborhood, a.city, a.state, a.zip_code]
          .filter((x) => x !== undefined)
          .join(', '),
    lead.product_code === undefined ? '' : `Produto: ${lead.product_code}`,
    lead.commercial_origin_code === undefined ? '' : `Origem: ${lead.commercial_origin_code}`,
    lead.notes ?? '',
    `[ponte:lead:${lead.id}]`,
  ]
    .filter((l) => l !== '')
    .join('\n');
  return { remote_id: await openLead(conn, holder, fitInfo(info), call) };
});
