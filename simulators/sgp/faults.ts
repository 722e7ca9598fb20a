// Fault switches: ways to break the simulated SGP on purpose, set for the whole run (start option
// `faults`, or `faults.set(...)`) or for one request (header `x-sim-fault`, or query `?sim_fault=`),
// as a comma list `kind[=ms]`, e.g. `x-sim-fault: latency=300,http504`.
import {
  htmlAnswer,
  parseMsList,
  proxyAnswer,
  proxyPageCrlf,
  RunRules,
  totalLatency,
} from '../shared/faults.js';
import type { FaultAnswer } from '../shared/faults.js';

export type { FaultAnswer } from '../shared/faults.js';

export const FAULT_KINDS = [
  /** Wait `ms` (default 500) before answering; combines with any other fault. */
  'latency',
  /** Never answer (the client's deadline must fire). The request is processed first. */
  'timeout',
  'http500',
  'http502',
  /** Maintenance: 503 without touching anything. */
  'http503',
  /** The reverse proxy's "504 Gateway Time-out" page. */
  'http504',
  /** HTTP 200 with Django's HTML error page instead of JSON. */
  'html200',
  /** HTTP 200 with `{"status": 0, "msg": ...}` (a business error inside a 200). */
  'error200',
  /** HTTP 200 with a JSON body cut in the middle. */
  'malformed',
  /** The token was revoked (deleted in Painel Admin → Tokens): HTTP 403 with DRF's `detail`. */
  'revoked',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  kind: FaultKind;
  /** For latency. */
  ms?: number;
  /** Only requests whose path contains this text (e.g. "/baixar/"). */
  route?: string;
  /** Only the first N matching requests; unlimited when absent. */
  times?: number;
}

/**
 * Faults after which the request is still processed: SGP did the work (a baixa recorded) and
 * the answer was lost or garbled on the way back, the case that tempts a client to resend.
 */
export const PROCESSED_BEFORE: ReadonlySet<FaultKind> = new Set([
  'timeout',
  'http500',
  'http502',
  'http504',
  'malformed',
]);

/** Rules from a header or query value: `kind[=ms]` separated by commas; unknown kinds ignored. */
export function parseFaultList(value: string): FaultRule[] {
  return parseMsList(value, FAULT_KINDS);
}

export interface Chosen {
  latencyMs: number;
  fault: FaultKind | null;
}

export class Faults extends RunRules<FaultRule> {
  /** The faults for one request on `path`: the run's matching rules, then the request's own. */
  choose(path: string, perRequest: FaultRule[]): Chosen {
    const all = [...this.take((r) => r.route === undefined || path.includes(r.route)), ...perRequest];
    return {
      latencyMs: totalLatency(all, (r) => r.ms),
      fault: all.find((r) => r.kind !== 'latency')?.kind ?? null,
    };
  }
}

const html = (status: number, body: string): FaultAnswer => htmlAnswer(status, body);
const proxyPage = (status: number, title: string) => proxyPageCrlf(status, title, 'nginx/1.10.3');

// unverified: the look of SGP's own error page (a Django "Server Error (500)" page is assumed).
const DJANGO_ERROR =
  '<!doctype html>\n<html lang="en">\n<head>\n  <title>Server Error (500)</title>\n</head>\n<body>\n  <h1>Server Error (500)</h1><p></p>\n</body>\n</html>\n';

/** The answer a fault replaces the real one with. */
export function faultAnswer(kind: FaultKind): FaultAnswer | null {
  switch (kind) {
    case 'http500':
      return html(500, DJANGO_ERROR);
    case 'http502':
    case 'http503':
    case 'http504':
      return proxyAnswer(kind, proxyPage);
    case 'html200':
      return html(200, DJANGO_ERROR);
    case 'error200':
      // unverified: the text; the shape (status 0 + msg in a 200) is the vendor's.
      return {
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ status: 0, msg: 'Erro ao processar a requisição. Tente novamente.' }),
      };
    case 'malformed':
      return {
        status: 200,
        contentType: 'application/json',
        body: '{"paginacao": {"offset": 0, "limit": 250, "parcial": 1, "total": 1}, "titulos": [{"id": 16085, "clienteNome": "MARIA APARE',
      };
    case 'revoked':
      return {
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({ detail: 'As credenciais de autenticação não foram fornecidas.' }),
      };
    default:
      return null;
  }
}
