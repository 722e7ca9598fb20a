// Settings every tenant has whatever its ERP: how Ponte itself behaves for that ISP.
import { z } from 'zod';

export const tenantOptionsSchema = z
  .object({
    /** Late-fee rule used when the ERP gives no updated amount for an overdue bill. */
    late_fees: z
      .object({
        fine_basis_points: z.number().int().min(0).max(10_000).default(200),
        monthly_interest_basis_points: z.number().int().min(0).max(10_000).default(100),
        /** A bill due on a non-business day and paid after the next one: interest from which day. */
        interest_from: z.enum(['due_date', 'next_business_day']).default('due_date'),
      })
      .prefault({}),
    /** How long catalogue reads (products, due dates, resellers, origins) are cached, in seconds. */
    cache_ttl_seconds: z.number().int().min(0).max(86_400).default(300),
    /** Deadline of one call to the ERP, in milliseconds. */
    deadline_ms: z.number().int().min(100).max(120_000).default(15_000),
    /** When true, get_boleto_pdf requires customer_document_number and checks ownership. */
    require_document_for_boleto_pdf: z.boolean().default(false),
    /** Commercial origins for ERPs that have no such list. */
    commercial_origins: z.array(z.object({ code: z.string().min(1), description: z.string() })).default([]),
    /** What create_order_existing_customer creates. */
    existing_customer_order_mode: z.enum(['ticket', 'contract', 'lead']).default('ticket'),
    /** When the ERP cannot take an order, open it as a ticket instead (is_issue: true). */
    order_fallback_to_ticket: z.boolean().default(true),
    /** Calls to the ERP in flight at once (per Ponte process); more wait in a bounded queue. */
    max_concurrent_calls: z.number().int().min(1).max(1_000).default(32),
    /** Consecutive ERP failures that open the circuit. */
    circuit_failure_threshold: z.number().int().min(1).max(1_000).default(5),
    /** How long an open circuit fails calls at once before it lets one probe through. */
    circuit_open_seconds: z.number().int().min(1).max(3_600).default(10),
    /** Calls per second this tenant may make (all keys together, per Ponte process); null = no limit. */
    rate_limit_per_second: z.number().int().min(1).max(100_000).nullable().default(null),
  })
  .strict();

export type TenantOptions = z.output<typeof tenantOptionsSchema>;
export type TenantOptionsInput = z.input<typeof tenantOptionsSchema>;

export const defaultTenantOptions: TenantOptions = tenantOptionsSchema.parse({});
