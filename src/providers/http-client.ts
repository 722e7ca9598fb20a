// The HTTP side every ERP provider shares: one keep-alive pool per tenant ERP, the call's
// deadline as the request's signal, and one classification of failures:
// - unreachable / refused / reset, 5xx, 429 -> ERP_UNAVAILABLE (Retry-After passed on);
// - reads (and only reads) are retried on those, within the deadline, honouring Retry-After;
//   a write is never sent twice;
// - everything else comes back to the provider, which knows its ERP's body-level errors.
// `upstream` excerpts are trimmed and have personal data masked.
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { PonteError } from '../contract/index.js';
import { maskPersonalData } from '../logging/mask.js';
import type { CallContext } from './types.js';

export interface ErpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path with its query string, relative to the base URL's path. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** True for reads: they may be retried on transport failures, 5xx and 429. */
  read: boolean;
}

export interface ErpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text(): string;
}

export interface ErpHttpClientOptions {
  baseUrl: string;
  /** The ERP's display name, for error messages ("IXC did not answer"). */
  erpName: string;
  connections?: number;
  /** Retries of a read after the first attempt. */
  readRetries?: number;
}

const EXCERPT_LENGTH = 300;
/** How much of a body is masked to make the excerpt (whitespace runs shrink in between). */
const MASK_WINDOW = 4096;

/** Transport errors that happen before a request leaves: connection refused, unknown host, connect timeout. */
const NOT_SENT: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

export function upstreamExcerpt(
  status: number | null,
  body: string,
): { status: number | null; excerpt: string } {
  // Masked before it is trimmed, so that a CPF or a name cut by the trim is not left half in
  // clear; within a bounded window, since bodies can be large (an HTML error page). The result
  // may still be cut JSON: the masker reads "key": "value" pairs tolerantly.
  const compact = body.slice(0, MASK_WINDOW).replace(/\s+/g, ' ').trim();
  const masked = maskPersonalData(compact);
  const excerpt =
    masked.length > EXCERPT_LENGTH || body.length > MASK_WINDOW
      ? `${masked.slice(0, EXCERPT_LENGTH)}…`
      : masked;
  return { status, excerpt };
}

/** The ERP answered something that cannot be read, or that contradicts itself. */
export function badResponse(erpName: string, what: string, status: number | null, body: string): PonteError {
  return new PonteError('ERP_BAD_RESPONSE', `${erpName} answered ${what}`, {
    upstream: upstreamExcerpt(status, body),
  });
}

/** The ERP refused a write (for outputs without a success field). */
export function rejected(erpName: string, message: string, status: number | null, body: string): PonteError {
  return new PonteError('ERP_REJECTED', `${erpName} refused: ${maskPersonalData(message)}`, {
    upstream: upstreamExcerpt(status, body),
  });
}

function retryAfterSeconds(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export class ErpHttpClient {
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly erpName: string;
  private readonly readRetries: number;

  constructor(options: ErpHttpClientOptions) {
    const url = new URL(options.baseUrl);
    this.pool = new Pool(url.origin, {
      connections: options.connections ?? 16,
      keepAliveTimeout: 30_000,
      connect: { timeout: 5_000 },
    });
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.erpName = options.erpName;
    this.readRetries = options.readRetries ?? 2;
  }

  async request(req: ErpRequest, call: CallContext): Promise<ErpResponse> {
    for (let attempt = 0; ; attempt++) {
      let failure: PonteError;
      try {
        const res = await this.pool.request({
          method: req.method,
          path: this.basePath + req.path,
          headers: req.headers ?? {},
          body: req.body ?? null,
          signal: call.signal,
        });
        const body = Buffer.from(await res.body.arrayBuffer());
        const response: ErpResponse = {
          status: res.statusCode,
          headers: res.headers,
          body,
          text: () => body.toString('utf8'),
        };
        if (res.statusCode < 500 && res.statusCode !== 429) return response;
        const retryAfter = retryAfterSeconds(res.headers['retry-after']);
        failure = new PonteError('ERP_UNAVAILABLE', `${this.erpName} answered HTTP ${res.statusCode}`, {
          upstream: upstreamExcerpt(res.statusCode, response.text()),
          ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }),
        });
      } catch (error) {
        // The call's deadline: let the gateway report it as such.
        if (call.signal.aborted) throw error;
        const code = (error as { code?: string }).code ?? (error as Error).name;
        // Failures to connect prove nothing was sent; anything later may have reached the ERP.
        failure = new PonteError('ERP_UNAVAILABLE', `${this.erpName} could not be reached (${code})`, {
          cause: error,
          details: { sent: !NOT_SENT.has(code) },
        });
      }
      if (!req.read || attempt >= this.readRetries) throw failure;
      const wait = Math.min((failure.retryAfterSeconds ?? 0) * 1000 || 100 * 2 ** attempt, 5_000);
      call.log.warn({ attempt: attempt + 1, wait_ms: wait, reason: failure.message }, 'retrying an ERP read');
      await sleep(wait, undefined, { signal: call.signal });
    }
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
