// Hubsoft (hubsoft.com.br), through its integration API (/api/v1/integracao, official docs and
// Postman collection). Identity: a customer is found by CPF/CNPJ (cliente route); the unit of
// finance, unlock and tickets is the service (id_cliente_servico), the contract's contract_id.
//
// Decisions where the contract or Hubsoft's docs are silent:
//
// Protocol
// - One token per tenant connection (OAuth2 password grant), renewed a minute before expires_in
//   and replaced when Hubsoft answers 401 (revoked by an administrator or an update): the request
//   is then sent once more with a new token, writes included, since a 401 proves nothing was done.
//   A second 401 is ERP_UNAVAILABLE. Concurrent requests share one token request.
// - Refused credentials are ERP_UNAVAILABLE (503, not the platform's fault; retrying later is
//   right once fixed) with a message naming the settings to fix (username/password for
//   invalid_credentials, client_id/client_secret for invalid_client); secrets never appear.
// - Envelopes: "success" and the "suscess" typo are success; `status: "error"` is an error whatever
//   the HTTP status (the docs never show it). A read answered with an error, an HTML page or broken
//   JSON is ERP_BAD_RESPONSE; unreachable, 5xx and 429 are ERP_UNAVAILABLE (shared client, reads
//   retried, writes never).
//
// Billing
// - Bills come from financeiro/fatura (paginated, money as strings, YYYY-MM-DD), searched by
//   CPF/CNPJ over due dates from bill_history_days ago to 400 days ahead, with Pix codes. Hubsoft
//   gives no updated amount: juros and multa for today are computed from the fatura's forma de
//   cobrança rates (multa percentual, juros percentual_mensal/diario), else the tenant's late_fees;
//   the 2 % fine cap applies to CPF customers. Paid faturas show what was paid: above the amount as
//   juros, below as desconto. Faturas not linked to a forma with those rates use the tenant rule.
// - remote_id is `<id_fatura>-s<id_cliente_servico>` (or `-c<id_cliente>`): Hubsoft cannot read a
//   fatura by id, so get_boleto_pdf without a document searches that service's faturas. With a
//   document, a bare fatura id is accepted too. fatura is the bare id_fatura.
// - get_boleto_pdf downloads the fatura's public link (no token sent); without a link (débito em
//   conta) or when it is gone, Ponte renders the boleto from the barcode; without a barcode it is
//   BILL_NOT_FOUND.
// - settle_bill: financeiro/fatura/liquidar into caixa_financeiro_id (it `needs` it: without it
//   the gateway answers NOT_SUPPORTED naming the setting and a settlement waits), meio_pagamento mapped from transaction.method through
//   meios_pagamento, data_pagamento the Brazil date of paid_at, valor_pago the amount, the part
//   above the fatura's valor sent as juros, fee as tarifa. "já encontra-se quitada" is
//   already_settled; other refusals rejected; settlement_id is the recibo id.
//
// Customer and service
// - get_customer: the address is the first service's endereco_cadastral; ativo is true when a
//   service is neither cancelled nor inactive; a birth date of 1969-12-31/1970-01-01 (Hubsoft's
//   epoch artifact) is "". get_internal_pending: alerta_mensagens. update_customer: Hubsoft's API
//   has no customer edit, so it is absent (NOT_SUPPORTED).
// - Plans: every service, cancelled included; status from status_prefixo (suspenso_debito and
//   suspenso_parcialmente are blocked/financial, suspenso_pedido_cliente suspended, aguardando_* and
//   agendado_* pending, franquia_excedida active); plan_code is the plan's name (the cliente route
//   gives no plan id); trust_unlock_available is null (Hubsoft does not say).
// - trust_unlock: Hubsoft applies the ISP's rules; refusals are success false with its message;
//   unlocked_until is read from its message; protocol is "" (Hubsoft gives none).
// - create_ticket: atendimento on contract_id or the first live service; tipo from ticket_subjects
//   [subject], else tipo_atendimento_id, else Hubsoft's SAC; request_id kept in its parametros.
// - Invoices: cliente/nota_fiscal, read in 60-day windows over invoice_history_days; models 21/22
//   (id "nf-<id>") and NFS-e ("nfse-<id>"); NF-e model 55 is left out. get_invoice_pdf downloads
//   the nota's link; none is INVOICE_NOT_FOUND.
//
// Sales
// - create_order: a prospecto for the first item's plan, which must be sold at the installation
//   CEP (prospecto/create), priced at the item's price or Hubsoft's; codes from the list_* functions
//   are Hubsoft ids; observacao carries message and notes, id_externo the order id. Refused and
//   the document is a customer and order_fallback_to_ticket: an atendimento (is_issue true).
// - create_order_existing_customer: ticket mode opens an atendimento; contract and lead modes a
//   prospecto (Hubsoft's API cannot add a service to a cliente), lead mode on lead_crm_id (NOT_SUPPORTED
//   naming it when it is not set).
// - create_lead: a prospecto on lead_crm_id (on no CRM list without it), with the lead's product
//   (a Hubsoft serviço id) or lead_service_id; missing address parts are "NÃO INFORMADO" / "S/N".
// - list_products: plans sold at sales_zip_code, with prices, when set; else all active serviços.
//   list_due_dates leaves out "ultimo_dia". list_commercial_origins: the tenant's, else Hubsoft's.
//
// Settings and newer behaviour
// - Ids (and client_id) are accepted as numbers or strings ("139") and sent to Hubsoft as numbers.
//   A function's required settings are its `needs` (the gateway answers NOT_SUPPORTED naming them);
//   check.ts lists each missing one with the functions it blocks.
// - The Pix code is read as pix_copia_e_cola (financeiro/fatura) or pix_copia_cola (the per-customer
//   route of Hubsoft's newer collection); docs/erp/hubsoft.md section 8 says what was verified.
import { defineProvider, loadFunctions } from '../kit/define.js';
import type { Provider } from '../types.js';
import { checkHubsoft } from './check.js';
import { connectHubsoft } from './connection.js';
import type { HubsoftConnection } from './connection.js';
import { hubsoftSettingsSchema } from './settings.js';
import type { HubsoftSettings } from './settings.js';

export const hubsoftProvider: Provider<HubsoftSettings, HubsoftConnection> = defineProvider({
  id: 'hubsoft',
  displayName: 'Hubsoft',
  settings: hubsoftSettingsSchema,
  secretFields: ['client_secret', 'password'],
  functions: await loadFunctions(new URL('./functions/', import.meta.url)),
  connect: connectHubsoft,
  close: (conn) => conn.client.close(),
  check: (conn, call) => checkHubsoft(hubsoftProvider, conn, call),
});

export { hubsoftSettingsSchema } from './settings.js';
export type { HubsoftSettings, HubsoftSettingsInput } from './settings.js';
export type { HubsoftConnection } from './connection.js';
