// What a running Voalle simulator holds besides its data: the integrator user it accepts, the
// tokens it issued (each expires or can be revoked), the asynchronous payments receivepayment
// queued, what was written (leads, negotiations, solicitations), the per-integrator request
// window of the rate limit, and counters tests read.
import { randomBytes, randomUUID } from 'node:crypto';
import type { VoalleData } from './seed.js';

export interface VoalleCredentials {
  client_id: string;
  client_secret: string;
  syndata: string;
}

export const defaultVoalleCredentials: VoalleCredentials = {
  client_id: 'integracao.valenet.ponte',
  client_secret: 'sim-secret-5d1c0a9e7f',
  syndata: 'sim-syndata-TWpBeU5pMHhNaTB3TVE',
};

export interface Payment {
  synGwTransactionId: string;
  transactionId: string;
  titleId: number;
  paidAmountCents: number;
  receiptDate: string;
  /** consultpayment calls left before it is processed. */
  pendingConsults: number;
  processed: boolean;
  /** Set when processed. */
  outcome: 'success' | 'title-not-open' | null;
}

export interface VoalleCounters {
  requests: number;
  tokensIssued: number;
  tokensRefused: number;
  unauthorized: number;
  rateLimited: number;
  receivepayments: number;
  /** Titles actually paid by processed payments (what "exactly once" is checked against). */
  baixas: number;
  unlocks: number;
  byRoute: Map<string, number>;
}

export class VoalleState {
  private readonly tokens = new Map<string, { clientId: string; expiresAt: number }>();
  private readonly window = new Map<string, number[]>();
  readonly payments = new Map<string, Payment>();
  readonly leads: Record<string, unknown>[] = [];
  readonly sales: { protocolId: number; body: Record<string, unknown> }[] = [];
  readonly solicitations: { protocol: number; body: Record<string, unknown> }[] = [];
  readonly counters: VoalleCounters = {
    requests: 0,
    tokensIssued: 0,
    tokensRefused: 0,
    unauthorized: 0,
    rateLimited: 0,
    receivepayments: 0,
    baixas: 0,
    unlocks: 0,
    byRoute: new Map(),
  };
  /** consultpayment calls a new payment stays unprocessed for (the slow-payment fault overrides it). */
  paymentDelay: number;
  private nextProtocol = 202600001;

  constructor(
    readonly data: VoalleData,
    readonly credentials: VoalleCredentials,
    readonly tokenTtlSeconds: number,
    paymentDelay: number,
    readonly now: () => number = Date.now,
  ) {
    this.paymentDelay = paymentDelay;
  }

  issueToken(clientId: string): { token: string; expiresIn: number } {
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { clientId, expiresAt: this.now() + this.tokenTtlSeconds * 1000 });
    this.counters.tokensIssued++;
    return { token, expiresIn: this.tokenTtlSeconds };
  }

  /** The integrator a valid token belongs to, or null. */
  tokenOwner(token: string): string | null {
    const t = this.tokens.get(token);
    return t !== undefined && t.expiresAt > this.now() ? t.clientId : null;
  }

  revokeAllTokens(): void {
    this.tokens.clear();
  }

  expireAllTokens(): void {
    for (const t of this.tokens.values()) t.expiresAt = 0;
  }

  /** True when this request is within `limit` requests in the last minute of `integrator`. */
  admit(integrator: string, limit: number): boolean {
    const now = this.now();
    const recent = (this.window.get(integrator) ?? []).filter((t) => t > now - 60_000);
    if (recent.length >= limit) {
      this.window.set(integrator, recent);
      return false;
    }
    recent.push(now);
    this.window.set(integrator, recent);
    return true;
  }

  /** Seconds until the oldest request of the window leaves it. */
  retryAfter(integrator: string): number {
    const oldest = this.window.get(integrator)?.[0] ?? this.now();
    return Math.max(1, Math.ceil((oldest + 60_000 - this.now()) / 1000));
  }

  newPayment(p: Omit<Payment, 'synGwTransactionId' | 'processed' | 'outcome'>): Payment {
    const payment: Payment = { ...p, synGwTransactionId: randomUUID(), processed: false, outcome: null };
    this.payments.set(payment.transactionId.toLowerCase(), payment);
    return payment;
  }

  protocol(): number {
    return this.nextProtocol++;
  }
}
