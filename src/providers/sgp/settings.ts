// The tenant settings of an SGP provider: where the ISP's SGP is and the token + app created in
// Sistema → Ferramentas → Painel Admin → Tokens (only these are required to connect), then the
// optional ids some functions use (`ponte check` lists them) and how orders are filed.
import { z } from 'zod';
import { baseUrlSetting, idSetting } from '../kit/index.js';

export const sgpSettingsSchema = z
  .object({
    /** The ISP's SGP host, e.g. https://provedor.sgp.net.br (no /api suffix). */
    base_url: baseUrlSetting(),
    /** The token's value (a secret). */
    token: z.string().trim().min(1, 'the SGP token'),
    /** The application name the token was created for: exact and case-sensitive. */
    app: z.string().trim().min(1, 'the app name of the SGP token (case-sensitive)'),
    /** Ponto de recebimento (caixa) the baixas go to; absent: the caixa of the title's portador. */
    ponto_recebimento_id: idSetting('ponto_recebimento_id').optional(),
    /** Ocorrência type of tickets (create_ticket); absent: SGP's default (5). */
    ticket_type_id: idSetting('ticket_type_id').optional(),
    /** Ocorrência type of orders filed as tickets (create_order_existing_customer, ticket mode). */
    order_ticket_type_id: idSetting('order_ticket_type_id').optional(),
    /**
     * create_order: `precadastro` (default: SGP's pre-registration queue, needs no ids, answers no
     * id) or `crm` (a CRM customer and contract, which answer their ids; needs pop_id, portador_id).
     */
    order_mode: z.enum(['precadastro', 'crm']).default('precadastro'),
    /** precadastro_ativar=1: SGP turns the pre-registration into a customer and contract at once. */
    activate_precadastro: z.boolean().default(false),
    /** POP of new contracts (CRM path; optional on precadastro). */
    pop_id: idSetting('pop_id').optional(),
    /** Portador (billing bank) of new contracts (CRM path; optional on precadastro). */
    portador_id: idSetting('portador_id').optional(),
    /** Seller of orders that name no reseller. */
    vendedor_id: idSetting('vendedor_id').optional(),
    /** Ask SGP for the Pix code (/api/ura/pagamento/pix/) of an open title that has none. */
    generate_pix: z.boolean().default(true),
  })
  .strict();

export type SgpSettings = z.output<typeof sgpSettingsSchema>;
export type SgpSettingsInput = z.input<typeof sgpSettingsSchema>;
/** The optional id settings. */
export type SgpIdSetting =
  | 'ponto_recebimento_id'
  | 'ticket_type_id'
  | 'order_ticket_type_id'
  | 'pop_id'
  | 'portador_id'
  | 'vendedor_id';
