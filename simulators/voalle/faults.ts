// Fault switches: ways to make the simulated Voalle misbehave on purpose, set for the whole run
// (`faults.set(...)`, start option `faults`) or for one request (header `x-sim-fault` or query
// `?sim_fault=`), written `kind[=n],...`, e.g. `x-sim-fault: latency=300,http504`.
//   latency=<ms>       answer normally after a delay (combines with the others)
//   timeout            never answer (processed first: the answer is what is lost)
//   http500|502|503|504  an HTML error page (processed first: the answer is lost)
//   html200            HTTP 200 with an IIS-style HTML error page (not processed)
//   error200           HTTP 200 {success:false, messages:[{code: 300, type: "Error"}]} (not processed)
//   malformed          HTTP 200 with JSON cut in the middle (processed first)
//   revoked            every token is revoked before the request (so the API answers 401)
//   rate-limit[=n]     the vendor's limit: more than n (default 30) requests a minute per integrator -> 429
//   slow-payment[=n]   payments stay unprocessed for n (default 3) consultpayment calls
// A run rule may be limited to paths containing `route` and to the next `times` matches.
import { htmlAnswer, parseKindList, proxyAnswer, RunRules, totalLatency } from '../shared/faults.js';
import type { FaultAnswer } from '../shared/faults.js';

export type { FaultAnswer } from '../shared/faults.js';

export const FAULT_KINDS = [
  'latency',
  'timeout',
  'http500',
  'http502',
  'http503',
  'http504',
  'html200',
  'error200',
  'malformed',
  'revoked',
  'rate-limit',
  'slow-payment',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  kind: FaultKind;
  /** latency ms, rate-limit requests per minute, slow-payment consults. */
  n?: number;
  /** Only requests whose path contains this. */
  route?: string;
  /** Only the next N matching requests. */
  times?: number;
}

/** Faults after which the request was still processed: Voalle did the work and the answer was lost. */
export const PROCESSED_BEFORE: ReadonlySet<FaultKind> = new Set([
  'timeout',
  'http500',
  'http502',
  'http503',
  'http504',
  'malformed',
]);

/** Faults that change the simulator's behaviour instead of replacing an answer. */
const BEHAVIOURS: ReadonlySet<FaultKind> = new Set(['latency', 'rate-limit', 'slow-payment', 'revoked']);

/** Rules from `kind[=n],...`; unknown kinds are ignored. */
export function parseFaultList(value: string): FaultRule[] {
  return parseKindList(value, FAULT_KINDS);
}

export interface Chosen {
  latencyMs: number;
  revoke: boolean;
  /** Requests per minute allowed, when the rate limit is on. */
  rateLimit: number | null;
  /** Consults a new payment stays unprocessed for, when set. */
  slowPayment: number | null;
  /** The answer-replacing fault, if any. */
  fault: FaultKind | null;
}

export class Faults extends RunRules<FaultRule> {
  choose(path: string, perRequest: FaultRule[]): Chosen {
    const all = [...this.take((r) => r.route === undefined || path.includes(r.route)), ...perRequest];
    const find = (kind: FaultKind) => all.find((r) => r.kind === kind);
    const rate = find('rate-limit');
    const slow = find('slow-payment');
    return {
      latencyMs: totalLatency(all, (r) => r.n),
      revoke: find('revoked') !== undefined,
      rateLimit: rate === undefined ? null : (rate.n ?? 30),
      slowPayment: slow === undefined ? null : (slow.n ?? 3),
      fault: all.find((r) => !BEHAVIOURS.has(r.kind))?.kind ?? null,
    };
  }
}

const html = (status: number, body: string): FaultAnswer => htmlAnswer(status, body);

// unverified: no error page of a real Voalle is recorded; the host is IIS/Kestrel behind a proxy in
// the clients' notes, so these pages are generic.
export function faultAnswer(kind: FaultKind): FaultAnswer | null {
  switch (kind) {
    case 'http500':
      return html(
        500,
        '<!DOCTYPE html><html><body><h1>Server Error</h1><h2>500 - Internal server error.</h2></body></html>',
      );
    case 'http502':
    case 'http503':
    case 'http504':
      return proxyAnswer(kind);
    case 'html200':
      return html(
        200,
        '<!DOCTYPE html><html><body><h1>Runtime Error</h1><p>An application error occurred on the server.</p></body></html>',
      );
    case 'error200':
      return {
        status: 200,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({
          success: false,
          messages: [{ message: 'Ocorreu um erro ao processar a requisição.', code: 300, type: 'Error' }],
          response: null,
          dataResponseType: null,
          elapsedTime: null,
        }),
      };
    case 'malformed':
      return {
        status: 200,
        contentType: 'application/json; charset=utf-8',
        body: '{"success":true,"messages":null,"response":[{"id":771001,"billet":{"bankTitleNumber":null,"typefulLine":"0019',
      };
    default:
      return null;
  }
}
