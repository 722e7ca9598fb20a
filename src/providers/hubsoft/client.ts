// Hubsoft's HTTP protocol on top of the shared ErpHttpClient: the bearer token (renewed once and
// the request repeated once when Hubsoft answers 401, which proves the request did nothing), the
// `{status, msg, ...}` envelope (where "suscess" is a success too and an error may come with
// HTTP 200), HTML pages and broken JSON where JSON was due, the `pagina`/`itens_por_pagina`
// pagination, and downloads of the public PDF links Hubsoft prints in faturas and notas.
import { PonteError } from '../../contract/index.js';
import { badResponse, DownloadClients, ErpHttpClient, rejected, upstreamExcerpt } from '../kit/http.js';
import type { ErpRequest, ErpResponse } from '../kit/http.js';
import { text } from '../kit/edge.js';
import { readAllPages } from '../kit/paging.js';
import type { CallContext } from '../types.js';
import { requestToken, TokenCache } from './auth.js';
import type { Token } from './auth.js';
import type { HubsoftSettings } from './settings.js';

export const ERP_NAME = 'Hubsoft';
const API = '/api/v1/integracao';
/** Hubsoft's maximum page size on the paginated routes. */
const PAGE_SIZE = 500;
/** A bound on pages read for one answer, so a misbehaving ERP cannot keep a call looping. */
const MAX_PAGES = 40;

export type Query = Record<string, string | number | undefined>;

/** A Hubsoft answer in its envelope. */
export interface Envelope {
  ok: boolean;
  /** `msg`, or the OAuth-style `message`. */
  message: string;
  body: Record<string, unknown>;
  status: number;
  text: string;
}

function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const qs = params.toString();
  return qs === '' ? path : `${path}?${qs}`;
}

/** "success", Hubsoft's "suscess" (and "sucess") typos, or "error"; null for anything else. */
export function envelopeStatus(value: unknown): 'success' | 'error' | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  if (v === 'success' || v === 'suscess' || v === 'sucess') return 'success';
  return v === 'error' ? 'error' : null;
}

/** Reads Hubsoft's envelope out of any answer the shared client returned (HTTP < 500). */
export function parseEnvelope(res: ErpResponse, what: string): Envelope {
  const raw = res.text();
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('text/html') || /^\s*</.test(raw)) {
    throw badResponse(
      ERP_NAME,
      `${what} with an HTML page instead of JSON (HTTP ${res.status})`,
      res.status,
      raw,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badResponse(ERP_NAME, `${what} with malformed JSON (HTTP ${res.status})`, res.status, raw);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw badResponse(ERP_NAME, `${what} with JSON that is not an object`, res.status, raw);
  }
  const body = parsed as Record<string, unknown>;
  const message =
    typeof body.msg === 'string' ? body.msg : typeof body.message === 'string' ? body.message : '';
  const status = envelopeStatus(body.status);
  if (status === null) {
    // Framework errors (404 route, 422 validation) carry no envelope; anything else unlabelled is unreadable.
    if (res.status >= 400) return { ok: false, message, body, status: res.status, text: raw };
    throw badResponse(ERP_NAME, `${what} without a status`, res.status, raw);
  }
  return { ok: status === 'success' && res.status < 400, message, body, status: res.status, text: raw };
}

/** A record of a list, as Hubsoft sent it (the mappers check what they read). */
export type Row = Record<string, unknown>;

function listIn(envelope: Envelope, route: string, key: string): Row[] {
  const list: unknown = envelope.body[key];
  if (!Array.isArray(list))
    throw badResponse(ERP_NAME, `GET ${route} without the list '${key}'`, envelope.status, envelope.text);
  return list as Row[];
}

/** A write's refusal as ERP_REJECTED, with Hubsoft's `msg` and its validation `errors`. */
export function refusal(answer: Envelope): PonteError {
  const errors = Array.isArray(answer.body.errors)
    ? (answer.body.errors as unknown[]).map((e) => text(e))
    : [];
  const message = [answer.message, ...errors].filter((m) => m !== '').join(' ') || `HTTP ${answer.status}`;
  return rejected(ERP_NAME, message, answer.status, answer.text);
}

export class HubsoftClient {
  private readonly http: ErpHttpClient;
  private readonly origin: string;
  private readonly tokens: TokenCache;
  private readonly downloads = new DownloadClients(ERP_NAME);

  constructor(settings: HubsoftSettings) {
    this.http = new ErpHttpClient({ baseUrl: settings.base_url, erpName: ERP_NAME });
    const base = new URL(settings.base_url);
    // Links on the API's own host reuse its pool, unless the base URL has a path the pool would prefix.
    this.origin = base.pathname.replace(/\/+$/, '') === '' ? base.origin : '';
    this.tokens = new TokenCache((call) => requestToken(this.http, settings, call));
  }

