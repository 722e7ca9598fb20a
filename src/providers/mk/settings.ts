// Settings of an MK Solutions (MK30) tenant. Only what connecting needs is required: the MK host
// and the webservice profile's token and contra-senha (Integradores → Gerenciador de Webservices).
// The codes atendimentos need are picked from the lists `ponte check` prints. MK has no list of
// due-date rules, resellers or products through its webservices, so those come from here.
import { z } from 'zod';
import { baseUrlSetting, idSetting } from '../kit/index.js';

const money = z.string().regex(/^\d+\.\d{2}$/, 'money as "99.90"');

const subjectCodes = z
  .object({
    process_id: idSetting('process_id'),
    classification_id: idSetting('classification_id').optional(),
  })
  .strict();

export const mkSettingsSchema = z
  .object({
    /** The MK host with its port, e.g. http://mk.provedor.com.br:8080 (a trailing /mk is dropped). */
    base_url: baseUrlSetting().transform((url) => url.replace(/\/mk$/i, '')),
    /** The webservice profile's token (WSAutenticacao `token`). */
    profile_token: z.string().trim().min(1),
    /** The profile's contra-senha (WSAutenticacao `password`; MK asks for at least 8 characters). */
    contra_senha: z.string().min(8, 'MK contra-senhas have at least 8 characters'),
    /** cd_processo of atendimentos create_ticket opens (WSMKListaProcessos). */
    ticket_process_id: idSetting('ticket_process_id').optional(),
    /** cd_classificacao_ate of those atendimentos (WSMKListaClassificacoesAte). */
    ticket_classification_id: idSetting('ticket_classification_id').optional(),
    /** origem_contato sent with every atendimento (a number of the ISP's MK; 9 is WhatsApp on one install). */
    ticket_origin: idSetting('ticket_origin').optional(),
    /** Process (and classification) per create_ticket subject code; other subjects use the two above. */
    ticket_subjects: z.record(z.string(), subjectCodes).default({}),
    /** cd_processo of the atendimentos create_order_existing_customer opens; default ticket_process_id. */
    order_ticket_process_id: idSetting('order_ticket_process_id').optional(),
    order_ticket_classification_id: idSetting('order_ticket_classification_id').optional(),
    /** The operator login recorded as opening atendimentos (op_abertura, MK release ≥ 64.9). */
    operator_login: z.string().trim().min(1).optional(),
    /** diasexcecao sent with an auto-unlock; absent: MK's own rule. */
    trust_unlock_days: z.number().int().min(1).max(30).optional(),
    /** Use WSMKAutoDesbloqueioV2 (some installs have only V2). */
    trust_unlock_v2: z.boolean().default(false),
    /** Per-bill look-ups list_bills and get_bill make (each is one MK request per bill). */
    bill_link: z.boolean().default(true),
    bill_line: z.boolean().default(true),
    bill_pix: z.boolean().default(true),
    /**
     * The ISP bought MK's paid "APIs especiais" (WSMKNovaLead, WSMKNovaPessoa, WSMKNovoContrato):
     * create_lead and create_order answer NOT_SUPPORTED naming this setting until it is true.
     */
    apis_especiais: z.boolean().default(false),
    /** The MK registration (CodigoPessoa) leads of people who are not customers are recorded on. */
    lead_customer_id: idSetting('lead_customer_id').optional(),
    /** Codes WSMKNovoContrato takes besides the plan and the due-date rule (create_order). */
    contract_codes: z
      .object({
        /** CodigoTipoPlano: 1 Internet (the vendor's list: 2 Telefonia, 3 Hospedagem, 8 IPTV, 11 TV/OTT...). */
        plan_type_id: idSetting('plan_type_id').default('1'),
        sla_id: idSetting('sla_id').optional(),
        blocking_rule_id: idSetting('blocking_rule_id').optional(),
        payment_form_id: idSetting('payment_form_id').optional(),
        payment_profile_id: idSetting('payment_profile_id').optional(),
        billing_method_id: idSetting('billing_method_id').optional(),
        chart_of_accounts_id: idSetting('chart_of_accounts_id').optional(),
      })
      .strict()
      .prefault({}),
    /** list_due_dates: the ISP's due-day options (code: its CodigoRegraVencimento in MK). */
    due_dates: z
      .array(z.object({ code: z.string().min(1), day: z.number().int().min(1).max(31) }).strict())
      .default([]),
    /** list_resellers: MK's webservices have no sellers list. */
    resellers: z
      .array(
        z
          .object({
            code: z.string().min(1),
            name: z.string().min(1),
            taxvat: z
              .string()
              .regex(/^\d{11}$|^\d{14}$/)
              .optional(),
            email: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
    /** list_products: the plans the ISP sells (MK's WSMKListaPlanoAcesso answer is not recorded). */
    products: z
      .array(z.object({ code: z.string().min(1), name: z.string().min(1), price: money.optional() }).strict())
      .default([]),
  })
  .strict();

export type MkSettings = z.output<typeof mkSettingsSchema>;
export type MkSettingsInput = z.input<typeof mkSettingsSchema>;
