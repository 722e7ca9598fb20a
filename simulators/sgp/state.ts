// What a running SGP simulator holds besides its data: the token + app it accepts (and whether the
// token has "Permite Baixar Titulo"), and the counters tests read (requests per route, baixas
// recorded, writes received).
import type { SgpData } from './seed.js';

export interface SgpCredentials {
  token: string;
  app: string;
  /** The token's "Permite Baixar Titulo" permission. */
  canSettle: boolean;
}

export const defaultSgpCredentials: SgpCredentials = {
  token: 'sim-sgp-token-6f1c2b9e4d7a4c0e9b1f',
  app: 'ponte',
  canSettle: true,
};

export interface WriteRecord {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

export class SgpState {
  readonly counters = {
    /** Every HTTP request received, faults included. */
    requests: 0,
    /** Requests per "METHOD /path" (trailing slash and query left out). */
    perRoute: new Map<string, number>(),
    /** Baixas SGP recorded. */
    baixas: 0,
    /** Requests refused for their token/app. */
    unauthorized: 0,
    writes: [] as WriteRecord[],
  };
  revoked = false;

  constructor(
    readonly data: SgpData,
    readonly credentials: SgpCredentials,
  ) {}

  count(route: string): void {
    this.counters.requests++;
    this.counters.perRoute.set(route, (this.counters.perRoute.get(route) ?? 0) + 1);
  }

  requestsTo(route: string): number {
    return this.counters.perRoute.get(route) ?? 0;
  }
}
