// The error catalogue (CONTRACT.md §6) and the error every layer throws to answer with one of its codes.
import type { z } from 'zod';
import { INVALID_DOCUMENT_PARAMS } from './values.js';

export const errorCatalogue = {
  INVALID_INPUT: {
    status: 400,
    description:
      'The body is not JSON, or a field is missing, has the wrong type, or holds a bad money amount or date. `details` lists each field path and what is wrong.',
  },
  INVALID_DOCUMENT: {
    status: 400,
    description: 'A CPF/CNPJ has the wrong length, characters or check digits.',
  },
  UNAUTHENTICATED: { status: 401, description: 'The API key is missing or unknown.' },
  FORBIDDEN: { status: 403, description: 'The API key is not allowed to call this function.' },
  UNKNOWN_FUNCTION: { status: 404, description: 'There is no function with this name.' },
  CUSTOMER_NOT_FOUND: { status: 404, description: 'The ERP has no customer with this CPF/CNPJ.' },
  BILL_NOT_FOUND: { status: 404, description: 'The ERP has no such bill or boleto for this customer.' },
  CONTRACT_NOT_FOUND: { status: 404, description: 'The ERP has no such contract for this customer.' },
  INVOICE_NOT_FOUND: {
    status: 404,
    description: 'The ERP has no such invoice (nota fiscal) for this customer.',
  },
  IDEMPOTENCY_CONFLICT: {
    status: 409,
    description: 'The same idempotency key was used before with different content.',
  },
  ERP_REJECTED: {
    status: 422,
    description: "The ERP refused a write whose output has no `success` field; the message is the ERP's.",
  },
  RATE_LIMITED: { status: 429, description: 'Too many calls; retry after the `Retry-After` header.' },
  NOT_SUPPORTED: { status: 501, description: "The tenant's ERP cannot perform this function." },
  ERP_BAD_RESPONSE: {
    status: 502,
    description: 'The ERP answered something unparseable or contradictory.',
  },
  ERP_UNAVAILABLE: {
    status: 503,
    description:
      'The ERP timed out, refused the connection, answered 5xx, or its circuit is open; `Retry-After` when known.',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    description:
      'Ponte itself cannot serve the call now: its database is unreachable, or the process is shutting down. Nothing was done; retry after the `Retry-After` header.',
  },
  INTERNAL: { status: 500, description: 'A bug in Ponte; it is logged with the request id.' },
} as const satisfies Record<string, { status: number; description: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** What the ERP answered, for errors where it was involved: personal data must already be masked. */
export interface UpstreamInfo {
  status: number | null;
  excerpt: string;
}

/**
 * Whether a failed request may have reached the ERP: `not_sent` proves it did not (the connection
 * was refused, the circuit was open), so a write can be sent again without doubling anything;
 * `maybe_sent` (the default for ERP errors) does not. Internal: never part of an answer's body.
 */
export type Delivery = 'not_sent' | 'maybe_sent';

export interface PonteErrorExtra {
  details?: unknown;
  delivery?: Delivery;
  upstream?: UpstreamInfo;
  retryAfterSeconds?: number;
  cause?: unknown;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: unknown;
    request_id: string;
    upstream?: UpstreamInfo;
  };
}

export class PonteError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;
  readonly upstream?: UpstreamInfo;
  readonly retryAfterSeconds?: number;
  /** See `Delivery`; absent on errors that are not about a request to the ERP. */
  readonly delivery?: Delivery;

  constructor(code: ErrorCode, message: string, extra: PonteErrorExtra = {}) {
    super(message, 'cause' in extra ? { cause: extra.cause } : undefined);
    this.name = 'PonteError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    if (extra.details !== undefined) this.details = extra.details;
    if (extra.upstream !== undefined) this.upstream = extra.upstream;
    if (extra.retryAfterSeconds !== undefined) this.retryAfterSeconds = extra.retryAfterSeconds;
    if (extra.delivery !== undefined) this.delivery = extra.delivery;
  }

  /** True only when the failed request provably never reached the ERP. */
  get notSent(): boolean {
    return this.delivery === 'not_sent';
  }

  /** The JSON body of the error answer (CONTRACT.md §1). */
  toBody(requestId: string): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
        request_id: requestId,
        ...(this.upstream === undefined ? {} : { upstream: this.upstream }),
      },
    };
  }
}

/** One wrong field, named by its contract path (`order.items.0.price`). */
export interface FieldProblem {
  path: string;
  message: string;
}

function pathOf(issue: z.core.$ZodIssue): string {
  return issue.path.map((key) => (typeof key === 'symbol' ? (key.description ?? '') : String(key))).join('.');
}

function isDocumentIssue(issue: z.core.$ZodIssue): boolean {
  return (
    issue.code === 'custom' &&
    (issue.params as { ponteCode?: unknown } | undefined)?.ponteCode === INVALID_DOCUMENT_PARAMS.ponteCode
  );
}

function describe(problem: FieldProblem, others: number): string {
  const where = problem.path === '' ? 'body' : problem.path;
  return `${where}: ${problem.message}${others > 0 ? ` (and ${others} more)` : ''}`;
}

/**
 * The answer to an input that failed its schema: INVALID_DOCUMENT when a CPF/CNPJ is what failed,
 * INVALID_INPUT otherwise; `details` lists every problem either way.
 */
export function issuesToError(error: z.ZodError): PonteError {
  const details: FieldProblem[] = error.issues.map((issue) => ({
    path: pathOf(issue),
    message: issue.message,
  }));
  const documentIndex = error.issues.findIndex(isDocumentIssue);
  const documentProblem = details[documentIndex];
  if (documentProblem !== undefined) {
    return new PonteError('INVALID_DOCUMENT', `Invalid CPF/CNPJ at ${describe(documentProblem, 0)}`, {
      details,
    });
  }
  const first = details[0] ?? { path: '', message: 'invalid' };
  return new PonteError('INVALID_INPUT', `Invalid input at ${describe(first, details.length - 1)}`, {
    details,
  });
}
