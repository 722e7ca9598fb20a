// create_lead: the lead as a prospecto linked to the lead_crm_id CRM list (Hubsoft puts it on its
// PROSPECTOS-API list; without the setting, a prospecto on no list). Address parts the lead lacks
// are sent as "NÃO INFORMADO" / "S/N", because Hubsoft requires them by default. The serviço is the
// lead's product when that is a Hubsoft serviço id, else lead_service_id; a lead with neither is
// sent without one, which Hubsoft refuses unless the ISP made it optional. Refusals are
// ERP_REJECTED with Hubsoft's message.
import type { CallContext } from '../../types.js';
import { refusal } from '../client.js';
import { hubsoftFunction } from '../connection.js';
import type { HubsoftConnection } from '../connection.js';
import { prospectFromLead } from '../mappers/sales.js';
import { plansAt, postProspect, prospectId } from '../sales.js';

/** The serviço a lead is recorded with: its product when that is a Hubsoft serviço id, else lead_service_id. */
async function leadService(
  conn: HubsoftConnection,
  productCode: string | undefined,
  cep: string | undefined,
  call: CallContext,
): Promise<{ id: number; valorCents: number } | null> {
  const wanted =
    productCode !== undefined && /^\d{1,15}$/.test(productCode)
      ? Number(productCode)
      : conn.settings.lead_service_id;
  if (wanted === undefined) return null;
  // The price is the one Hubsoft sells the plan for at the lead's CEP, when both are known.
  const plans = cep === undefined ? [] : await plansAt(conn, cep, call).catch(() => []);
  return { id: wanted, valorCents: plans.find((p) => p.id === wanted)?.valorCents ?? 0 };
}

export const createLead = hubsoftFunction('create_lead', async (conn, input, call) => {
  const { lead } = input;
  const cep = lead.address?.zip_code ?? conn.settings.sales_zip_code;
  const service = await leadService(conn, lead.product_code, cep, call);
  const answer = await postProspect(conn, prospectFromLead(lead, service, conn.settings), call);
  if (!answer.ok) throw refusal(answer);
  const id = prospectId(answer);
  return { remote_id: id === '' ? null : id };
});
