// IXC Provedor (IXC Soft), the most used ISP ERP in Brazil, through its webservice
// (https://<host>/webservice/v1, HTTP Basic with the user's "id:hash" token).
//
// Decisions where the contract or IXC's documentation is silent:
//
// Protocol (client.ts)
// - Every request is a POST with a JSON body. Listings always carry `ixcsoft: listar` (a POST
//   without it inserts a record), writes never do. Listings page with page/rp (page_size) until
//   `total` rows are read; `registros` as an object or missing and `total` as a number are
//   normalised. Reads (listings, get_pix, get_boleto, imprimir_nota) may be retried by
//   ErpHttpClient on transport failures and 5xx; writes (inserts, updates, the settlement,
//   desbloqueio_confianca) are sent once.
// - Errors: HTTP 200 with `type: error` is a refusal for writes (success false / ERP_REJECTED) and
//   ERP_BAD_RESPONSE for reads; an HTML page or a body that is not JSON is ERP_BAD_RESPONSE; 5xx and
//   timeouts are ERP_UNAVAILABLE. Problems of the tenant's configuration are ERP_UNAVAILABLE with a
//   message naming the fix: 401/403 (setting token), "IP não está liberado" (Redes Permitidas of the
//   IXC user group), "Recurso X não está disponível" (permission / IXC support), 404 (base_url).
//   A 5xx leaves the gateway's idempotency key free, so the call can succeed once it is fixed.
// - IXC messages are reduced to plain text (HTML tags and entities removed).
//
// Customers and documents
// - IXC stores CPF/CNPJ masked: the customer is searched masked, then as digits. With several
//   customers on one document (IXC allows it) the active one with the lowest id is used.
// - Cities are ids in IXC; cidade and uf are read once per connection.
// - get_internal_pending: cliente.alerta and the alerta_contrato of live contracts (HTML stripped);
//   cliente.obs is history and is left out.
// - update_customer: read-merge-write of the whole record (IXC's PUT blanks what it is not sent).
//   phone -> telefone_celular, phone_secondary -> fone, stored masked "(19) 98765-4321". Dates go
//   back dd/mm/yyyy, 0000-00-00 as "". The record is read back: IXC answers success for fields it
//   silently drops, and a change it did not keep is success false naming them. A city IXC does not
//   know is success false. api_response is IXC's answer.
//
// Billing
// - list_bills: fn_areceber of the customer with liberado S and status A or P (filters checked
//   again locally), oldest due date first. valor_inicial is valor_aberto (what a partial payment
//   left). Fees are computed for today from the rates get_pix reports for the bill's wallet (Bacen
//   modalities: interest % per day/month/year, fine %); when get_pix gives none, from the tenant's
//   late_fees. pix_code: pixCopiaECola, else qrCode.qrcode. link_boleto: gateway_link when it is a
//   URL. code_fatura: nn_boleto, else documento. desconto is always "0.00". A Pix charge whose
//   dadosPix.status is not ATIVA gives no pix_code.
// - get_bill answers paid (R) and cancelled (C) bills with their status and no fees; hidden bills
//   (liberado N) and other customers' bills are [].
// - get_boleto_pdf: get_boleto (arquivo, base64 S, juro/multa S); binary, quoted and data: URI
//   answers are accepted. Cancelled or hidden bills are BILL_NOT_FOUND; a refusal is ERP_REJECTED.
// - settle_bill: see functions/settle_bill.ts and mappers/receipts.ts (conta_ the cash account,
//   id_conta the bill's planning account, as clients on real installations send them). The transaction's marker `[ponte:<id>]` in the
//   receipt's historico lets a retry after a lost answer recognise Ponte's own settlement.
//   Underpayments are left to IXC (it records a partial payment and keeps the bill open).
//
// Service
// - Plans: see mappers/plans.ts (status_internet CA/FA -> blocked financial, CM -> blocked manual).
//   value is the sale plan's valor_contrato.
// - trust_unlock: IXC decides; both answer shapes are read; 107 (already active), 109 (not
//   allowed) and 113 (used, payment pending) are refusals; 106 is CONTRACT_NOT_FOUND. protocol is "" (IXC gives none).
// - create_ticket opens a su_ticket with its subject's workflow process (id_wfl_processo, when the
//   subject has one) and origem_endereco CC; its protocol is read back after the insert.
// - list_invoices: vd_saida with modelo_nf 62, 21 or 22 and status F or C; url_nota_fiscal "".
//
// Sales
// - create_order: order_mode contract (cliente + pré-contrato) or lead; see functions/create_order.ts.
//   Order codes are checked first (INVALID_INPUT naming each field).
// - Records Ponte creates carry the marker `[ponte:<kind>:<key>]` in a text field, so a retry
//   after a lost answer finds them (orders, leads, tickets with request_id) instead of duplicating.
// - list_due_dates: the days of due_day_contract_types; list_commercial_origins: the tenant's
//   commercial_origins option (IXC has no such list).
// - Configuration: each function declares the settings it always needs (`needs` in
//   functions/<name>.ts); the gateway answers NOT_SUPPORTED naming them while unset, and `ponte
//   check` lists them with the functions they block. Settings only one mode needs (order_mode
//   contract, the ticket mode of existing-customer orders) are checked in the function.
import { defineProvider, loadFunctions } from '../kit/define.js';
import type { CheckReport } from '../types.js';
import { checkIxc } from './check.js';
import { connectIxc } from './connection.js';
import { ixcSettingsSchema } from './settings.js';

export const ixcProvider = defineProvider({
  id: 'ixc',
  displayName: 'IXC Provedor',
  settings: ixcSettingsSchema,
  secretFields: ['token'],
  functions: await loadFunctions(new URL('./functions/', import.meta.url)),
  connect: connectIxc,
  close: (conn) => conn.client.close(),
  check: (conn, call): Promise<CheckReport> => checkIxc(ixcProvider, conn, call),
});

export { ixcSettingsSchema } from './settings.js';
export type { IxcSettings, IxcSettingsInput } from './settings.js';
export type { IxcConnection } from './connection.js';
