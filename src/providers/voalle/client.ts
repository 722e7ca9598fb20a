// Voalle's protocol on the shared ErpHttpClient: the OAuth2 client-credentials token from the auth
// port (form-encoded, scope syngw, plus syndata), cached until a minute before expires_in and
// replaced once when the API answers 401 (which proves nothing was done, so even a write goes
// again, once); the envelope {success, messages, response, ...} where `success: false` with HTTP
// 200 is the ERP's error and `messages` may be null, "" or an array; binary answers (PDFs).
import { PonteError } from '../../contract/index.js';
import { maskPersonalData } from '../../logging/mask.js';
import { text } from '../kit/edge.js';
import { badResponse, ErpHttpClient, upstreamExcerpt } from '../kit/http.js';
import type { ErpRequest, ErpResponse } from '../kit/http.js';
import type { CallContext } from '../types.js';
import { functionsFor } from '../kit/define.js';
import type { TenantOptions } from '../tenant-options.js';
import type { VoalleSettings } from './settings.js';

export const ERP_NAME = 'Voalle';
export const THIRD_PARTY = '/external/integrations/thirdparty';
const EXPIRY_MARGIN_MS = 60_000;

/** A Voalle answer in its envelope. */
export interface Envelope {
  ok: boolean;
  /** The texts of `messages`, whatever form it came in. */
  messages: string[];
  response: unknown;
  status: number;
  text: string;
}

/** `messages` as null, "", a string, or an array of {message} / strings -> the texts. */
export function messageTexts(messages: unknown): string[] {
  if (typeof messages === 'string') return messages.trim() === '' ? [] : [messages.trim()];
  if (!Array.isArray(messages)) return [];
  return messages
    .map((m: unknown) =>
      typeof m === 'string'
        ? m
        : m !== null && typeof m === 'object'
          ? text((m as { message?: unknown }).message)
          : '',
    )
    .map((m) => m.trim())
    .filter((m) => m !== '');
}

/** Reads the envelope out of an answer (HTTP < 500 and not 429: the shared client took those). */
export function parseEnvelope(res: ErpResponse, what: string): Envelope {
  const text = res.text();
  if (/^\s*</.test(text) || String(res.headers['content-type'] ?? '').includes('text/html')) {
    throw badResponse(
      ERP_NAME,
      `${what} with an HTML page instead of JSON (HTTP ${res.status})`,
      res.status,
      text,
    );
  }
  if (res.status === 404)
    throw badResponse(ERP_NAME, `${what} with HTTP 404 (route not released or not found)`, 404, text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badResponse(ERP_NAME, `${what} with malformed JSON (HTTP ${res.status})`, res.status, text);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw badResponse(ERP_NAME, `${what} with JSON that is not an envelope`, res.status, text);
  }
  const body = parsed as Record<string, unknown>;
  // `Success`/`message` with capitals on contracts/create (Go SDK); `success`/`messages` elsewhere.
  const success = body.success ?? body.Success;
  if (typeof success !== 'boolean') {
    throw badResponse(
      ERP_NAME,
      `${what} without the envelope's success flag (HTTP ${res.status})`,
      res.status,
      text,
    );
  }
  return {
    ok: success && res.status >= 200 && res.status < 300,
    messages: messageTexts(body.messages ?? body.message ?? body.Message),
    response: body.response,
    status: res.status,
    text,
  };
}

interface Token {
  value: string;
  expiresAt: number;
}

export class VoalleClient {
  private readonly api: ErpHttpClient;
  private readonly auth: ErpHttpClient;
  private readonly downloads = new Map<string, ErpHttpClient>();
  private token: Token | null = null;
  private pending: Promise<Token> | null = null;

  constructor(
    private readonly settings: VoalleSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.api = new ErpHttpClient({ baseUrl: settings.api_url, erpName: ERP_NAME });
    const authUrl = settings.auth_url ?? defaultAuthUrl(settings.api_url);
    this.auth =
      authUrl === settings.api_url
        ? this.api
        : new ErpHttpClient({ baseUrl: authUrl, erpName: ERP_NAME, connections: 2 });
  }

  /** A fresh token (cached until a minute before it expires); concurrent callers share one request. */
  async bearer(call: CallContext): Promise<Token> {
    if (this.token !== null && this.token.expiresAt - EXPIRY_MARGIN_MS > this.now()) return this.token;
    this.pending ??= this.requestToken(call)
      .then((t) => {
        this.token = t;
        return t;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  private async requestToken(call: CallContext): Promise<Token> {
    const res = await this.auth.request(
      {
        method: 'POST',
        path: '/connect/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          scope: 'syngw',
          client_id: this.settings.client_id,
          client_secret: this.settings.client_secret,
          syndata: this.settings.syndata,
        }).toString(),
        // Asking for a token changes nothing in the ERP: it may be retried like a read.
        read: true,
      },
      call,
    );
    const text = res.text();
    if (res.status === 401 || res.status === 400) {
      throw new PonteError(
        'ERP_UNAVAILABLE',
        `Voalle refused the integrator credentials (HTTP ${res.status}): check the tenant settings 'client_id', 'client_secret' and 'syndata' (the user must be flagged Usuário integrador) and run 'ponte check'`,
        {
          details: { settings: ['client_id', 'client_secret', 'syndata'] },
          upstream: upstreamExcerpt(res.status, text),
        },
      );
    }
    let body: { access_token?: unknown; expires_in?: unknown } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw badResponse(
        ERP_NAME,
        `its token request with something that is not JSON (HTTP ${res.status})`,
        res.status,
        text,
      );
    }
    if (res.status !== 200 || typeof body.access_token !== 'string' || body.access_token === '') {
      throw badResponse(
        ERP_NAME,
        `its token request without an access_token (HTTP ${res.status})`,
        res.status,
        text,
      );
    }
    const seconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600;
    return { value: body.access_token, expiresAt: this.now() + seconds * 1000 };
  }

