// MK's protocol on the shared ErpHttpClient: GET /mk/<Service>.rule?sys=MK0&token=<session>&...,
// the session token (auth.ts) renewed and the request sent once more when MK answers 999 (token
// not found / expired) or 001 (token invalid) — such an answer proves nothing was done, so this is
// safe for writes too; the charset repair (charset.ts); errors inside HTTP 200
// (`{status: "ERRO", Mensagem|mensagem, "Num. ERRO"|codigo_erro}`) handed to the caller as data;
// HTTP 500 servlet traces (a module enabled but not configured) as ERP_BAD_RESPONSE; 404 (no such
// service on this MK) as ERP_UNAVAILABLE naming the setting or the profile to fix.
import { PonteError } from '../../contract/index.js';
import { badResponse, ErpHttpClient, text, upstreamExcerpt } from '../kit/index.js';
import type { CallContext, ErpResponse } from '../kit/index.js';
import { authenticate, TokenCache } from './auth.js';
import type { MkToken } from './auth.js';
import { bodyText, repairJson } from './charset.js';
import { authorizes } from './services.js';
import type { MkService } from './services.js';
import type { MkSettings } from './settings.js';

export const ERP_NAME = 'MK';

/** An error MK stated inside an HTTP 200. */
export interface MkError {
  /** "Num. ERRO" (or codigo_erro): "001", "002", "003", "999"...; "" when absent. */
  code: string;
  message: string;
}

export interface MkAnswer {
  /** The parsed, charset-repaired body (an object, or a bare array on some services). */
  body: unknown;
  error: MkError | null;
  status: number;
  text: string;
}

export type Params = Record<string, string | number | undefined>;

/** The error an MK body states, or null. */
export function errorOf(body: unknown): MkError | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const b = body as Record<string, unknown>;
  if (text(b.status).toUpperCase() !== 'ERRO') return null;
  const code = b['Num. ERRO'] ?? b.codigo_erro ?? '';
  const message = b.Mensagem ?? b.mensagem ?? '';
  return {
    code: typeof code === 'string' || typeof code === 'number' ? String(code).trim() : '',
    message: typeof message === 'string' ? message.trim() : '',
  };
}

const TOKEN_ERRORS: ReadonlySet<string> = new Set(['999', '001']);

export interface MkClientOptions {
  /** The clock token expiry is judged by (tests inject one). */
  now?: () => number;
}

export class MkClient {
  private readonly http: ErpHttpClient;
  private readonly tokens: TokenCache;
  private readonly origin: string;

  constructor(settings: MkSettings, options: MkClientOptions = {}) {
    const now = options.now ?? Date.now;
    this.http = new ErpHttpClient({ baseUrl: settings.base_url, erpName: ERP_NAME });
    const base = new URL(settings.base_url);
    // Links on MK's own host reuse its pool, unless the base URL has a path the pool would prefix.
    this.origin = base.pathname.replace(/\/+$/, '') === '' ? base.origin : '';
    this.tokens = new TokenCache((call) => authenticate(this.http, settings, call, now), now);
  }

  /** A session token (check() uses it to prove the profile and read its services). */
  token(call: CallContext): Promise<MkToken> {
    return this.tokens.get(call);
  }

  private async send(service: MkService, params: Params, token: MkToken, write: boolean, call: CallContext) {
    const query = new URLSearchParams({ sys: 'MK0', token: token.value });
    for (const [k, v] of Object.entries(params)) if (v !== undefined) query.set(k, String(v));
    try {
      return await this.http.request(
        { method: 'GET', path: `/mk/${service.name}.rule?${query.toString()}`, read: !write },
        call,
      );
    } catch (error) {
      // MK's servlet crashes with a Java trace when a (paid) module is enabled but not configured:
      // the service is broken on this MK, not temporarily away.
      if (
        error instanceof PonteError &&
        error.upstream?.status === 500 &&
        /Servlet|Exception/.test(error.upstream.excerpt)
      ) {
        throw new PonteError(
          'ERP_BAD_RESPONSE',
          `MK's ${service.name} failed inside MK (HTTP 500, a servlet error): the service may not be enabled or configured on this MK`,
          {
            upstream: error.upstream,
          },
        );
      }
      throw error;
    }
  }

