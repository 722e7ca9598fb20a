// MK's session tokens: WSAutenticacao with the profile token and contra-senha answers a session
// token and its `Expire` ("dd/mm/yyyy HH:MM:SS", Brasília wall-clock time), the authorized
// services and `LimiteUso` (uses per token; 0 = unlimited). A connection keeps one token until
// shortly before it expires (on an injectable clock) and drops it when MK answers 999/001.
// Concurrent requests share one authentication.
import { PonteError } from '../../contract/index.js';
import { badResponse, text as textOf, upstreamExcerpt } from '../kit/index.js';
import type { CallContext, ErpHttpClient } from '../kit/index.js';
import { bodyText, repairJson } from './charset.js';
import type { MkSettings } from './settings.js';

export interface MkToken {
  value: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** ServicosAutorizados (cd_servico codes; 9999 = all). */
  services: number[];
  /** Uses left when the profile limits them (LimiteUso > 0); null = unlimited. */
  usesLeft: number | null;
}

/** A token is renewed this long before MK says it expires, so no request races the expiry. */
const EXPIRY_MARGIN_MS = 30_000;
/** When MK gives no readable Expire: its smallest profile lifetime is assumed. */
const FALLBACK_LIFETIME_MS = 5 * 60_000;

const EXPIRE = /^(\d{2})\/(\d{2})\/(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Epoch ms of an MK `Expire` (Brasília is UTC−03:00, no daylight saving since 2019); null when unreadable. */
export function parseExpire(value: unknown): number | null {
  const m = typeof value === 'string' ? EXPIRE.exec(value.trim()) : null;
  if (m === null) return null;
  const part = (i: number) => Number(m[i] ?? '0');
  const d = part(1);
  const ms = Date.UTC(part(3), part(2) - 1, d, part(4) + 3, part(5), part(6));
  return Number.isNaN(ms) || new Date(ms - 3 * 3_600_000).getUTCDate() !== d ? null : ms;
}

export class TokenCache {
  private token: MkToken | null = null;
  private pending: Promise<MkToken> | null = null;

  constructor(
    private readonly fetchToken: (call: CallContext) => Promise<MkToken>,
    private readonly now: () => number,
  ) {}

  /** The cached token while it is fresh (and has uses left), else a new one. */
  async get(call: CallContext): Promise<MkToken> {
    const t = this.token;
    if (
      t !== null &&
      t.expiresAt - EXPIRY_MARGIN_MS > this.now() &&
      (t.usesLeft === null || t.usesLeft > 0)
    ) {
      if (t.usesLeft !== null) t.usesLeft--;
      return t;
    }
    const fresh = await this.renew(call);
    if (fresh.usesLeft !== null) fresh.usesLeft--;
    return fresh;
  }

  /** Forgets `refused` (MK answered 999/001 to it); another request's replacement is kept. */
  drop(refused: MkToken): void {
    if (this.token === refused) this.token = null;
  }

  private renew(call: CallContext): Promise<MkToken> {
    this.pending ??= this.fetchToken(call)
      .then((token) => {
        this.token = token;
        return token;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }
}

/** WSAutenticacao for all services (cd_servico 9999). The contra-senha never reaches an error or a log. */
export async function authenticate(
  http: ErpHttpClient,
  settings: MkSettings,
  call: CallContext,
  now: () => number,
): Promise<MkToken> {
  const query = new URLSearchParams({
    sys: 'MK0',
    token: settings.profile_token,
    password: settings.contra_senha,
    cd_servico: '9999',
  });
  // Asking for a token changes nothing in MK, so it may be retried like a read.
  const res = await http.request(
    { method: 'GET', path: `/mk/WSAutenticacao.rule?${query.toString()}`, read: true },
    call,
  );
  const text = bodyText(res.body);
  if (res.status === 404) {
    throw new PonteError(
      'ERP_UNAVAILABLE',
      "MK has no WSAutenticacao at this address: check the tenant setting 'base_url'",
      {
        details: { settings: ['base_url'] },
        upstream: upstreamExcerpt(res.status, text),
      },
    );
  }
  let body: Record<string, unknown>;
  try {
    body = repairJson(JSON.parse(text)) as Record<string, unknown>;
  } catch {
    throw badResponse(
      'MK',
      `WSAutenticacao with something that is not JSON (HTTP ${res.status})`,
      res.status,
      text,
    );
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badResponse('MK', 'WSAutenticacao with JSON that is not an object', res.status, text);
  }
  if (textOf(body.status).toUpperCase() === 'ERRO') {
    const message = textOf(body.Mensagem ?? body.mensagem);
    throw new PonteError(
      'ERP_UNAVAILABLE',
      `MK refused the webservice profile (${textOf(body['Num. ERRO']) || '?'} ${message}): check the tenant settings 'profile_token' and 'contra_senha', and that the profile is active in Integradores → Gerenciador de Webservices; then run 'ponte check'`,
      {
        details: { settings: ['profile_token', 'contra_senha'] },
        upstream: upstreamExcerpt(res.status, text),
      },
    );
  }
  // Older builds name the token tokenRetornoAutenticacao (clients.md §5.1).
  const value = body.Token ?? body.tokenRetornoAutenticacao;
  if (typeof value !== 'string' || value.trim() === '') {
    throw badResponse('MK', 'WSAutenticacao without a Token', res.status, text);
  }
  const expiresAt = parseExpire(body.Expire);
  if (expiresAt === null)
    call.warn('MK gave no readable Expire for its token; it is renewed after 5 minutes');
  const limit = typeof body.LimiteUso === 'number' ? body.LimiteUso : Number(body.LimiteUso ?? 0);
  const services = Array.isArray(body.ServicosAutorizados)
    ? body.ServicosAutorizados.map(Number).filter((n) => Number.isInteger(n))
    : [9999];
  return {
    value: value.trim(),
    expiresAt: expiresAt ?? now() + FALLBACK_LIFETIME_MS,
    services,
    usesLeft: Number.isInteger(limit) && limit > 0 ? limit : null,
  };
}
