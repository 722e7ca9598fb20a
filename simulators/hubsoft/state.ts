// What a running Hubsoft simulator holds besides its data: the OAuth2 clients and users it accepts,
// the tokens it issued (each can expire or be revoked, as an administrator or an update does on a
// real Hubsoft), and counters tests read (tokens issued, requests per route, writes received).
import { randomBytes } from 'node:crypto';
import type { HubsoftData } from './seed.js';

export interface HubsoftCredentials {
  client_id: string;
  client_secret: string;
  username: string;
  password: string;
}

/** The credentials a simulator accepts unless told otherwise. */
export const defaultHubsoftCredentials: HubsoftCredentials = {
  client_id: '3',
  client_secret: 'sim-client-secret-7Ns48Y30tB',
  username: 'integracao@provedor.com.br',
  password: 'sim-password-1234',
};

export interface WriteRecord {
  method: string;
  path: string;
  /** The input the route read: the JSON body over the query string. */
  body: Record<string, unknown>;
}

export interface HubsoftCounters {
  /** POST /oauth/token answered with a token. */
  tokensIssued: number;
  /** POST /oauth/token refused. */
  tokensRefused: number;
  /** API requests refused with 401 (no, unknown, expired or revoked token). */
  unauthorized: number;
  /** Requests per "METHOD /path" (query string left out), faults included. */
  requests: Map<string, number>;
  /** Every POST/PUT/DELETE that reached a route handler, in order. */
  writes: WriteRecord[];
}

export class HubsoftState {
  readonly counters: HubsoftCounters = {
    tokensIssued: 0,
    tokensRefused: 0,
    unauthorized: 0,
    requests: new Map(),
    writes: [],
  };
  private readonly tokens = new Map<string, number>();

  constructor(
    readonly data: HubsoftData,
    readonly credentials: HubsoftCredentials,
    /** Lifetime of a new token, in seconds (Hubsoft: 2592000, 30 days). */
    public tokenTtlSeconds: number,
  ) {}

  issueToken(now = Date.now()): { token: string; expiresIn: number } {
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, now + this.tokenTtlSeconds * 1000);
    this.counters.tokensIssued++;
    return { token, expiresIn: this.tokenTtlSeconds };
  }

  isValidToken(token: string, now = Date.now()): boolean {
    const expiresAt = this.tokens.get(token);
    return expiresAt !== undefined && expiresAt > now;
  }

  /** Every issued token stops working at once (an administrator's "revoke all", an update). */
  revokeAllTokens(): void {
    this.tokens.clear();
  }

  /** Every issued token reaches its expiry now. */
  expireAllTokens(): void {
    for (const token of this.tokens.keys()) this.tokens.set(token, 0);
  }

  count(route: string): void {
    this.counters.requests.set(route, (this.counters.requests.get(route) ?? 0) + 1);
  }

  /** Requests received for "METHOD /path" (e.g. "GET /api/v1/integracao/cliente"). */
  requestsTo(route: string): number {
    return this.counters.requests.get(route) ?? 0;
  }
}
