// Settings of a Voalle tenant. Connecting needs the API URL (port 45715 on the ISP's ERP host),
// the integrator user's client_id/client_secret (a user flagged "Usuário integrador"; one per ISP,
// named integracao.<isp>.ponte, because Voalle shares its users table between tenants) and the
// `syndata` of Suíte → Configurações → Parâmetros → Integração. The codes below them are needed
// only by the functions that use them and are picked from what `ponte check` lists.
import { z } from 'zod';
import { baseUrlSetting } from '../kit/settings.js';

const code = z.string().trim().min(1);

export const voalleSettingsSchema = z
  .object({
    /** The API port's URL, e.g. https://erp.provedor.com.br:45715. */
    api_url: baseUrlSetting(),
    /** The auth port's URL; absent: the API host on port 45700. */
    auth_url: baseUrlSetting().optional(),
    client_id: code,
    client_secret: z.string().min(1),
    syndata: z.string().min(1),

    /** Integrator alias (Manutenções → Integrações → Integradores): leads and negotiations name it. */
    integrator_alias: code.optional(),
    /** Contact origin (CRM → Cadastros → Origens de Contato) of leads whose input names none. */
    crm_contact_origin_code: code.optional(),
    crm_form_code: code.optional(),
    integration_team_code: code.optional(),
    /** What create_order creates: a CRM lead (as the platform's own Voalle connector does) or a negotiation (crm/startsale). */
    order_mode: z.enum(['lead', 'negotiation']).default('lead'),

    /** Negotiation codes (crm/startsale); required for order_mode "negotiation". */
    company_place_tx_id: z
      .string()
      .regex(/^\d{14}$/, 'a CNPJ, 14 digits')
      .optional(),
    contract_type: code.optional(),
    crm_campaign_code: code.optional(),
    crm_price_list_code: code.optional(),
    contract_payment_form_code: code.optional(),
    contract_financial_collection_type_code: code.optional(),
    contract_date_management_code: code.optional(),
    /** CPF/CNPJ of the seller negotiations are recorded with when the order names no reseller. */
    seller_tx_id: z
      .string()
      .regex(/^\d{11}(\d{3})?$/, 'a CPF or CNPJ, digits')
      .optional(),
    team_code: code.optional(),

    /** Bank account settle_bill books payments into (BankAccountCode); required for settle_bill. */
    bank_account_code: code.optional(),
    /** PaymentFormCode per transaction.method; required for the methods used. */
    payment_form_codes: z
      .partialRecord(z.enum(['pix', 'credit_card', 'debit_card', 'tef', 'cash', 'boleto']), code)
      .default({}),
    /** How long settle_bill waits between consultpayment polls, and how many it makes in one call. */
    settlement_poll_interval_ms: z.number().int().min(10).max(10_000).default(1_000),
    settlement_polls: z.number().int().min(1).max(30).default(5),

    /** Resellers (Voalle has no list; sellers are referenced by CPF/CNPJ). */
    resellers: z
      .array(
        z.object({
          code: code,
          name: z.string(),
          taxvat: z.string().regex(/^\d{11}(\d{3})?$/),
          email: z.string().default(''),
        }),
      )
      .default([]),
    /** Where list_products reads plans from: contract types' services, or the campaign's price list (with prices). */
    products_from: z.enum(['contract_types', 'price_list']).default('contract_types'),
    /** get_invoice_pdf downloads a DANFE by id without being able to check whose it is: off unless the ISP accepts that. */
    invoice_pdf_without_ownership_check: z.boolean().default(false),
  })
  .strict();

export type VoalleSettings = z.output<typeof voalleSettingsSchema>;
export type VoalleSettingsInput = z.input<typeof voalleSettingsSchema>;

export const voalleSecretFields = ['client_secret', 'syndata'] as const;
