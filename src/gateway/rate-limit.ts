// A token bucket per tenant: `rate` calls per second on average, bursts up to one second's worth.
// Kept in process memory: with several Ponte processes each enforces the limit on its own share.

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  /** Returns 0 when the call may go on, otherwise the seconds to wait before trying again. */
  take(key: string, ratePerSecond: number, now = Date.now()): number {
    const bucket = this.buckets.get(key) ?? { tokens: ratePerSecond, updatedAt: now };
    bucket.tokens = Math.min(
      ratePerSecond,
      bucket.tokens + ((now - bucket.updatedAt) / 1000) * ratePerSecond,
    );
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerSecond));
  }
}
