// Webhook signatures, as Stripe makes them: `Ponte-Signature: t=<unix seconds>,v1=<hex>` where
// the hex is HMAC-SHA256 of `${t}.${body}` with the endpoint's secret. While a rotated secret is
// still valid the header carries one v1 per secret, so a receiver holding either verifies it.
// verifyWebhook is what a receiver runs (docs/webhooks.md shows the same in a few lines); Ponte's
// tests use it against what its deliveries carry.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Ponte-Signature';
/** How old a signature may be, in seconds, before a receiver takes it for a replay. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

function hmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The header value for `body` signed at `timestamp` (unix seconds) with each secret. */
export function signatureHeader(body: string, secrets: readonly string[], timestamp: number): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${hmac(s, timestamp, body)}`)].join(',');
}

export type Verification =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'malformed' | 'outside_tolerance' | 'no_matching_signature' };

/**
 * Checks a delivery: `body` exactly as received (the raw text, before any JSON parsing), the
 * `Ponte-Signature` header, and the receiver's secret(s) (give both while rotating). A timestamp
 * more than `toleranceSeconds` from `now` is refused, so a captured delivery cannot be replayed
 * later.
 */
export function verifyWebhook(input: {
  body: string;
  header: string | undefined | null;
  secrets: string | readonly string[];
  toleranceSeconds?: number;
  now?: () => Date;
}): Verification {
  const parts = (input.header ?? '').split(',').map((p) => p.trim().split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  const given = parts.filter(([k, v]) => k === 'v1' && v !== undefined && /^[0-9a-f]{64}$/.test(v));
  if (t === undefined || !/^\d{1,12}$/.test(t) || given.length === 0)
    return { ok: false, reason: 'malformed' };
  const timestamp = Number(t);
  const now = Math.floor((input.now?.() ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) {
    return { ok: false, reason: 'outside_tolerance' };
  }
  const secrets = typeof input.secrets === 'string' ? [input.secrets] : input.secrets;
  for (const secret of secrets) {
    const expected = Buffer.from(hmac(secret, timestamp, input.body), 'hex');
    for (const [, v] of given) {
      if (timingSafeEqual(expected, Buffer.from(v!, 'hex'))) return { ok: true, timestamp };
    }
  }
  return { ok: false, reason: 'no_matching_signature' };
}
