// MK Solutions' MK30 ERP (not MK-Auth, a different product), through its webservices
// (`/mk/WS*.rule?sys=MK0&token=...`, Java "rules" answering JSON). Material: erp-docs/mk (third-party
// clients and recorded answers; no vendor file is held). Guide: docs/erp/mk.md.
//
// Decisions where the contract or MK's material is silent:
//
// Protocol (client.ts, auth.ts, charset.ts)
// - One session token per tenant connection from WSAutenticacao (profile token + contra-senha,
//   cd_servico 9999), kept until 30 s before its `Expire` (Brasília time); LimiteUso > 0 limits its
//   uses. 999 (not found / expired) and 001 (invalid) drop it and the request is sent once more with
//   a new one, writes included (a token refusal proves nothing was done); a second refusal is
//   ERP_UNAVAILABLE. A refused profile is ERP_UNAVAILABLE naming profile_token and contra_senha.
// - A service whose cd_servico the profile does not authorize is NOT_SUPPORTED naming the service,
//   before anything is sent; services with no recorded code are tried.
// - Errors inside HTTP 200 (`status: "ERRO"`, Mensagem or mensagem, "Num. ERRO" or codigo_erro) are
//   read per service: 003 is "not found"; a read's other errors are ERP_BAD_RESPONSE, a write's
//   ERP_REJECTED, an unlock's a refusal as data. HTTP 500 with a servlet trace is ERP_BAD_RESPONSE
//   (the service is broken on that MK, after the kit's read retries); 404 is ERP_UNAVAILABLE naming
//   base_url; other 5xx and timeouts are ERP_UNAVAILABLE.
// - Charset: bodies declared ISO-8859-1 carry UTF-8 bytes as \u00XX escapes; every string is reread
//   as UTF-8 when it forms valid UTF-8 (raw UTF-8 bodies are read as such too).
//
// Customers
// - WSMKConsultaDoc by digits. Its main record and `Outros[]` are all the customer's registrations:
//   bills and plans are read for each; get_customer shows the main one when active, else the first
//   active one. ativo is Situacao "Ativo" (a registration, not a contract). The address is split
//   from MK's one string; estado, complemento and aniversario are "" (MK gives none); data_registro
//   is the earliest connection `cadastro`, else today.
//
// Billing
// - list_bills: WSMKFaturasPendentes per registration; per bill the 2ª via (link_boleto =
//   PathDownload), WSMKLDViaSMS (linha digitável) and the Pix service, each switchable (bill_link,
//   bill_line, bill_pix) and each left "" when MK states an error or the check digits fail. MK gives
//   no updated amount: fees from the tenant's late_fees (2 % fine cap for CPF). emissao is "";
//   fatura = remote_id = code_fatura = codfatura.
// - get_bill: among the pending bills only (paid bills need WSMKFaturas, released per install).
// - get_boleto_pdf: the 2ª via's PathDownload, downloaded without a token; ownership by the 2ª via's
//   CodigoPessoa when a document is given. No link, or a gone one: Ponte renders the boleto from
//   WSMKLDViaSMS (line, valor_nominal, due date; no beneficiary name); no valid line: BILL_NOT_FOUND.
// - settle_bill: MK has no settle API: absent (NOT_SUPPORTED); docs/erp/mk.md says how ISPs settle.
//
// Service
// - Plans are contracts in force (ContratosAtivos), blocked when one of their connections is
//   bloqueada (block_reason financial when motivo_bloqueio says so, else manual) or esta_reduzida
//   (reduced_speed). Connections of no contract are plans `conexao-<id>`. plan_code = plan_name =
//   plano_acesso (MK gives no plan id); value from the tenant's products by name, else "0.00";
//   trust_unlock_available null.
// - trust_unlock: WSMKAutoDesbloqueio (V2 by setting) for each blocked connection of the contract,
//   diasexcecao from trust_unlock_days; MK's `mensagem` refusals are success false; unlocked_until
//   and protocol "" (MK answers neither).
// - create_ticket / create_order_existing_customer (ticket mode): WSMKNovoAtendimento with the
//   tenant's process/classification codes (NOT_SUPPORTED naming them while unset), origem_contato
//   ticket_origin, op_abertura operator_login, info cut to fit MK's 300 stored characters. MK cannot
//   look an atendimento up, so repeats are stopped by the gateway's idempotency record only.
// - list_due_dates, list_resellers, list_products: tenant settings; list_commercial_origins: the
//   tenant's commercial_origins option.
//
// Sales (sales.ts), only with the setting apis_especiais (MK's paid "APIs especiais"; NOT_SUPPORTED
// naming it otherwise). Their answers are recorded nowhere: ids are read from several candidate keys.
// - create_lead: WSMKNovaLead on the lead's own registration when its document is a customer, else
//   on lead_customer_id (the ISP's registration for prospects); the lead's data in `info`.
// - create_order: WSMKNovaPessoa (parameter names unverified) unless the document already is a
//   registration, then WSMKNovoContrato (documented parameters: the item's product_code as
//   CodigoPlanoAcesso, due_date_code as CodigoRegraVencimento, contract_codes for the rest);
//   remote_id is the contract. Codes are checked against the tenant's lists first (INVALID_INPUT).
// - create_order_existing_customer: ticket mode only; contract and lead modes NOT_SUPPORTED.
//
// Absent because MK has no API for them: settle_bill, get_internal_pending, update_customer,
// list_invoices, get_invoice_pdf.
import { defineProvider, loadFunctions } from '../kit/index.js';
import { checkMk } from './check.js';
import { connectMk } from './connect.js';
import type { MkConnection } from './connect.js';
import { mkSettingsSchema } from './settings.js';
import type { MkSettings } from './settings.js';

export const mkProvider = defineProvider<MkSettings, MkConnection>({
  id: 'mk',
  displayName: 'MK Solutions (MK30)',
  settings: mkSettingsSchema,
  secretFields: ['profile_token', 'contra_senha'],
  functions: await loadFunctions(new URL('./functions/', import.meta.url)),
  connect: (env) => connectMk(env),
  close: (conn) => conn.client.close(),
  check: checkMk,
});

export { mkSettingsSchema } from './settings.js';
export type { MkSettings, MkSettingsInput } from './settings.js';
export type { MkConnection } from './connect.js';
