// What every route shares when it answers: the bearer key of a request, a constant-time secret
// comparison, and errors in the contract's shape (with the facts the request log line carries).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PonteError } from '../contract/index.js';

export function bearer(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m?.[1];
}

export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * What the request line says beyond method, path and status: the function called, the tenant (when
 * the key named one) and the error code answered. Kept per request, not on it (fastify's types).
 */
export const requestFacts = new WeakMap<
  FastifyRequest,
  { function?: string; tenant?: string; error_code?: string }
>();

export function noteFacts(
  req: FastifyRequest,
  facts: { function?: string; tenant?: string; error_code?: string },
): void {
  requestFacts.set(req, { ...requestFacts.get(req), ...facts });
}

export function sendError(reply: FastifyReply, error: PonteError): FastifyReply {
  noteFacts(reply.request, { error_code: error.code });
  if (error.retryAfterSeconds !== undefined)
    void reply.header('retry-after', String(error.retryAfterSeconds));
  return reply.code(error.status).send(error.toBody(String(reply.request.id)));
}
