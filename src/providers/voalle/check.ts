// `ponte check` for Voalle: the integrator credentials (a token), then the ids to pick for the
// settings: company places (company_place_tx_id), contract types (contract_type), campaigns and
// price lists (crm_campaign_code, crm_price_list_code) and incident types. Payment forms and bank
// accounts (payment_form_codes, bank_account_code) have no listing in the third-party API as far
// as the material shows: the report says where to copy them from.
import { PonteError } from '../../contract/index.js';
import { maskPersonalData } from '../../logging/mask.js';
import type { CallContext, CheckChoice, CheckReport } from '../types.js';
import { contractTypes, priceLists } from './catalogue.js';
import type { VoalleConnection } from './client.js';

const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

async function pagedList(
  conn: VoalleConnection,
  route: string,
  call: CallContext,
): Promise<Record<string, unknown>[]> {
  const envelope = await conn.client.get(`${route}?Page=1&PageSize=100`, call);
  if (!envelope.ok)
    throw new PonteError(
      'ERP_BAD_RESPONSE',
      `Voalle answered ${route} with: ${maskPersonalData(envelope.messages.join(' '))}`,
    );
  const data = obj(envelope.response).data;
  return Array.isArray(data) ? data.map(obj) : [];
}

export async function checkVoalle(conn: VoalleConnection, call: CallContext): Promise<CheckReport> {
  const messages: string[] = [];
  const choices: Record<string, CheckChoice[]> = {};
  try {
    await conn.client.bearer(call);
    messages.push('credentials accepted: the auth port issued a token (client_credentials, scope syngw)');
  } catch (error) {
    return { ok: false, messages: [`credentials refused: ${(error as Error).message}`], choices };
  }
  let ok = true;
  const step = async (what: string, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      ok = false;
      messages.push(`${what}: ${(error as Error).message}`);
    }
  };
  await step('company places', async () => {
    const places = await pagedList(conn, 'companiesplacespaged', call);
    choices.company_place_tx_id = places.map((p) => ({
      id: str(p.txId).replace(/\D/g, ''),
      label: `${str(p.description)} (${str(p.city)})`,
    }));
    messages.push(`${places.length} company places found`);
  });
  await step('contract types', async () => {
    const types = await contractTypes(conn, call);
    choices.contract_type = types.map((t) => ({
      id: t.code,
      label: `${t.title} (due days ${t.collectionDays.join(', ')}; ${t.services.length} services)`,
    }));
    messages.push(
      types.length === 0
        ? 'no contract type is released for integration: enable Parâmetros → Integração on the contract types to sell'
        : `${types.length} contract types released for integration`,
    );
  });
  await step('campaigns and price lists', async () => {
    const lists = await priceLists(conn, call);
    const campaigns = new Map(lists.map((l) => [l.campaignCode, l.campaignTitle]));
    choices.crm_campaign_code = [...campaigns].map(([id, label]) => ({ id, label }));
    choices.crm_price_list_code = lists.map((l) => ({
      id: l.code,
      label: `${l.title} (campaign ${l.campaignCode}, ${l.products.length} products)`,
    }));
    messages.push(`${campaigns.size} campaigns, ${lists.length} price lists`);
  });
  await step('incident types', async () => {
    const types = await pagedList(conn, 'incidenttypespaged', call);
    choices.incident_types = types.map((t) => ({
      id: str(t.id),
      label: `${str(t.code)} ${str(t.title)}`.trim(),
    }));
    messages.push(`${types.length} incident types`);
  });
  messages.push(
    "payment forms and bank accounts cannot be listed through Voalle's third-party API: copy the codes for 'payment_form_codes' and 'bank_account_code' from the ERP (Financeiro → Cadastros)",
  );
  const s = conn.settings;
  if (s.integrator_alias === undefined || s.crm_contact_origin_code === undefined) {
    messages.push(
      "leads need 'integrator_alias' (Manutenções → Integrações → Integradores) and 'crm_contact_origin_code' (CRM → Cadastros → Origens de Contato)",
    );
  }
  if (s.bank_account_code === undefined)
    messages.push("settle_bill needs 'bank_account_code' and 'payment_form_codes'");
  return { ok, messages, choices };
}