  /** Sends with the bearer token; a 401 replaces the token and sends once more. */
  async send(req: Omit<ErpRequest, 'headers'>, call: CallContext): Promise<ErpResponse> {
    const headers = (t: Token) => ({
      accept: 'application/json',
      authorization: `Bearer ${t.value}`,
      ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
    });
    const first = await this.bearer(call);
    const res = await this.api.request({ ...req, headers: headers(first) }, call);
    if (res.status !== 401) return res;
    call.log.info(
      // The path may hold a CPF/CNPJ (people/txid/{doc}): ids are left out of the log.
      { path: (req.path.split('?')[0] ?? '').replace(/\d{5,}/g, '{id}') },
      'Voalle refused the token (expired or revoked); authenticating again',
    );
    if (this.token === first) this.token = null;
    const fresh = await this.bearer(call);
    const again = await this.api.request({ ...req, headers: headers(fresh) }, call);
    if (again.status === 401) {
      throw new PonteError('ERP_UNAVAILABLE', 'Voalle refused a token it had just issued (HTTP 401)', {
        upstream: upstreamExcerpt(401, again.text()),
      });
    }
    return again;
  }

  /** GET a third-party route; the envelope whatever it says (the caller knows which errors mean what). */
  async get(route: string, call: CallContext): Promise<Envelope> {
    const res = await this.send({ method: 'GET', path: `${THIRD_PARTY}/${route}`, read: true }, call);
    return parseEnvelope(res, `GET ${route.split('?')[0]}`);
  }

  /**
   * POST a read that Voalle takes as POST (contract/getpaged): retried like a read.
   */
  async postRead(route: string, body: unknown, call: CallContext): Promise<Envelope> {
    const res = await this.send(
      { method: 'POST', path: `${THIRD_PARTY}/${route}`, body: JSON.stringify(body), read: true },
      call,
    );
    return parseEnvelope(res, `POST ${route}`);
  }

  /** A write, sent once; `path` is absolute when it starts with "/" (leads/create), else a third-party route. */
  async write(method: 'POST' | 'PUT', route: string, body: unknown, call: CallContext): Promise<Envelope> {
    const path = route.startsWith('/') ? route : `${THIRD_PARTY}/${route}`;
    const res = await this.send(
      { method, path, body: body === undefined ? undefined : JSON.stringify(body), read: false },
      call,
    );
    return parseEnvelope(res, `${method} ${route.split('/').slice(0, 3).join('/')}`);
  }

  /** A GET that answers a PDF, or an envelope when it does not (GetBillet, DANFE); null on 404. */
  async pdf(route: string, call: CallContext): Promise<Buffer | Envelope | null> {
    const res = await this.send({ method: 'GET', path: `${THIRD_PARTY}/${route}`, read: true }, call);
    if (res.status === 404) return null;
    if (res.status === 200 && res.body.subarray(0, 5).toString('latin1') === '%PDF-') return res.body;
    return parseEnvelope(res, `GET ${route.split('/')[0]}`);
  }

  /** Downloads a signed public link Voalle printed (no token sent); null when it is gone. */
  async download(link: string, call: CallContext): Promise<Buffer | null> {
    const url = new URL(link);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    let client = this.downloads.get(url.origin);
    if (client === undefined) {
      client = new ErpHttpClient({ baseUrl: url.origin, erpName: ERP_NAME, connections: 2 });
      if (this.downloads.size < 4) this.downloads.set(url.origin, client);
    }
    const res = await client.request({ method: 'GET', path: url.pathname + url.search, read: true }, call);
    if (!this.downloads.has(url.origin)) void client.close();
    if (res.status === 404 || res.status === 410) return null;
    if (res.status !== 200 || res.body.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw badResponse(
        ERP_NAME,
        `a billet link with something that is not a PDF (HTTP ${res.status})`,
        res.status,
        res.text(),
      );
    }
    return res.body;
  }

  async close(): Promise<void> {
    const all = [this.api, ...(this.auth === this.api ? [] : [this.auth]), ...this.downloads.values()];
    await Promise.all(all.map((c) => c.close()));
  }
}

/** The auth port on the API's host: 45700 (the API is on 45715). */
export function defaultAuthUrl(apiUrl: string): string {
  const url = new URL(apiUrl);
  url.port = '45700';
  return url.origin;
}

/** The envelope's error as ERP_BAD_RESPONSE (reads have no business refusal to report). */
export function readFailed(what: string, envelope: Envelope): PonteError {
  return badResponse(
    ERP_NAME,
    `${what} with an error: ${maskPersonalData(envelope.messages.join(' ')) || `HTTP ${envelope.status}`}`,
    envelope.status,
    envelope.text,
  );
}

/** A tenant's connection: what every function receives. */
export interface VoalleConnection {
  tenantId: string;
  client: VoalleClient;
  settings: VoalleSettings;
  options: TenantOptions;
  /** synGwTransactionId per receivepayment transactionId sent by this process (polls resume without a resend). */
  payments: Map<string, string>;
}

/** Declares a Voalle function: `voalleFunction('list_bills', async (conn, input, call) => ...)`. */
export const voalleFunction = functionsFor<VoalleConnection>();

/** A tenant setting a function needs and the tenant has not set: NOT_SUPPORTED naming it. */
export function missingSetting(fn: string, setting: string, what: string): PonteError {
  return new PonteError(
    'NOT_SUPPORTED',
    `Voalle: ${fn} needs the tenant setting ${setting} (${what}); run \`ponte check <tenant>\` to list the values found in the ERP`,
    { details: { setting } },
  );
}
