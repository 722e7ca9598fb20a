// Hubsoft's OAuth2 password grant, and the token a tenant's connection keeps. Tokens last 30 days
// but any of them can be revoked at any time (an administrator, an update), which the API shows
// only as a 401; so the token is cached per connection, renewed shortly before it expires, and
// replaced when a request is refused. Concurrent requests share one token request.
import { PonteError } from '../../contract/index.js';
import { badResponse, upstreamExcerpt } from '../kit/http.js';
import type { ErpHttpClient } from '../kit/http.js';
import type { CallContext } from '../types.js';
import type { HubsoftSettings } from './settings.js';

export interface Token {
  value: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** A token is renewed this long before Hubsoft says it expires, so no request races the expiry. */
const EXPIRY_MARGIN_MS = 60_000;

export class TokenCache {
  private token: Token | null = null;
  private pending: Promise<Token> | null = null;

  constructor(
    private readonly fetchToken: (call: CallContext) => Promise<Token>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached token while it is fresh, else a new one. */
  get(call: CallContext): Promise<Token> {
    if (this.token !== null && this.token.expiresAt - EXPIRY_MARGIN_MS > this.now()) {
      return Promise.resolve(this.token);
    }
    return this.renew(call);
  }

  /**
   * A token to use instead of `refused`, which Hubsoft answered 401 to. When another request has
   * already replaced it, that replacement is used: one revocation costs one token request.
   */
  replace(refused: Token, call: CallContext): Promise<Token> {
    if (this.token === refused) this.token = null;
    return this.get(call);
  }

  private renew(call: CallContext): Promise<Token> {
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

/** The settings to fix for each OAuth2 error Hubsoft answers. */
const CREDENTIAL_ERRORS: Record<string, { what: string; settings: string[] }> = {
  invalid_credentials: { what: "the API user's username or password", settings: ['username', 'password'] },
  invalid_client: { what: 'the API client', settings: ['client_id', 'client_secret'] },
  invalid_grant: { what: "the API user's username or password", settings: ['username', 'password'] },
};

function credentialsRefused(error: string, status: number, body: string): PonteError {
  const known = CREDENTIAL_ERRORS[error] ?? {
    what: 'the credentials',
    settings: ['client_id', 'client_secret', 'username', 'password'],
  };
  const names = known.settings.map((s) => `'${s}'`).join(' and ');
  return new PonteError(
    'ERP_UNAVAILABLE',
    `Hubsoft refused ${known.what} (${error}): fix the tenant settings ${names} and run 'ponte check'`,
    { details: { settings: known.settings, erp_error: error }, upstream: upstreamExcerpt(status, body) },
  );
}

/** POST /oauth/token with the tenant's credentials. The request body never reaches an error or a log. */
export async function requestToken(
  http: ErpHttpClient,
  settings: HubsoftSettings,
  call: CallContext,
  now: () => number = Date.now,
): Promise<Token> {
  const res = await http.request(
    {
      method: 'POST',
      path: '/oauth/token',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        grant_type: 'password',
        client_id: settings.client_id,
        client_secret: settings.client_secret,
        username: settings.username,
        password: settings.password,
      }),
      // Asking for a token changes nothing in the ERP, so it may be retried like a read.
      read: true,
    },
    call,
  );
  const text = res.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw badResponse('Hubsoft', 'its token request with something that is not JSON', res.status, text);
  }
  if (body === null || typeof body !== 'object') {
    throw badResponse('Hubsoft', 'its token request with something that is not an object', res.status, text);
  }
  if (typeof body.error === 'string') throw credentialsRefused(body.error, res.status, text);
  const { access_token: value, expires_in: expiresIn } = body;
  if (res.status !== 200 || typeof value !== 'string' || value === '') {
    throw badResponse(
      'Hubsoft',
      `its token request without an access_token (HTTP ${res.status})`,
      res.status,
      text,
    );
  }
  const seconds = typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn : 3600;
  return { value, expiresAt: now() + seconds * 1000 };
}
