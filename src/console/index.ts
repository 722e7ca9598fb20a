// The operator console at /console (docs/console.md): the page and its files, login and logout,
// and the JSON API under /console/api behind a session cookie. The cookie is HttpOnly,
// SameSite=Strict, scoped to /console, Secure when the request came over HTTPS; every
// state-changing request must also carry the session's CSRF token in `x-csrf-token` (and, when the
// browser sends an Origin, come from this host). The admin token is only ever in a login body.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PonteError } from '../contract/index.js';
import type { Gateway } from '../gateway/gateway.js';
import { defaultProviders } from '../providers/index.js';
import type { AnyProvider } from '../providers/types.js';
import { storeUnavailableError, type Store } from '../store/index.js';
import { timingSafeEqual } from 'node:crypto';
import { registerConsoleApi } from './api.js';
import { consoleAssets } from './assets.js';
import { SECURITY_HEADERS, consolePage } from './page.js';
import { ConsoleSessions, LoginThrottle, type Session, type SessionOptions } from './session.js';

export interface ConsoleOptions {
  gateway: Gateway;
  store: Store;
  adminToken?: string | undefined;
  /** The providers whose settings forms the console draws (default: the ones Ponte ships). */
  providers?: readonly AnyProvider[];
  session?: SessionOptions;
}

export const COOKIE = 'ponte_console';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    consoleSession?: Session;
  }
}

