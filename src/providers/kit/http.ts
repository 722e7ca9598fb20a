// The HTTP side every ERP provider shares: one keep-alive pool per tenant ERP, the call's
// deadline as the request's signal, and one classification of failures:
// - unreachable / refused / reset, 5xx, 429 -> ERP_UNAVAILABLE (Retry-After passed on);
// - reads (and only reads) are retried on those, within the deadline, honouring Retry-After;
//   a write is never sent twice;
// - everything else comes back to the provider, which knows its ERP's body-level errors.
// `upstream` excerpts are trimmed and have personal data masked.
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { PonteError } from '../../contract/index.js';
import { retryWait, type RetryPolicy, defaultRetryPolicy } from './retry.js';
import { maskPersonalData } from '../../logging/mask.js';
import type { CallContext, ErpRequestObservation, ErpRequestObserver } from '../types.js';

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
  /** Retries of a read (or a write that provably never left) after the first attempt. */
  readRetries?: number;
  /**
   * The ERP's way of saying "error" inside an HTTP 200 (IXC's `type: error`, SGP's `status: 0`,
   * Voalle's `success: false`...): given the parsed JSON body, the ERP's message, or null when
   * the answer is not an error. Used by `json()`.
   */
  errorInBody?: (body: unknown) => string | null;
  /** Told of every request to the ERP, each attempt once (the gateway's ERP latency metric). */
  observer?: ErpRequestObserver;
}

export type { ErpRequestObservation, ErpRequestObserver } from '../types.js';

/**
 * `/cliente/123?x=1` -> `/cliente/:id`: a segment of digits, with three digits in a row, a hex
 * token (uuid) or over 40 characters is an id; `v1` is not.
 */
export function erpEndpoint(path: string): string {
  const bare = path.split('?', 1)[0] ?? '';
  return (
    bare
      .split('/')
      .map((segment) =>
        /^\d+$|\d{3}/.test(segment) || /^(?=.*\d)[0-9a-f-]{8,}$/i.test(segment) || segment.length > 40
          ? ':id'
          : segment,
      )
      .join('/') || '/'
  );
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
  private readonly policy: RetryPolicy;
  private readonly errorInBody: ((body: unknown) => string | null) | undefined;
  private readonly observer: ErpRequestObserver | undefined;

  constructor(options: ErpHttpClientOptions) {
    const url = new URL(options.baseUrl);
    this.pool = new Pool(url.origin, {
      connections: options.connections ?? 16,
      keepAliveTimeout: 30_000,
      connect: { timeout: 5_000 },
    });
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.erpName = options.erpName;
    this.policy = { ...defaultRetryPolicy, retries: options.readRetries ?? defaultRetryPolicy.retries };
    this.errorInBody = options.errorInBody;
    this.observer = options.observer;
  }

  private observe(
    req: ErpRequest,
    call: CallContext,
    started: number,
    status: number | null,
    outcome: ErpRequestObservation['outcome'],
  ): void {
    // The call's observer (the gateway's, which knows tenant and provider), else the client's own.
    const observer = call.observeErp ?? this.observer;
    if (observer === undefined) return;
    try {
      observer({
        erp: this.erpName,
        tenantId: call.tenantId,
        method: req.method,
        endpoint: erpEndpoint(req.path),
        status,
        outcome,
        seconds: (performance.now() - started) / 1000,
      });
    } catch {
      // An observer's failure is never the call's.
    }
  }

  async request(req: ErpRequest, call: CallContext): Promise<ErpResponse> {
    for (let attempt = 0; ; attempt++) {
      let failure: PonteError;
      const started = performance.now();
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
        const status = res.statusCode;
        this.observe(
          req,
          call,
          started,
          status,
          status < 400
            ? 'ok'
            : status === 429
              ? 'rate_limited'
              : status < 500
                ? 'client_error'
                : 'server_error',
        );
        if (res.statusCode < 500 && res.statusCode !== 429) return response;
        const retryAfter = retryAfterSeconds(res.headers['retry-after']);
        failure = new PonteError('ERP_UNAVAILABLE', `${this.erpName} answered HTTP ${res.statusCode}`, {
          upstream: upstreamExcerpt(res.statusCode, response.text()),
          ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }),
        });
      } catch (error) {
        this.observe(req, call, started, null, call.signal.aborted ? 'aborted' : 'unreachable');
        // The call's deadline: let the gateway report it as such.
        if (call.signal.aborted) throw error;
        const code = (error as { code?: string }).code ?? (error as Error).name;
        // Failures to connect prove nothing was sent; anything later may have reached the ERP.
        failure = new PonteError('ERP_UNAVAILABLE', `${this.erpName} could not be reached (${code})`, {
          cause: error,
          delivery: NOT_SENT.has(code) ? 'not_sent' : 'maybe_sent',
        });
      }
      const wait = retryWait(
        {
          attempt,
          read: req.read,
          delivery: failure.delivery ?? 'maybe_sent',
          ...(failure.retryAfterSeconds === undefined
            ? {}
            : { retryAfterSeconds: failure.retryAfterSeconds }),
        },
        this.policy,
      );
      if (wait === null) throw failure;
      call.log.warn(
        { attempt: attempt + 1, wait_ms: wait, reason: failure.message },
        'retrying an ERP request',
      );
      await sleep(wait, undefined, { signal: call.signal });
    }
  }

  /**
   * The request's answer as JSON. Not JSON (an HTML error page, a cut body) is ERP_BAD_RESPONSE;
   * an error the ERP states inside an HTTP 200 (see `errorInBody`) is ERP_REJECTED for a write and
   * ERP_BAD_RESPONSE for a read. Statuses other than 2xx are left to the caller, with the body parsed
   * when it is JSON (null otherwise).
   */
  async json(
    req: ErpRequest,
    call: CallContext,
  ): Promise<{ status: number; body: unknown; response: ErpResponse }> {
    const response = await this.request(req, call);
    const raw = response.text();
    let body: unknown = null;
    try {
      body = raw.trim() === '' ? null : JSON.parse(raw);
    } catch {
      if (response.status >= 200 && response.status < 300) {
        throw badResponse(this.erpName, 'a body that is not JSON', response.status, raw);
      }
    }
    if (response.status >= 200 && response.status < 300 && this.errorInBody) {
      const message = this.errorInBody(body);
      if (message !== null) {
        throw req.read
          ? badResponse(this.erpName, `an error: ${maskPersonalData(message)}`, response.status, raw)
          : rejected(this.erpName, message, response.status, raw);
      }
    }
    return { status: response.status, body, response };
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}

/**
 * Clients for the links an ERP prints (boleto and nota PDFs on another host or a CDN): one small
 * pool per origin, the fewest recently made kept, so a tenant's links never open unbounded pools.
 */
export class DownloadClients {
  private readonly clients = new Map<string, ErpHttpClient>();

  constructor(
    private readonly erpName: string,
    private readonly max = 4,
  ) {}

  /** The client of `origin` (scheme://host:port). */
  for(origin: string): ErpHttpClient {
    let client = this.clients.get(origin);
    if (client === undefined) {
      if (this.clients.size >= this.max) {
        const [oldest, stale] = this.clients.entries().next().value!;
        this.clients.delete(oldest);
        void stale.close();
      }
      client = new ErpHttpClient({ baseUrl: origin, erpName: this.erpName, connections: 2 });
      this.clients.set(origin, client);
    }
    return client;
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((c) => c.close()));
    this.clients.clear();
  }
}
