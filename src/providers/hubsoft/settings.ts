// Settings of a Hubsoft tenant. The four credentials come from the API client Hubsoft's team
// creates for the ISP (client_id, client_secret) and an API user of the ISP's Hubsoft (username,
// always an e-mail, and password). The ids below them are picked from the lists `ponte check`
// prints (which reads them from the ISP's Hubsoft), as numbers or strings: Hubsoft's API wants
// them as JSON numbers, so they are kept as numbers.
import { z } from 'zod';
import { baseUrlSetting, numericIdSetting } from '../kit/settings.js';

export const hubsoftSettingsSchema = z
  .object({
    /** The ISP's Hubsoft API host, e.g. https://api.provedor.com.br (no /api/v1 suffix). */
    base_url: baseUrlSetting(),
    /** A number such as 3 or 118 (Hubsoft's API client), given as a number or a string. */
    client_id: z
      .union([z.string(), z.number().int()])
      .transform((v) => String(v).trim())
      .pipe(z.string().min(1)),
    client_secret: z.string().min(1),
    /** The API user's login, an e-mail address. */
    username: z.string().trim().min(1),
    password: z.string().min(1),
    /** Caixa financeiro that settle_bill books payments into (configuracao/caixa_financeiro). */
    caixa_financeiro_id: numericIdSetting('caixa_financeiro_id').optional(),
    /** Meio de pagamento prefix per transaction.method (configuracao/meio_pagamento). */
    meios_pagamento: z
      .object({
        pix: z.string().min(1).default('pix'),
        credit_card: z.string().min(1).default('cartao_credito'),
        debit_card: z.string().min(1).default('cartao_debito'),
        tef: z.string().min(1).default('cartao_debito'),
        cash: z.string().min(1).default('dinheiro'),
        boleto: z.string().min(1).default('boleto'),
      })
      .prefault({}),
    /** Tipo de atendimento of tickets (configuracao/tipo_atendimento); absent: Hubsoft's default, SAC. */
    tipo_atendimento_id: numericIdSetting('tipo_atendimento_id').optional(),
    /** Tipo de atendimento per create_ticket subject code; subjects not listed use tipo_atendimento_id. */
    ticket_subjects: z.record(z.string(), numericIdSetting('ticket_subjects')).default({}),
    /** Tipo de atendimento of the tickets create_order_existing_customer opens; defaults to tipo_atendimento_id. */
    order_ticket_tipo_atendimento_id: numericIdSetting('order_ticket_tipo_atendimento_id').optional(),
    /** CRM list that create_lead links prospects to (crm/all). */
    lead_crm_id: numericIdSetting('lead_crm_id').optional(),
    /** Serviço a lead is recorded with when it names no Hubsoft serviço (configuracao/servico). */
    lead_service_id: numericIdSetting('lead_service_id').optional(),
    /** When set, list_products lists the plans sold at this CEP, with prices (prospecto/create). */
    sales_zip_code: z
      .string()
      .regex(/^\d{5}-?\d{3}$/, 'must be a CEP, 8 digits')
      .transform((cep) => cep.replace('-', ''))
      .optional(),
    /** Days a trust unlock asks for; absent: Hubsoft's default (1). Hubsoft refuses more than its admin limit. */
    trust_unlock_days: z.number().int().min(1).max(30).optional(),
    /** How far back list_invoices looks, in days (Hubsoft answers at most 60 days per request). */
    invoice_history_days: z.number().int().min(1).max(730).default(180),
    /** How far back bills are searched, in days (open bills older than this are not listed). */
    bill_history_days: z.number().int().min(30).max(3650).default(1825),
    /** Only bills of this issuing company (CNPJ), for ISPs with several companies in one Hubsoft. */
    empresa_documento: z
      .string()
      .regex(/^\d{14}$/, 'must be a CNPJ, 14 digits')
      .optional(),
  })
  .strict();

export type HubsoftSettings = z.output<typeof hubsoftSettingsSchema>;
export type HubsoftSettingsInput = z.input<typeof hubsoftSettingsSchema>;
