// Fault switches: ways to make the simulated Hubsoft misbehave on purpose. A fault is set for the
// whole run (`faults.set({...})`, optionally limited to paths containing `route` and to the next
// `times` requests) or for one request with the header `x-sim-fault`, a comma-separated list:
//   latency=<ms>     answer normally after a delay
//   timeout          never answer (the client's deadline must fire)
//   status=<5xx>     an nginx-style HTML error page with that status (500, 502, 503, 504...)
//   html             HTTP 200 with a PHP framework's HTML error page instead of JSON
//   error-envelope   HTTP 200 with {"status":"error","msg":...} instead of the answer
//   malformed        HTTP 200 with truncated JSON
//   revoked          every token is revoked before the request is handled (so it gets 401)
import { proxyPageCrlf } from '../shared/faults.js';

export interface FaultSpec {
  latencyMs?: number;
  timeout?: boolean;
  status?: number;
  html?: boolean;
  errorEnvelope?: boolean;
  malformedJson?: boolean;
  revokeToken?: boolean;
  /** Only requests whose path contains this text. */
  route?: string;
  /** Only the next N matching requests (all of them when absent). */
  times?: number;
}

export class FaultSwitch {
  private current: FaultSpec | null = null;
  private remaining = Infinity;

  /** Replaces the run's fault. */
  set(spec: FaultSpec): void {
    this.current = spec;
    this.remaining = spec.times ?? Infinity;
  }

  clear(): void {
    this.current = null;
  }

  /** The fault that applies to a request on `path`, consuming one of its `times`. */
  take(path: string, header: string | undefined): FaultSpec | null {
    const fromHeader = header === undefined ? null : parseFaultHeader(header);
    if (fromHeader !== null) return fromHeader;
    const spec = this.current;
    if (spec === null || this.remaining <= 0) return null;
    if (spec.route !== undefined && !path.includes(spec.route)) return null;
    this.remaining--;
    return spec;
  }
}

/** Reads an `x-sim-fault` header; unknown words are ignored, an empty header is no fault. */
export function parseFaultHeader(header: string): FaultSpec | null {
  const spec: FaultSpec = {};
  for (const part of header.split(',')) {
    const [name = '', value = ''] = part.trim().split('=');
    const n = Number(value);
    if (name === 'latency' && Number.isFinite(n) && n >= 0) spec.latencyMs = n;
    else if (name === 'timeout') spec.timeout = true;
    else if (name === 'status' && Number.isInteger(n) && n >= 400 && n <= 599) spec.status = n;
    else if (name === 'html') spec.html = true;
    else if (name === 'error-envelope') spec.errorEnvelope = true;
    else if (name === 'malformed') spec.malformedJson = true;
    else if (name === 'revoked') spec.revokeToken = true;
  }
  return Object.keys(spec).length === 0 ? null : spec;
}

/** nginx's page for any status; its title is "Bad Gateway" for all but 504 (as Hubsoft's proxy has it). */
export const NGINX_PAGE = (status: number) =>
  proxyPageCrlf(status, status === 504 ? 'Gateway Time-out' : 'Bad Gateway');

export const FRAMEWORK_ERROR_PAGE =
  '<!DOCTYPE html><html><head><meta charset="UTF-8"><title>Whoops! There was an error.</title></head>' +
  '<body><div class="exception"><h1>Whoops, looks like something went wrong.</h1>' +
  '<p>SQLSTATE[08006] [7] could not connect to server: Connection refused (cliente 529.982.247-25)</p></div></body></html>';