function cookieOf(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** HTTPS as the browser sees it: this server's own TLS, or a proxy that says it ended TLS. */
function overHttps(req: FastifyRequest): boolean {
  return req.protocol === 'https' || req.headers['x-forwarded-proto'] === 'https';
}

function setCookie(req: FastifyRequest, reply: FastifyReply, value: string, maxAgeSeconds: number): void {
  const parts = [
    `${COOKIE}=${value}`,
    'Path=/console',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
  ];
  if (overHttps(req)) parts.push('Secure');
  void reply.header('set-cookie', parts.join('; '));
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The browser's Origin, when it sent one, names this host. */
function sameOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function fail(reply: FastifyReply, error: PonteError): FastifyReply {
  if (error.retryAfterSeconds !== undefined)
    void reply.header('retry-after', String(error.retryAfterSeconds));
  return reply.code(error.status).send(error.toBody(String(reply.request.id)));
}

export function registerConsole(app: FastifyInstance, options: ConsoleOptions): void {
  const token = options.adminToken;
  const sessions = token === undefined ? undefined : new ConsoleSessions(token, options.session);
  const now = options.session?.now ?? Date.now;
  const throttle = new LoginThrottle(now);

  void app.register((scope, _opts, done) => {
    scope.addHook('onSend', (_req, reply, payload, next) => {
      void reply.headers(SECURITY_HEADERS);
      next(null, payload);
    });

    const page = consolePage();
    const sendPage = (_req: FastifyRequest, reply: FastifyReply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
    scope.get('/console', sendPage);
    scope.get('/console/', sendPage);
    scope.get<{ Params: { name: string } }>('/console/assets/:name', async (req, reply) => {
      const name = req.params.name;
      if (name !== 'app.js' && name !== 'app.css') {
        return fail(reply, new PonteError('UNKNOWN_FUNCTION', `no console file '${name}'`));
      }
      const file = (await consoleAssets())[name];
      void reply.header('etag', file.etag).header('cache-control', 'no-cache');
      if (req.headers['if-none-match'] === file.etag) return reply.code(304).send();
      return reply.type(file.type).send(file.body);
    });

    void scope.register(
      (api, _o, apiDone) => {
        api.setErrorHandler((error: Error & { statusCode?: number }, req, reply) => {
          if (error instanceof PonteError) return fail(reply, error);
          const unavailable = storeUnavailableError(error);
          if (unavailable) return fail(reply, unavailable);
          if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
            return fail(reply, new PonteError('INVALID_INPUT', error.message));
          }
          req.log.error({ err: error, request_id: req.id }, 'console: unhandled error');
          return fail(
            reply,
            new PonteError('INTERNAL', 'internal error; the request id identifies it in the logs'),
          );
        });
        api.addHook('onSend', (_req, reply, payload, next) => {
          void reply.header('cache-control', 'no-store');
          next(null, payload);
        });

        api.get('/session', (req) => {
          if (!sessions) return { enabled: false, authenticated: false };
          const found = sessions.verify(cookieOf(req, COOKIE));
          if (!found) return { enabled: true, authenticated: false };
          return {
            enabled: true,
            authenticated: true,
            csrf: found.session.csrf,
            expires_at: new Date(found.session.expiresAt).toISOString(),
          };
        });

        api.post<{ Body: unknown }>('/login', (req, reply) => {
          if (!sessions || token === undefined) {
            return fail(reply, new PonteError('FORBIDDEN', 'the console is disabled: set PONTE_ADMIN_TOKEN'));
          }
          if (!sameOrigin(req)) return fail(reply, new PonteError('FORBIDDEN', 'login from another origin'));
          const wait = throttle.wait(req.ip);
          if (wait > 0) {
            return fail(
              reply,
              new PonteError('RATE_LIMITED', 'too many wrong tokens from this address; wait and try again', {
                retryAfterSeconds: wait,
              }),
            );
          }
          const body = req.body as { token?: unknown } | undefined;
          const given = typeof body?.token === 'string' ? body.token.trim() : '';
          if (given === '' || !sameToken(given, token)) {
            throttle.failed(req.ip);
            req.log.warn({ request_id: req.id }, 'console: login with a wrong admin token');
            return fail(reply, new PonteError('UNAUTHENTICATED', 'wrong admin token'));
          }
          throttle.succeeded(req.ip);
          const { cookie, session } = sessions.issue();
          setCookie(req, reply, cookie, sessions.absoluteMs / 1000);
          req.log.info({ request_id: req.id }, 'console: operator logged in');
          return {
            enabled: true,
            authenticated: true,
            csrf: session.csrf,
            expires_at: new Date(session.expiresAt).toISOString(),
          };
        });

        // Everything below needs a session, and a CSRF token when it changes something.
        void api.register((guarded, _g, guardedDone) => {
          guarded.addHook('onRequest', (req, reply, next) => {
            if (!sessions) {
              fail(reply, new PonteError('FORBIDDEN', 'the console is disabled: set PONTE_ADMIN_TOKEN'));
              return;
            }
            const found = sessions.verify(cookieOf(req, COOKIE));
            if (!found) {
              fail(reply, new PonteError('UNAUTHENTICATED', 'not logged in, or the session expired'));
              return;
            }
            if (!SAFE_METHODS.has(req.method)) {
              if (!sameOrigin(req) || !sessions.csrfMatches(found.session, req.headers['x-csrf-token'])) {
                fail(reply, new PonteError('FORBIDDEN', 'missing or wrong CSRF token; reload the page'));
                return;
              }
            }
            if (found.renewed !== undefined) {
              setCookie(
                req,
                reply,
                found.renewed,
                (found.session.issuedAt + sessions.absoluteMs - now()) / 1000,
              );
            }
            req.consoleSession = found.session;
            next();
          });
          guarded.post('/logout', (req, reply) => {
            if (req.consoleSession) sessions?.revoke(req.consoleSession);
            setCookie(req, reply, '', 0);
            return reply.code(204).send();
          });
          registerConsoleApi(guarded, {
            gateway: options.gateway,
            store: options.store,
            providers: options.providers ?? defaultProviders(),
            now,
          });
          guardedDone();
        });
        api.setNotFoundHandler((req, reply) =>
          fail(
            reply,
            new PonteError('UNKNOWN_FUNCTION', `no such endpoint: ${req.method} ${req.url.split('?')[0]}`),
          ),
        );
        apiDone();
      },
      { prefix: '/console/api' },
    );
    done();
  });
}
