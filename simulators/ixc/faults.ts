// Fault switches: ways to break the simulated IXC on purpose, set for the whole run
// (`faults.set(...)`) or for one request (header `x-sim-fault`, or query `?sim_fault=`), e.g.
// `x-sim-fault: latency=300,http504`.
import { formatDocument } from '../../src/brasil/document.js';
import { htmlAnswer, parseMsList, proxyAnswer, proxyPage, RunRules, totalLatency } from '../shared/faults.js';
import type { FaultAnswer } from '../shared/faults.js';
import { FIXTURES } from './seed.js';

export type { FaultAnswer } from '../shared/faults.js';

export const FAULT_KINDS = [
  /** Wait `ms` (default 500) before answering; combines with any other fault. */
  'latency',
  /** Never answer (until the client gives up or the simulator closes). */
  'timeout',
  /**
   * Close the connection without answering, at once: the answer lost on the way back, without
   * waiting for a client's deadline (tests of "maybe sent" need no clock).
   */
  'drop',
  'http500',
  'http502',
  'http503',
  /** The reverse proxy's "504 Gateway Time-out" page. */
  'http504',
  /** HTTP 200 with IXC's HTML "Ocorreu um erro ao processar" page. */
  'html200',
  /** HTTP 200 with `{"type":"error","message":...}` (the message names a customer's CPF). */
  'error200',
  /** HTTP 200 with a JSON body cut in the middle. */
  'malformed',
  /** Listings answer `registros` as an object keyed by index. */
  'registros-object',
  /** Listings answer `total` as a number. */
  'total-number',
  /** HTTP 401: the token was revoked or regenerated after a migration. */
  'revoked',
  /** HTTP 200 `type: error` "Seu IP não está liberado para efetuar login!". */
  'ip-blocked',
  /** HTTP 200 `type: error` "Recurso X não está disponível!" (endpoint not released for the token). */
  'unavailable',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  kind: FaultKind;
  /** For latency. */
  ms?: number;
  /** Only requests to this resource (table or action name). */
  resource?: string;
  /** Only requests with this method. */
  method?: string;
  /** Only listings (true) or only non-listings (false). */
  listing?: boolean;
  /** Only the first N matching requests; unlimited when absent. */
  times?: number;
}

/**
 * Faults after which the request is still processed: the ERP did the work and the answer was
 * lost or garbled on the way back (the case that tempts a client to send a write twice).
 */
export const PROCESSED_BEFORE: ReadonlySet<FaultKind> = new Set([
  'timeout',
  'drop',
  'http500',
  'http502',
  'http503',
  'http504',
  'malformed',
]);

export interface RequestShape {
  method: string;
  resource: string;
  listing: boolean;
}

export interface Chosen {
  latencyMs: number;
  fault: FaultRule | null;
}

/** Rules from a header or query value: `kind[=ms]` separated by commas; unknown kinds ignored. */
export function parseFaultList(value: string): FaultRule[] {
  return parseMsList(value, FAULT_KINDS);
}

export class Faults extends RunRules<FaultRule> {
  /** The faults for one request: the run's matching rules, then the request's own. */
  choose(req: RequestShape, perRequest: FaultRule[]): Chosen {
    const matching = this.take(
      (r) =>
        (r.resource === undefined || r.resource === req.resource) &&
        (r.method === undefined || r.method.toUpperCase() === req.method) &&
        (r.listing === undefined || r.listing === req.listing),
    );
    const all = [...matching, ...perRequest];
    return {
      latencyMs: totalLatency(all, (r) => r.ms),
      fault: all.find((r) => r.kind !== 'latency') ?? null,
    };
  }
}

const IXC_HTML = 'text/html; charset=UTF-8';
const html = (status: number, body: string): FaultAnswer => htmlAnswer(status, body, IXC_HTML);
const jsonError = (message: string): FaultAnswer => ({
  status: 200,
  contentType: 'application/json',
  body: JSON.stringify({ type: 'error', message }),
});

/** IXC's HTML error, as real installations answer it (with HTTP 200 to a listing it cannot run). */
export const IXC_HTML_ERROR =
  '<div style="margin:40px;font-family:Arial,sans-serif;">Ocorreu um erro ao processar. Contate o suporte IXC Soft.</div>';

/** The answer a fault replaces the real one with (listing shape faults are applied by the server). */
export function faultAnswer(kind: FaultKind, resource: string): FaultAnswer | null {
  switch (kind) {
    case 'http500':
      return html(500, IXC_HTML_ERROR);
    case 'http502':
    case 'http503':
    case 'http504':
      return proxyAnswer(kind, proxyPage, IXC_HTML);
    case 'html200':
      return html(200, IXC_HTML_ERROR);
    case 'error200':
      return jsonError(
        `Erro ao gravar: o cadastro ${formatDocument(FIXTURES.bills)} está sendo editado por outro usuário.`,
      );
    case 'malformed':
      return {
        status: 200,
        contentType: 'application/json',
        body: '{"page":"1","total":"2","registros":[{"id":"1","razao":"Maria Aparecida',
      };
    case 'revoked':
      return html(401, '<h1>401 Unauthorized</h1><p>Token inválido ou expirado.</p>');
    case 'ip-blocked':
      return jsonError('Seu IP não está liberado para efetuar login!');
    case 'unavailable':
      return jsonError(`Recurso ${resource} não está disponível!`);
    default:
      return null;
  }
}
