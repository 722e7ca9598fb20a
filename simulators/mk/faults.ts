// Fault switches: ways to make the simulated MK misbehave on purpose, set for the whole run
// (`faults.set(...)`, or `faults` at start: `kind[=ms],...`) or for one request (header
// `x-sim-fault`, or query `sim_fault=`), e.g. `x-sim-fault: latency=300,http504`.
import { parseMsList, proxyAnswer, proxyPage, RunRules, totalLatency } from '../shared/faults.js';
import type { FaultAnswer } from '../shared/faults.js';

export type { FaultAnswer } from '../shared/faults.js';

export const FAULT_KINDS = [
  /** Wait `ms` (default 500) before answering; combines with any other fault. */
  'latency',
  /** Never answer (until the client gives up or the simulator closes). */
  'timeout',
  /** Tomcat's HTTP 500 page with a javax.servlet.ServletException trace (a module not configured). */
  'servlet500',
  /** The reverse proxy's pages. */
  'http502',
  'http503',
  'http504',
  /** HTTP 200 with a JSON body cut in the middle. */
  'malformed',
  /** Every session token is expired before the request is handled (999 "Token expirado."). */
  'expire',
  /** Every session token is invalidated before the request is handled (001 "Token inválido."). */
  'invalidate',
  /** The body is sent as raw UTF-8 bytes (no \u00XX escapes), still declared ISO-8859-1. */
  'raw-utf8',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultRule {
  kind: FaultKind;
  /** For latency. */
  ms?: number;
  /** Only requests to this service (e.g. "WSMKNovoAtendimento"). */
  service?: string;
  /** Only the first N matching requests; unlimited when absent. */
  times?: number;
}

/**
 * Faults after which the request is still processed: the ERP did the work and the answer was
 * lost or garbled on the way back (what tempts a client to send a write twice).
 */
export const PROCESSED_BEFORE: ReadonlySet<FaultKind> = new Set([
  'timeout',
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
  /** Faults applied before handling (token changes, the raw charset); they do not replace the answer. */
  modifiers: FaultKind[];
  /** The fault that replaces the answer, if any. */
  fault: FaultKind | null;
}

const MODIFIERS: ReadonlySet<FaultKind> = new Set(['expire', 'invalidate', 'raw-utf8']);

export class Faults extends RunRules<FaultRule> {
  /** The faults for one request to `service`: the run's matching rules, then the request's own. */
  choose(service: string, perRequest: FaultRule[]): Chosen {
    const all = [...this.take((r) => r.service === undefined || r.service === service), ...perRequest];
    return {
      latencyMs: totalLatency(all, (r) => r.ms),
      modifiers: all.filter((r) => MODIFIERS.has(r.kind)).map((r) => r.kind),
      fault: all.find((r) => r.kind !== 'latency' && !MODIFIERS.has(r.kind))?.kind ?? null,
    };
  }
}

/** The Tomcat error page MK's rules servlet answers when a module is enabled but not configured. */
export function servletTrace(service: string): string {
  return (
    '<!doctype html><html lang="en"><head><title>HTTP Status 500 – Internal Server Error</title></head><body>' +
    '<h1>HTTP Status 500 – Internal Server Error</h1><hr class="line" /><p><b>Type</b> Exception Report</p>' +
    '<p><b>Message</b> O objeto (Tabela) deve ter um valor definido!</p><p><b>Exception</b></p>' +
    '<pre>javax.servlet.ServletException: O objeto (Tabela) deve ter um valor definido!\n' +
    `\twfr.web.ExternalRulesServlet.process(ExternalRulesServlet.java:412) [${service}]\n` +
    '\tjavax.servlet.http.HttpServlet.service(HttpServlet.java:764)</pre>' +
    '<hr class="line" /><h3>Apache Tomcat/9.0.56</h3></body></html>'
  );
}

/** The answer a fault replaces the real one with; null for faults handled by the server (timeout). */
export function faultAnswer(kind: FaultKind, service: string): FaultAnswer | null {
  switch (kind) {
    case 'servlet500':
      return { status: 500, contentType: 'text/html;charset=utf-8', body: servletTrace(service) };
    case 'http502':
    case 'http503':
    case 'http504':
      return proxyAnswer(kind, proxyPage, 'text/html');
    case 'malformed':
      return {
        status: 200,
        contentType: 'application/json;charset=ISO-8859-1',
        body: '{"CodigoPessoa":10401,"FaturasPendentes":[{"codfatura":880001,"descri',
      };
    default:
      return null;
  }
}
