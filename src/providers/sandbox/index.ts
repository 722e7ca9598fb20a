// The sandbox: Ponte's embedded reference ERP, its "test mode". It implements all 21 functions of
// the contract on its own SQLite file (`<dataDir>/sandbox/<dataset>.db`), seeded on first connect
// with realistic customers plus the fixed test customers of fixtures.ts.
//
// Decisions where the contract is silent:
//
// Data and time
// - The dataset file is `<dataDir>/sandbox/<dataset>.db`, dataset defaulting to the tenant id; an
//   empty file is seeded on connect (settings customers/seed). `ponte sandbox seed` must name the
//   same dataset to replace a tenant's data.
// - Seeded data has absolute dates anchored on the seeding day (meta `seed_day`): as days pass,
//   open bills become overdue like in a real ERP that nobody runs a billing cycle on. `ponte sandbox
//   seed` starts afresh. The same seed, customer count and seeding day give the same data.
// - The fixed test customers are re-written (same ids, dates as offsets from today) on the first
//   call of each day, Brazil time (meta `fixtures_day`), so "due today" is always today; whatever a
//   test did to them is undone then. Other connections and processes see the rewrite at once.
// - "Today" is todayInBrazil(call.now) everywhere: fees, overdue status, trust-unlock periods.
// - Boletos (barcode, linha digitável, Itaú-style campo livre), Pix codes and NFCom access keys are
//   derived on read from the bill and the current settings (bank code, beneficiary, Pix key), so a
//   settings change shows at once and no stored code can go stale. Bank: the settings' bank_code.
//   A bounded memo per connection keeps repeated reads cheap.
// - Published test documents (529.982.247-25, 12.ABC.345/01DE-35, ...) are never generated, so
//   tests can use them as unknown customers.
//
// Errors and ownership
// - Any function given customer_document_number first looks the customer up: unknown ->
//   CUSTOMER_NOT_FOUND (list_bills, get_bill and get_boleto_pdf included). Then ids that are not the
//   customer's are answered as if they did not exist: get_bill -> [], get_boleto_pdf and
//   settle_bill -> BILL_NOT_FOUND, get_invoice_pdf -> INVOICE_NOT_FOUND, contract_id ->
//   CONTRACT_NOT_FOUND. Ids that are not positive integers match nothing.
// - get_boleto_pdf without a document serves any boleto, unless the tenant option
//   require_document_for_boleto_pdf is on (then INVALID_INPUT). A cancelled bill has no boleto to
//   print: BILL_NOT_FOUND.
//
// Billing
// - list_bills: status open, ordered by due date then id; valued for today with the tenant's
//   late_fees (fine once, interest pro rata die, from the day after the due date moved to the next
//   business day). The fine cap of the consumer code (2 %) applies to CPF customers only.
// - Punctuality discount (desconto): some plans have one; it applies up to the (business-day
//   adjusted) due date and is lost after it. valor_final = valor_inicial + juros + multa - desconto.
// - Open bills carry a static Pix code for exactly valor_final with txid SBXFAT<id>; paid and
//   cancelled bills carry no Pix code, and cancelled ones no linha digitável. Paid bills show the
//   amounts due on their payment day. link_boleto is always "" (get_boleto_pdf renders the PDF).
// - settle_bill: the amount due is computed for the Brazil date of transaction.paid_at. Outcomes:
//   settled (bill marked paid); already_settled (paid before, by anything else); rejected (cancelled
//   bill, or an amount below the amount due; overpayment is accepted). Every outcome is stored
//   under transaction.id and a repeat answers it; the same id for another bill, customer or amount
//   is IDEMPOTENCY_CONFLICT. settlement_id only when settled. Settling the last overdue bill of a
//   contract blocked for debt releases the block.
//
// Service
// - Plan status is the stored one, except that a contract blocked for debt and released on trust
//   reads as active (blocked false) until unlocked_until. trust_unlock_available is true exactly
//   for a contract blocked for debt whose last release is older than the period (false otherwise,
//   never null).
// - trust_unlock: releases for trust_unlock_days (default 3) from today, once per
//   trust_unlock_period_days (default 30) counted from the last release. Refusals (success false,
//   pt-BR message): not blocked, already released, manual block, used this period, no blocked
//   contract. Without contract_id and more than one blocked contract: INVALID_INPUT naming
//   contract_id.
// - Notas fiscais: one NFCom (model 62, series 1) per bill, numbered like the bill (id_nota = bill
//   id), issued on the bill's issue date, cancelled with it; newest first. url_nota_fiscal is "".
// - create_ticket: idempotent on request_id (a request_id used for another customer is
//   IDEMPOTENCY_CONFLICT); contact name and phone default to the customer's.
// - get_internal_pending: notes still pending, oldest first; resolved notes are not returned.
// - get_customer_contacts: the record's e-mail, phone and second phone, then extra contacts;
//   e-mails lower-cased, phones normalised, each (type, value) once, unusable values dropped.
// - update_customer: read-merge-write of the given fields only; latitude/longitude are accepted and
//   not stored. api_response lists the fields that changed.
//
// Sales
// - create_order: checks product, due date, reseller and origin codes against the sandbox's lists
//   (ERP_REJECTED with details otherwise) and records a prospect (pré-contrato): remote_id is its
//   id, remote_message a pt-BR confirmation. A document that already is a customer is opened as a
//   ticket (is_issue true) when order_fallback_to_ticket is on, ERP_REJECTED otherwise.
// - create_order_existing_customer: existing_customer_order_mode ticket (default) | contract (a
//   pending contract for the first item's plan) | lead. Orders of both functions are idempotent on
//   order.id and answer the first record. create_lead is idempotent on lead.id.
// - list_commercial_origins: the tenant's commercial_origins when non-empty, else the sandbox's.
import { defineProvider, loadFunctions } from '../kit/index.js';
import { connectSandbox } from './connection.js';
import type { SandboxConnection } from './connection.js';
import { sandboxSettingsSchema } from './settings.js';
import type { SandboxSettings } from './settings.js';

export const sandboxProvider = defineProvider<SandboxSettings, SandboxConnection>({
  id: 'sandbox',
  displayName: 'Sandbox',
  settings: sandboxSettingsSchema,
  secretFields: [],
  functions: await loadFunctions(new URL('./functions/', import.meta.url)),
  connect: (env) => connectSandbox(env),
  close: (conn) => {
    conn.db.close();
    return Promise.resolve();
  },
  check: (conn) => {
    const counts = conn.q.counts.get()!;
    return Promise.resolve({
      ok: true,
      messages: [`sandbox dataset ${conn.path}`, `${counts.customers} customers, ${counts.bills} bills`],
      choices: {},
    });
  },
});

export { testCustomers, fixtureCustomers } from './fixtures.js';
export { seedSandbox } from './seed.js';
export type { SeedOptions, SeedReport } from './seed.js';
export { openSandbox } from './db.js';
export { datasetPath } from './connection.js';
export { sandboxSettingsSchema } from './settings.js';
export type { SandboxSettings } from './settings.js';
export type { SandboxConnection } from './connection.js';
