// SGP (sgp.net.br / TSMX), through its API (https://<isp host>/api/..., token + app).
//
// Decisions where the contract or SGP's material is silent:
//
// Protocol (client.ts)
// - token + app go as form fields on POSTs (JSON for chamado, liberacaopromessa and the CRM, whose
//   vendor examples are JSON) and as query parameters on GETs; GETs documented with a form body
//   (anotacao/list, CRM look-ups) send both. Reads are retried by the kit; writes never.
// - HTTP 200 with status 0/false + msg is ERP_REJECTED for writes and ERP_BAD_RESPONSE for reads,
//   except where a refusal is an answer (trust unlock, contato/add: success false). 401/403 are the
//   token (ERP_UNAVAILABLE naming token and app), 404 a wrong base_url; baixar and the CRM
//   look-ups read their own codes. A body that is not JSON is ERP_BAD_RESPONSE.
//
// Customers (customers.ts)
// - consultacliente by CPF/CNPJ (digits): one entry per contract. The customer is the main
//   contract's entry (live, lowest id). get_customer.email is the last e-mail SGP lists (contato/add
//   appends, so the newest); telefone the first phone. Phones/e-mails as strings or objects.
// - get_internal_pending: the customer's anotações (all of them; alerta_modo is not a filter).
// - update_customer: contacts only (contato/add on the main contract). An address change is
//   success false and nothing is sent: SGP's API cannot edit addresses, names or documents.
//
// Billing (bills.ts, mappers/bills.ts)
// - list_bills: /api/ura/titulos/ status=abertos by CPF/CNPJ, all pages (250), owner checked again.
//   valorCorrigido is split by the kit's erp_total basis: multa by the tenant's fine rule (2 % cap for
//   consumers), juros the rest; a corrected value below valor is a discount. linha_digitavel: SGP's, or
//   derived from codigoBarras when SGP left it ""; pix_code: the title's, else /api/ura/pagamento/pix/
//   (setting generate_pix, default on; a failure leaves "" with a warning).
// - get_boleto_pdf: the título's link downloaded; no PDF there -> rendered by Ponte from the barcode.
// - settle_bill: functions/settle_bill.ts (read first; 202 empty is success; a lost answer is read back).
//   forma_pagamento by method: pix PIX, credit_card/tef CARTAO, debit_card DEBITO, cash/boleto DINHEIRO.
//   valor_pago is the amount received, liquidacao_parcial never sent (SGP settles the título in full);
//   fee -> tarifas; observacao carries the transaction id (and E2E/NSU) for the ISP's reconciliation.
//
// Service
// - Plans from contract status: 1 active, 2/5 inactive, 3 cancelled, 4 blocked (financial unless
//   motivo_status says otherwise: manual), 6 pending, 7 blocked (reduced_speed). value from the entry,
//   else consultaplano's preco. trust_unlock_available: true when blocked with no unlock used this
//   month, null when some were used (the limit is SGP's configuration), false when not blocked.
// - trust_unlock: liberacaopromessa; without contract_id the only blocked contract (none blocked:
//   success false without calling SGP). unlocked_until: data_promessa, else today + liberado_dias.
// - create_ticket: /api/ura/chamado/, remote_id and protocol are the protocolo (SGP returns no id).
// - Tax documents per contract: notafiscal/list (models 21/22, id_nota contract-serie-numero),
//   nfcom/list (model 62, id_nota nfcom-<id>; the vendor lists no value: "0.00" with a warning) and
//   nfse/list (id_nota nfse-<id>); a 404 for the NFCom or NFS-e list is an install without them.
//   PDFs: nfcom/print, else the document's link, else rendered by Ponte.
//
// Sales (orders.ts)
// - create_order default order_mode precadastro: it needs no ids and is SGP's own sales intake; it
//   returns no id, so remote_id is the CPF/CNPJ the pre-registration is filed under. order_mode crm
//   returns SGP's contract id (needs pop_id and portador_id: NOT_SUPPORTED naming them otherwise).
// - create_order_existing_customer: ticket (ocorrência), contract (CRM by CPF/CNPJ) or lead
//   (pre-registration), as the tenant's existing_customer_order_mode says.
// - create_lead: a pre-registration not activated; remote_id null.
// - list_commercial_origins: the tenant's commercial_origins (SGP has no midia list).
import { defineProvider, loadFunctions } from '../kit/index.js';
import { checkSgp } from './check.js';
import { connectSgp } from './client.js';
import type { SgpConnection } from './client.js';
import { sgpSettingsSchema } from './settings.js';
import type { SgpSettings } from './settings.js';

export const sgpProvider = defineProvider<SgpSettings, SgpConnection>({
  id: 'sgp',
  displayName: 'SGP (TSMX)',
  settings: sgpSettingsSchema,
  secretFields: ['token'],
  functions: await loadFunctions(new URL('./functions/', import.meta.url)),
  connect: connectSgp,
  close: (conn) => conn.client.close(),
  check: checkSgp,
});

export { sgpSettingsSchema } from './settings.js';
export type { SgpSettings, SgpSettingsInput } from './settings.js';
export type { SgpConnection } from './client.js';
