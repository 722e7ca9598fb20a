// One input schema (the request body) and one output schema (the 200 body) per function, keyed by
// the function's name in contract order (CONTRACT.md §4).
import { z } from 'zod';
import {
  billSchema,
  blockedPlanSchema,
  contactSchema,
  customerChangesInput,
  customerSchema,
  invoiceSchema,
  leadInput,
  orderInput,
  planSchema,
  transactionInput,
  wdaOrderOutput,
  wdaUserInput,
} from './objects.js';
import {
  amountString,
  base64Pdf,
  documentNumber,
  documentOutput,
  idInput,
  idOutput,
  isoDateOrEmpty,
  optionalInput,
  requiredText,
  phone,
} from './values.js';

const noInput = z.object({});
const byDocument = z.object({ customer_document_number: documentNumber });
const pdf = z.strictObject({ base_64: base64Pdf });
const success = z.strictObject({
  success: z.boolean(),
  api_response: z.string().describe("The ERP's full answer as text, whatever the outcome."),
});

const settlementStatus = z.enum(['settled', 'already_settled', 'queued', 'rejected']);

export const inputSchemas = {
  create_order: z.object({
    order: orderInput,
    message: z.string().describe('Text for the ERP notes ("observações") field.'),
  }),
  create_order_existing_customer: z.object({
    order: orderInput,
    message: z.string().describe('Text for the ERP notes ("observações") field.'),
    customer_document_number: documentNumber,
    wda_user: wdaUserInput,
  }),
  create_lead: z.object({ lead: leadInput }),
  list_resellers: noInput,
  list_products: noInput,
  list_due_dates: noInput,
  list_commercial_origins: noInput,
  list_bills: byDocument,
  get_bill: z.object({ customer_bill_id: idInput, customer_document_number: documentNumber }),
  get_boleto_pdf: z.object({
    boleto_id: idInput,
    customer_document_number: optionalInput(documentNumber).describe(
      'Extension: when given, the boleto must belong to this customer (a tenant setting can require it).',
    ),
  }),
  settle_bill: z.object({
    transaction: transactionInput,
    boleto_id: idInput,
    customer_document_number: documentNumber,
  }),
  get_customer: byDocument,
  get_customer_contacts: byDocument,
  get_internal_pending: byDocument,
  update_customer: z.object({ customer_document_number: documentNumber, changes: customerChangesInput }),
  list_plans: byDocument,
  list_blocked_plans: byDocument,
  trust_unlock: z.object({
    customer_document_number: documentNumber,
    contract_id: optionalInput(idInput).describe('Optional when exactly one contract is blocked.'),
  }),
  create_ticket: z.object({
    customer_document_number: documentNumber,
    subject: requiredText.describe('Free text, or a code the tenant maps to ERP subject/department ids.'),
    message: requiredText,
    contract_id: optionalInput(idInput),
    contact_name: optionalInput(requiredText),
    contact_phone: optionalInput(phone),
    request_id: optionalInput(idInput).describe(
      'Idempotency key: the same request_id never opens two tickets.',
    ),
  }),
  list_invoices: byDocument,
  get_invoice_pdf: z.object({ invoice_id: idInput, customer_document_number: documentNumber }),
} as const;

export type FunctionName = keyof typeof inputSchemas;

export const outputSchemas = {
  create_order: z.strictObject({
    wda_order: wdaOrderOutput,
    remote_id: idOutput.describe('Id of the ERP record created (or of the ticket when is_issue).'),
    remote_message: z.string().nullable().describe("The ERP's own message, or null."),
    is_issue: z.boolean().describe('True when the order was opened as a ticket instead.'),
  }),
  create_order_existing_customer: z.strictObject({ remote_id: idOutput }),
  create_lead: z.strictObject({
    remote_id: idOutput.nullable().describe('Extension: null when the ERP returns no id.'),
  }),
  list_resellers: z.array(
    z.strictObject({
      code: idOutput,
      name: z.string(),
      taxvat: z.union([documentOutput, z.literal('')]),
      email: z.string(),
    }),
  ),
  list_products: z.array(
    z.strictObject({
      codigo: idOutput,
      nome: z.string(),
      valor: amountString.optional().describe('Extension: the monthly price, when the ERP gives it.'),
    }),
  ),
  list_due_dates: z.array(
    z.strictObject({
      code: idOutput,
      name: z
        .string()
        .regex(/^(?:[1-9]|[12]\d|3[01])$/, 'expected the day of month, "1" to "31"')
        .describe('The day of month, e.g. "10".'),
    }),
  ),
  list_commercial_origins: z.array(z.strictObject({ code: idOutput, description: z.string() })),
  list_bills: z
    .array(billSchema)
    .superRefine((bills, ctx) => {
      bills.forEach((bill, index) => {
        if (bill.status !== undefined && bill.status !== 'open') {
          ctx.addIssue({
            code: 'custom',
            message: 'list_bills returns open bills only',
            path: [index, 'status'],
          });
        }
        const previous = bills[index - 1];
        if (previous !== undefined && previous.vencimento > bill.vencimento) {
          ctx.addIssue({
            code: 'custom',
            message: 'bills must be oldest due date first',
            path: [index, 'vencimento'],
          });
        }
      });
    })
    .describe("The customer's open bills (overdue included), oldest due date first."),
  get_bill: z.array(billSchema).max(1),
  get_boleto_pdf: pdf,
  settle_bill: success
    .extend({
      status: settlementStatus.optional().describe('Extension.'),
      settlement_id: idOutput.optional().describe('Extension: the id of the settlement in the ERP.'),
    })
    .refine(
      (result) => result.status === undefined || result.success === (result.status === 'settled'),
      'success must be true exactly when status is settled',
    ),
  get_customer: customerSchema,
  get_customer_contacts: z
    .array(contactSchema)
    .refine(
      (contacts) => new Set(contacts.map((c) => `${c.type}:${c.value}`)).size === contacts.length,
      'contacts must be deduplicated',
    ),
  get_internal_pending: z.array(z.string().min(1)),
  update_customer: success,
  list_plans: z.array(planSchema),
  list_blocked_plans: z.array(blockedPlanSchema),
  trust_unlock: z.strictObject({
    success: z.boolean(),
    message: z.string().describe("The ERP's message, also when it refuses."),
    unlocked_until: isoDateOrEmpty,
    protocol: z.string().describe('The protocol number in the ERP; "" when none.'),
  }),
  create_ticket: z.strictObject({
    remote_id: idOutput,
    protocol: z.string().describe('The protocol number in the ERP; "" when none.'),
  }),
  list_invoices: z.array(invoiceSchema),
  get_invoice_pdf: pdf,
} as const satisfies { readonly [N in FunctionName]: z.ZodType };

/** The parsed (normalised) input of a function: what providers receive. */
export type FunctionInput<N extends FunctionName> = z.output<(typeof inputSchemas)[N]>;
/** The 200 body of a function. */
export type FunctionOutput<N extends FunctionName> = z.output<(typeof outputSchemas)[N]>;
