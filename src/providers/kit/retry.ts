// The one retry policy of requests to an ERP, pure so that it is tested without a clock: reads,
// and writes that provably never left (delivery not_sent), may be sent again; anything else that
// may have reached the ERP never is. Waits honour Retry-After, else back off exponentially with
// full jitter, and never pass the cap.
import type { Delivery } from '../../contract/index.js';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff step in ms (doubles each attempt). */
  baseMs: number;
  /** No wait is longer than this. */
  capMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { retries: 2, baseMs: 100, capMs: 5_000 };

export interface FailedAttempt {
  /** 0 for the first attempt. */
  attempt: number;
  /** A read (listing, lookup, download) rather than a write. */
  read: boolean;
  delivery: Delivery;
  /** The ERP's Retry-After, when it sent one. */
  retryAfterSeconds?: number;
}

/**
 * The wait in ms before the next attempt, or null when there must be none. `random` is in [0, 1)
 * (Math.random in production, fixed in tests).
 */
export function retryWait(
  failed: FailedAttempt,
  policy: RetryPolicy = defaultRetryPolicy,
  random: () => number = Math.random,
): number | null {
  if (failed.attempt >= policy.retries) return null;
  if (!failed.read && failed.delivery !== 'not_sent') return null;
  if (failed.retryAfterSeconds !== undefined) return Math.min(failed.retryAfterSeconds * 1000, policy.capMs);
  const ceiling = Math.min(policy.baseMs * 2 ** failed.attempt, policy.capMs);
  // Full jitter, but never less than a tenth of the step, so retries do not bunch at 0.
  return Math.max(Math.round(ceiling / 10), Math.floor(random() * ceiling));
}