  private parse(service: MkService, res: ErpResponse): MkAnswer {
    const text = bodyText(res.body);
    if (res.status === 404) {
      throw new PonteError(
        'ERP_UNAVAILABLE',
        `MK has no ${service.name} at this address (HTTP 404): check 'base_url' and the MK release`,
        {
          details: { settings: ['base_url'], service: service.name },
          upstream: upstreamExcerpt(res.status, text),
        },
      );
    }
    let body: unknown;
    try {
      body = repairJson(JSON.parse(text));
    } catch {
      throw badResponse(
        ERP_NAME,
        `${service.name} with something that is not JSON (HTTP ${res.status})`,
        res.status,
        text,
      );
    }
    if (res.status !== 200) {
      throw badResponse(ERP_NAME, `${service.name} with HTTP ${res.status}`, res.status, text);
    }
    return { body, error: errorOf(body), status: res.status, text };
  }

  /**
   * Calls a service. Token errors are handled here (one new token, one more try); other errors
   * MK states come back in `error` for the caller to interpret.
   */
  async call(
    service: MkService,
    params: Params,
    call: CallContext,
    options: { write?: boolean } = {},
  ): Promise<MkAnswer> {
    const write = options.write === true;
    let token = await this.tokens.get(call);
    for (let attempt = 0; ; attempt++) {
      if (!authorizes(token.services, service)) {
        throw new PonteError(
          'NOT_SUPPORTED',
          `the MK webservice profile does not authorize ${service.name} (cd_servico ${service.code}): authorize it in Integradores → Gerenciador de Webservices, then run 'ponte check'`,
          { details: { service: service.name, cd_servico: service.code } },
        );
      }
      const answer = this.parse(service, await this.send(service, params, token, write, call));
      if (answer.error === null || !TOKEN_ERRORS.has(answer.error.code)) return answer;
      this.tokens.drop(token);
      if (attempt >= 1) {
        throw new PonteError(
          'ERP_UNAVAILABLE',
          `MK refused a session token it had just issued (${answer.error.code} ${answer.error.message})`,
          {
            upstream: upstreamExcerpt(answer.status, answer.text),
          },
        );
      }
      call.log.info(
        { service: service.name, erp_error: answer.error.code },
        'MK refused the session token; authenticating again',
      );
      token = await this.tokens.get(call);
    }
  }

  /** A service's answer that must be a success object; an MK error there is ERP_BAD_RESPONSE. */
  async read(service: MkService, params: Params, call: CallContext): Promise<Record<string, unknown>> {
    const answer = await this.call(service, params, call);
    if (answer.error !== null) {
      throw badResponse(
        ERP_NAME,
        `${service.name} with an error: ${answer.error.code} ${answer.error.message}`.trim(),
        answer.status,
        answer.text,
      );
    }
    if (answer.body === null || typeof answer.body !== 'object' || Array.isArray(answer.body)) {
      throw badResponse(
        ERP_NAME,
        `${service.name} with JSON that is not an object`,
        answer.status,
        answer.text,
      );
    }
    return answer.body as Record<string, unknown>;
  }

  /**
   * The bytes of a PathDownload PDF, or null when the link is gone (404/410). No token is sent;
   * a link on another host (MK's public address) gets a short-lived client of its own.
   */
  async downloadPdf(link: string, call: CallContext): Promise<Buffer | null> {
    const url = new URL(link);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const own = url.origin === this.origin;
    const http = own
      ? this.http
      : new ErpHttpClient({ baseUrl: url.origin, erpName: ERP_NAME, connections: 1 });
    let res: ErpResponse;
    try {
      res = await http.request({ method: 'GET', path: url.pathname + url.search, read: true }, call);
    } finally {
      if (!own) await http.close();
    }
    if (res.status === 404 || res.status === 410) return null;
    if (res.status !== 200 || res.body.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw badResponse(
        ERP_NAME,
        `a PathDownload with something that is not a PDF (HTTP ${res.status})`,
        res.status,
        res.text(),
      );
    }
    return res.body;
  }

  async close(): Promise<void> {
    await this.http.close();
  }
}