  /** A token, fetching one when none is cached (check() uses it to test the credentials). */
  token(call: CallContext): Promise<Token> {
    return this.tokens.get(call);
  }

  private async send(req: Omit<ErpRequest, 'headers'>, call: CallContext): Promise<ErpResponse> {
    const headers = (token: Token) => ({
      accept: 'application/json',
      authorization: `Bearer ${token.value}`,
      ...(req.body === undefined ? {} : { 'content-type': 'application/json' }),
    });
    const token = await this.tokens.get(call);
    const first = await this.http.request({ ...req, headers: headers(token) }, call);
    if (first.status !== 401) return first;
    // A 401 means the request was refused before anything happened, so even a write may go again, once.
    call.log.info(
      { path: req.path.split('?')[0] },
      'Hubsoft refused the token (revoked or expired); authenticating again',
    );
    const fresh = await this.tokens.replace(token, call);
    const second = await this.http.request({ ...req, headers: headers(fresh) }, call);
    if (second.status === 401) {
      throw new PonteError('ERP_UNAVAILABLE', 'Hubsoft refused a token it had just issued (HTTP 401)', {
        upstream: upstreamExcerpt(401, second.text()),
      });
    }
    return second;
  }

  /**
   * GET an integration route. An error envelope is ERP_BAD_RESPONSE (a read has no business
   * refusal to report) unless `acceptError`, for routes whose errors the caller interprets.
   */
  async read(
    route: string,
    query: Query,
    call: CallContext,
    options: { acceptError?: boolean } = {},
  ): Promise<Envelope> {
    const res = await this.send(
      { method: 'GET', path: withQuery(`${API}/${route}`, query), read: true },
      call,
    );
    const envelope = parseEnvelope(res, `GET ${route}`);
    if (!envelope.ok && options.acceptError !== true) {
      throw badResponse(
        ERP_NAME,
        `GET ${route} with an error: ${envelope.message || `HTTP ${res.status}`}`,
        res.status,
        envelope.text,
      );
    }
    return envelope;
  }

  /** A list in a success envelope under `key`; anything else there is ERP_BAD_RESPONSE. */
  async readList(route: string, key: string, query: Query, call: CallContext): Promise<Row[]> {
    return listIn(await this.read(route, query, call), route, key);
  }

  /** Every item of a paginated route (pagina from 0 up to paginacao.ultima_pagina). */
  readPages(route: string, key: string, query: Query, call: CallContext): Promise<Row[]> {
    return readAllPages(
      async (page, offset) => {
        const envelope = await this.read(
          route,
          { ...query, pagina: page, itens_por_pagina: PAGE_SIZE },
          call,
        );
        const rows = listIn(envelope, route, key);
        const paging = envelope.body.paginacao as { ultima_pagina?: unknown } | undefined;
        // Hubsoft names its last page; an answer without paging is the only page.
        const more = typeof paging?.ultima_pagina === 'number' && page < paging.ultima_pagina;
        return more ? { rows } : { rows, total: offset + rows.length };
      },
      { pageSize: PAGE_SIZE, maxPages: MAX_PAGES, erpName: ERP_NAME },
    );
  }

  /** POST/PUT a write; the envelope comes back whatever it says (the caller knows the refusals). */
  async write(
    method: 'POST' | 'PUT',
    route: string,
    body: Record<string, unknown>,
    call: CallContext,
  ): Promise<Envelope> {
    const res = await this.send(
      { method, path: `${API}/${route}`, body: JSON.stringify(body), read: false },
      call,
    );
    return parseEnvelope(res, `${method} ${route}`);
  }

  /**
   * The bytes of a PDF link Hubsoft printed, or null when the link answers 404. Links are public,
   * so no token is sent, least of all to another host.
   */
  async downloadPdf(link: string, call: CallContext): Promise<Buffer | null> {
    const url = new URL(link);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const http = url.origin === this.origin ? this.http : this.downloads.for(url.origin);
    const res = await http.request({ method: 'GET', path: url.pathname + url.search, read: true }, call);
    if (res.status === 404 || res.status === 410) return null;
    if (res.status !== 200 || res.body.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw badResponse(
        ERP_NAME,
        `a PDF link with something that is not a PDF (HTTP ${res.status})`,
        res.status,
        res.text(),
      );
    }
    return res.body;
  }

  async close(): Promise<void> {
    await Promise.all([this.http.close(), this.downloads.close()]);
  }
}
