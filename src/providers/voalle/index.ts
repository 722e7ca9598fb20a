// Voalle (Grupo Voalle, "API's para Terceiros"), from third-party clients' code and notes: no vendor
// document could be stored (erp-docs/voalle; docs/erp/voalle.md grades each function). Identity: a
// customer is found by CPF/CNPJ (people/txid, only people flagged cliente); titles by CPF/CNPJ;
// contract_id is the contractNumber (the one contract field a client confirmed).
//
// Decisions where the contract or the material is silent:
//
// Protocol
// - OAuth2 client credentials on the auth port (auth_url, default the API host on 45700), form
//   encoded with scope syngw and syndata; one token per tenant connection, renewed a minute before
//   expires_in, replaced once when the API answers 401 (a 401 proves nothing was done, so a write
//   goes again, once). Refused credentials are ERP_UNAVAILABLE naming the settings to fix.
// - The envelope's `success: false` with HTTP 200 is Voalle's error: for reads ERP_BAD_RESPONSE
//   unless it is a known "not found" / "nothing open" message; for writes with a success field in
//   the contract, success false with Voalle's message; otherwise ERP_REJECTED. `messages` may be
//   null, "", a string or an array. 429 (Voalle's 30 requests a minute per integrator) is
//   ERP_UNAVAILABLE with Retry-After; reads are retried within the deadline, writes never.
//
// Billing
// - list_bills: getopentitlesbytxid (open, overdue and due within about a month, as Voalle
//   chooses). Voalle splits fine and interest itself: the valuation takes its split and checks
//   finalValue = value + fine + interest - discount. remote_id = fatura = the title id.
//   link_boleto is "" (Voalle's links are signed and expire: get_boleto_pdf fetches them).
// - get_bill: gettitlesbytxid of the customer, so another customer's title is []. Status from
//   billet.status or the item's status (the clients disagree on where it is).
// - get_boleto_pdf: GetBillet/{id} (PDF), else GetBilletLink/{id} and its link.
// - settle_bill: receivepayment with a GUID derived from (tenant, transaction.id) as transactionId,
//   then consultpayment polled; asynchronous, exactly once (functions/settle_bill.ts).
//
// Customer and service
// - get_customer: people/txid. No registration date exists in the answer: the earliest issue date
//   of the titles it embeds stands in (else today). ativo: person status 1 (or not given).
// - update_customer: PUT people/{id} (e-mail; phone -> cellPhone, phone_secondary -> phone) and
//   PUT updateaddress/{clientId} with the whole address (current values with the changes over them).
// - Plans: contract/getpaged with onlyActiveContracts false; blocked = status 6 (financial) or 7
//   (administrative, trust_unlock_available false); 5 Suspenso is suspended.
// - trust_unlock: contracts/unlock/{contractNumber}; refusals success false with Voalle's message;
//   unlocked_until and protocol "" (Voalle answers neither).
// - create_ticket: opensolicitation (protocol = remote_id), on contract_id or the first live contract.
// - Unsupported: get_internal_pending (no note list; solicitationlist lists tickets, not notes) and
//   list_invoices (no invoice list in the third-party API). get_invoice_pdf downloads a DANFE by id
//   only with invoice_pdf_without_ownership_check (Voalle cannot tell whose it is).
//
// Sales
// - create_lead: /external/crm/leads/create with integrator_alias and the origin (input, else
//   crm_contact_origin_code); no id comes back: remote_id null; the gateway's record of lead.id
//   keeps it from being sent twice.
// - create_order: order_mode "lead" (default; the platform's own Voalle connector sends orders as
//   leads), remote_id the customer's CPF/CNPJ; "negotiation": crm/startsale, remote_id protocolId.
//   Refused, and the document is already a Voalle client, and order_fallback_to_ticket: a
//   solicitation (is_issue true). No person is registered first (POST people), which Voalle may
//   want before a negotiation.
// - create_order_existing_customer: ticket (solicitation), lead or contract (negotiation) mode.
// - list_products: services of crm/contracttypesandservices (with prices from the price list when
//   it has them) or the price list itself; list_due_dates: collectionDays; list_resellers and
//   list_commercial_origins from tenant settings (Voalle lists neither).
import { defineProvider, loadFunctions } from '../kit/define.js';
import { checkVoalle } from './check.js';
import { VoalleClient, type VoalleConnection } from './client.js';
import { voalleSecretFields, voalleSettingsSchema, type VoalleSettings } from './settings.js';

export const voalleProvider = defineProvider<VoalleSettings, VoalleConnection>({
  id: 'voalle',
  displayName: 'Voalle',
  settings: voalleSettingsSchema,
  secretFields: voalleSecretFields,
  functions: await loadFunctions(new URL('./functions/', import.meta.url)),
  connect: (env) => ({
    tenantId: env.tenantId,
    client: new VoalleClient(env.settings),
    settings: env.settings,
    options: env.options,
    payments: new Map(),
  }),
  close: (conn) => conn.client.close(),
  check: checkVoalle,
});

export { voalleSettingsSchema } from './settings.js';
export type { VoalleSettings, VoalleSettingsInput } from './settings.js';
export type { VoalleConnection } from './client.js';
