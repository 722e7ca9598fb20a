// Settings of an IXC tenant. Only base_url and token are needed to connect; the ids an ISP must
// choose (branch, cash account, wallet, contract types per due day, ticket subject and
// department...) are optional so a tenant can be created first and `ponte check <tenant>` can then
// list the values found in its IXC. Functions declare the ids they need (`needs`): while one is
// unset the function is supported but not ready. Ids are accepted as strings or numbers.
import { z } from 'zod';
import { baseUrlSetting, idSetting } from '../kit/settings.js';

const id = idSetting('an IXC id');
const day = z.string().regex(/^(?:[1-9]|[12]\d|3[01])$/, 'a day of month, "1" to "31"');

export const ixcSettingsSchema = z
  .object({
    /** The webservice root, e.g. https://erp.provedor.com.br/webservice/v1 */
    base_url: baseUrlSetting({ pathSuffix: '/webservice/v1' }),
    /** The IXC user's webservice token, "userId:hash" as IXC shows it (secret). */
    token: z
      .string()
      .trim()
      .regex(/^\d+:\S+$/, 'IXC shows the token as "<user id>:<hash>"'),
    /** filial: the branch new records and settlements belong to. */
    branch_id: id.optional(),
    /** conta/caixa that receives settlements (conta_ of fn_areceber_recebimentos_baixas_novo). */
    cash_account_id: id.optional(),
    /**
     * Planning account (planejamento analítico, id_conta of the settlement) for bills that carry
     * none; a bill's own fn_areceber.id_conta always wins.
     */
    planning_account_id: id.optional(),
    /**
     * tipo_recebimento per transaction.method, when the defaults do not suit: Pix for pix, D
     * (dinheiro) for cash, the bill's own tipo_recebimento for the others.
     */
    receipt_types: z
      .object({
        pix: z.string().min(1).optional(),
        credit_card: z.string().min(1).optional(),
        debit_card: z.string().min(1).optional(),
        tef: z.string().min(1).optional(),
        cash: z.string().min(1).optional(),
        boleto: z.string().min(1).optional(),
      })
      .strict()
      .prefault({}),
    /** carteira de cobrança of new contracts. */
    billing_wallet_id: id.optional(),
    /** Due day of month -> cliente_contrato_tipo id ("tipo de cobrança") used for new contracts. */
    due_day_contract_types: z.record(day, id).default({}),
    /** cliente_contrato_modelo id of new contracts. */
    contract_model_id: id.optional(),
    /** id_tipo_documento of new contracts. */
    document_type_id: id.optional(),
    /** vendedor used when an order names no reseller. */
    seller_id: id.optional(),
    /** City id (cidade table) for new customers whose city is not found by name. */
    default_city_id: id.optional(),
    /** su_oss_assunto id of tickets opened by create_ticket (and of orders opened as tickets). */
    ticket_subject_id: id.optional(),
    /** su_ticket_setor id (department) of those tickets. */
    ticket_department_id: id.optional(),
    /** A subject code sent by the platform -> its own assunto / department. */
    ticket_subjects: z
      .record(z.string().min(1), z.object({ subject_id: id, department_id: id.optional() }))
      .default({}),
    /** Ticket priority: B (baixa), M (média), A (alta), C (crítica). */
    ticket_priority: z.enum(['B', 'M', 'A', 'C']).default('M'),
    /** What create_order records: a customer with a pre-contract (status P), or a CRM lead. */
    order_mode: z.enum(['contract', 'lead']).default('contract'),
    /**
     * Days a trust unlock lasts, for unlocked_until when IXC's answer names no date (its own
     * configuration decides the release; this only reports it).
     */
    trust_unlock_days: z.number().int().min(1).max(30).optional(),
    /** Rows per listing page; IXC answers 504 to very large pages. */
    page_size: z.number().int().min(1).max(5000).default(500),
  })
  .strict();

export type IxcSettings = z.output<typeof ixcSettingsSchema>;
export type IxcSettingsInput = z.input<typeof ixcSettingsSchema>;

/** The settings a write needs, by name, for NOT_SUPPORTED messages. */
export type IdSetting =
  | 'branch_id'
  | 'cash_account_id'
  | 'planning_account_id'
  | 'billing_wallet_id'
  | 'contract_model_id'
  | 'document_type_id'
  | 'seller_id'
  | 'ticket_subject_id'
  | 'ticket_department_id';
