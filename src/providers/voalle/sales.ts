// Writing sales to Voalle: a CRM lead (/external/crm/leads/create, which answers no id) or a CRM
// negotiation (crm/startsale -> protocolId), with the integrator codes from the tenant's settings.
import { text } from '../kit/edge.js';
import { rejected } from '../kit/http.js';
import type { CallContext } from '../types.js';
import { ERP_NAME, missingSetting, type Envelope, type VoalleConnection } from './client.js';
import type { IntegratorCodes, SaleCodes } from './mappers/sales.js';

/**
 * The integrator alias and contact origin a lead needs. The origin is the input's when it is one
 * list_commercial_origins gives (the tenant's list or crm_contact_origin_code), else
 * crm_contact_origin_code: Voalle refuses an origin code it does not have.
 */
export function integratorCodes(
  conn: VoalleConnection,
  fn: string,
  origin: string | undefined,
  reseller: string | undefined,
  call: CallContext,
): IntegratorCodes {
  const alias = conn.settings.integrator_alias;
  if (alias === undefined)
    throw missingSetting(fn, 'integrator_alias', 'the alias of the integrator registered in Voalle');
  const fallback = conn.settings.crm_contact_origin_code;
  const known = new Set([
    ...conn.options.commercial_origins.map((o) => o.code),
    ...(fallback === undefined ? [] : [fallback]),
  ]);
  if (origin !== undefined && !known.has(origin) && fallback !== undefined) {
    call.warn(
      `commercial_origin_code ${origin} is not one of the tenant's Voalle origins: crm_contact_origin_code was sent`,
    );
  }
  const code = origin !== undefined && (known.has(origin) || fallback === undefined) ? origin : fallback;
  if (code === undefined)
    throw missingSetting(
      fn,
      'crm_contact_origin_code',
      'the contact origin of CRM → Cadastros → Origens de Contato',
    );
  const seller = sellerTxId(conn, reseller);
  return {
    integratorAlias: alias,
    crmContactOriginCode: code,
    ...(seller === undefined ? {} : { sellerTxId: seller }),
  };
}

/** The seller's CPF/CNPJ: the reseller's taxvat when the input names a configured one, else seller_tx_id. */
export function sellerTxId(conn: VoalleConnection, reseller: string | undefined): string | undefined {
  const found = reseller === undefined ? undefined : conn.settings.resellers.find((r) => r.code === reseller);
  return found?.taxvat ?? conn.settings.seller_tx_id;
}

export function saleCodes(conn: VoalleConnection, fn: string, reseller: string | undefined): SaleCodes {
  const s = conn.settings;
  const need = (value: string | undefined, name: string, what: string) => {
    if (value === undefined) throw missingSetting(fn, name, what);
    return value;
  };
  const seller = sellerTxId(conn, reseller);
  return {
    companyPlaceTxId: need(
      s.company_place_tx_id,
      'company_place_tx_id',
      'the CNPJ of the company place that sells',
    ),
    contractType: need(s.contract_type, 'contract_type', 'the contract type of new contracts'),
    crmCampaignCode: need(s.crm_campaign_code, 'crm_campaign_code', 'the CRM campaign'),
    crmPriceListCode: need(s.crm_price_list_code, 'crm_price_list_code', "the campaign's price list"),
    ...(seller === undefined ? {} : { sellerTxId: seller }),
  };
}

function refused(envelope: Envelope) {
  return rejected(
    ERP_NAME,
    envelope.messages.join(' ') || `HTTP ${envelope.status}`,
    envelope.status,
    envelope.text,
  );
}

/** POST the lead; Voalle's message (or null) on success, ERP_REJECTED on a refusal. */
export async function postLead(
  conn: VoalleConnection,
  body: Record<string, unknown>,
  call: CallContext,
): Promise<string | null> {
  const envelope = await conn.client.write('POST', '/external/crm/leads/create', body, call);
  if (!envelope.ok) throw refused(envelope);
  return envelope.messages.join(' ') || null;
}

/** POST crm/startsale; the negotiation's protocolId. */
export async function startSale(
  conn: VoalleConnection,
  body: Record<string, unknown>,
  call: CallContext,
): Promise<{ id: string; message: string | null }> {
  const envelope = await conn.client.write('POST', 'crm/startsale', body, call);
  const id = text((envelope.response as { protocolId?: unknown } | null)?.protocolId);
  if (!envelope.ok || id === '') throw refused(envelope);
  return { id, message: envelope.messages.join(' ') || null };
}
