// Fault-switch pieces the ERP simulators share: reading `kind[=n],...` lists (from the
// `x-sim-fault` header, the `sim_fault` query or a start option), a list of run rules limited by
// `times`, summing latencies, and the reverse proxy's HTML error pages. Each ERP keeps its own
// kinds and its own answers in its folder.
import type { IncomingMessage } from 'node:http';

export interface FaultAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** `kind[=n]` items separated by commas; unknown kinds ignored, `n` only when all digits. */
export function parseKindList<K extends string>(
  value: string,
  kinds: readonly K[],
): Array<{ kind: K; n?: number }> {
  const isKind = (v: string): v is K => (kinds as readonly string[]).includes(v);
  return value
    .split(',')
    .map((part) => part.trim())
    .flatMap((part): Array<{ kind: K; n?: number }> => {
      const [kind = '', n] = part.split('=');
      if (!isKind(kind)) return [];
      return [n !== undefined && /^\d+$/.test(n) ? { kind, n: Number(n) } : { kind }];
    });
}

/** `kind[=ms]` items (the `n` of parseKindList named `ms`). */
export function parseMsList<K extends string>(
  value: string,
  kinds: readonly K[],
): Array<{ kind: K; ms?: number }> {
  return parseKindList(value, kinds).map(({ kind, n }) => (n === undefined ? { kind } : { kind, ms: n }));
}

/** The request's own fault list: the `x-sim-fault` header(s), then the `sim_fault` query value. */
export function requestFaultText(req: IncomingMessage, query: URLSearchParams): string {
  const header = req.headers['x-sim-fault'];
  return [Array.isArray(header) ? header.join(',') : (header ?? ''), query.get('sim_fault') ?? ''].join(',');
}

/** The run's fault rules; a rule with `times` applies to that many matching requests only. */
export class RunRules<R extends { times?: number }> {
  protected rules: R[] = [];

  /** Replaces the run's faults. */
  set(rules: R | R[]): void {
    this.rules = (Array.isArray(rules) ? rules : [rules]).map((r) => ({ ...r }));
  }

  add(rule: R): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  list(): R[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** The rules that still apply and match, each consuming one of its `times`. */
  protected take(matches: (rule: R) => boolean): R[] {
    const matching = this.rules.filter((r) => (r.times === undefined || r.times > 0) && matches(r));
    for (const r of matching) if (r.times !== undefined) r.times--;
    return matching;
  }
}

/** Total wait of the `latency` rules (default 500 ms each). */
export function totalLatency<R extends { kind: string }>(
  rules: readonly R[],
  ms: (rule: R) => number | undefined,
): number {
  return rules.filter((r) => r.kind === 'latency').reduce((sum, r) => sum + (ms(r) ?? 500), 0);
}

export const PROXY_TITLES = {
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
} as const;

/** The reverse proxy's (nginx) error page, on one line. */
export const proxyPage = (status: number, title: string) =>
  `<html><head><title>${status} ${title}</title></head><body><center><h1>${status} ${title}</h1></center><hr><center>nginx</center></body></html>`;

/** The reverse proxy's (nginx) error page as nginx writes it: CRLF lines, its version optional. */
export const proxyPageCrlf = (status: number, title: string, server = 'nginx') =>
  `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>${server}</center>\r\n</body>\r\n</html>\r\n`;

/** An HTML answer with the given content type (ERPs differ in its spelling). */
export const htmlAnswer = (
  status: number,
  body: string,
  contentType = 'text/html; charset=utf-8',
): FaultAnswer => ({
  status,
  contentType,
  body,
});

/** The proxy's 502/503/504 answer for `http502`/`http503`/`http504`, else null. */
export function proxyAnswer(
  kind: string,
  page: (status: number, title: string) => string = proxyPage,
  contentType?: string,
): FaultAnswer | null {
  const status = kind === 'http502' ? 502 : kind === 'http503' ? 503 : kind === 'http504' ? 504 : null;
  return status === null ? null : htmlAnswer(status, page(status, PROXY_TITLES[status]), contentType);
}
