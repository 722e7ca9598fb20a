// The console's door, over real HTTP: login with the admin token (in the body only), the session
// cookie's flags, CSRF refusals, logout, expiry (idle and absolute, on an injected clock), forged
// cookies, the login throttle, and the page when no admin token is set.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { Agent, fetch as undiciFetch } from 'undici';
import { buildServer } from '../../src/http/server.js';
import { registerConsole } from '../../src/console/index.js';
import { ConsoleSessions } from '../../src/console/session.js';
import { startPonte, type RunningPonte } from '../helpers/ponte.js';
import { hasOpenssl, selfSignedCertificate } from '../helpers/tls.js';

const ADMIN = 'console-test-admin-token-0123456789';

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are asserted field by field
  body: any;
  headers: Headers;
  cookie: string | undefined;
}

async function request(
  url: string,
  path: string,
  init: {
    method?: string;
    body?: unknown;
    cookie?: string;
    csrf?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.cookie !== undefined) headers.cookie = init.cookie;
  if (init.csrf !== undefined) headers['x-csrf-token'] = init.csrf;
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('ponte_console='));
  return {
    status: res.status,
    body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
    headers: res.headers,
    cookie: setCookie,
  };
}

/** `name=value` of a Set-Cookie line, for the Cookie header. */
const pair = (setCookie: string | undefined) => setCookie?.split(';', 1)[0] ?? '';

async function login(url: string, headers: Record<string, string> = {}) {
  const answer = await request(url, '/console/api/login', { body: { token: ADMIN }, headers });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return { cookie: pair(answer.cookie), csrf: answer.body.csrf as string, answer };
}

describe('console without PONTE_ADMIN_TOKEN', () => {
  let ponte: RunningPonte;
  before(async () => {
    ponte = await startPonte();
  });
  after(() => ponte.close());

  test('the page loads and says the console is disabled; login and the API are refused', async () => {
    const page = await request(ponte.url, '/console');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(page.body, /\/console\/assets\/app\.js/);
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.deepEqual((await request(ponte.url, '/console/api/session')).body, {
      enabled: false,
      authenticated: false,
    });
    const refused = await request(ponte.url, '/console/api/login', { body: { token: 'anything' } });
    assert.equal(refused.status, 403);
    assert.match(refused.body.error.message, /PONTE_ADMIN_TOKEN/);
    assert.equal((await request(ponte.url, '/console/api/tenants')).status, 403);
  });

  test('the front end is served', async () => {
    const js = await request(ponte.url, '/console/assets/app.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    const etag = js.headers.get('etag');
    assert.ok(etag);
    const again = await request(ponte.url, '/console/assets/app.js', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal((await request(ponte.url, '/console/assets/app.css')).status, 200);
    assert.equal((await request(ponte.url, '/console/assets/other.js')).status, 404);
  });
});

describe('console login, CSRF and logout', () => {
  let ponte: RunningPonte;
  before(async () => {
    ponte = await startPonte({ adminToken: ADMIN });
  });
  after(() => ponte.close());

  test('a wrong token is refused; the right one sets an HttpOnly, SameSite=Strict cookie', async () => {
    const wrong = await request(ponte.url, '/console/api/login', { body: { token: 'nope' } });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.cookie, undefined);
    const { answer, csrf } = await login(ponte.url);
    const flags = answer.cookie!.split(';').map((s) => s.trim());
    assert.ok(flags.includes('HttpOnly'), answer.cookie);
    assert.ok(flags.includes('SameSite=Strict'), answer.cookie);
    assert.ok(flags.includes('Path=/console'), answer.cookie);
    assert.ok(!flags.includes('Secure'), 'plain HTTP: no Secure flag (the browser would drop the cookie)');
    assert.ok(flags.some((f) => /^Max-Age=\d+$/.test(f)));
    assert.equal(typeof csrf, 'string');
    assert.ok(!JSON.stringify(answer.body).includes(ADMIN), 'the token is not echoed');
    assert.ok(!answer.cookie!.includes(ADMIN), 'the token is not in the cookie');
    assert.equal(answer.headers.get('cache-control'), 'no-store');
  });

  test('behind a proxy that ended TLS the cookie is Secure', async () => {
    const { answer } = await login(ponte.url, { 'x-forwarded-proto': 'https' });
    assert.ok(
      answer
        .cookie!.split(';')
        .map((s) => s.trim())
        .includes('Secure'),
      answer.cookie,
    );
  });

  test(
    "served over Ponte's own HTTPS the cookie is Secure",
    { skip: !hasOpenssl() && 'no openssl' },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ponte-console-tls-'));
      const { certPath, keyPath } = selfSignedCertificate(dir, 'console');
      const server = buildServer({
        gateway: ponte.app.gateway,
        store: ponte.app.store,
        log: ponte.app.log,
        adminToken: ADMIN,
        tls: { cert: readFileSync(certPath), key: readFileSync(keyPath) },
      });
      await server.listen({ port: 0, host: '127.0.0.1' });
      const dispatcher = new Agent({ connect: { ca: readFileSync(certPath) } });
      try {
        const { port } = server.server.address() as { port: number };
        const res = await undiciFetch(`https://127.0.0.1:${port}/console/api/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token: ADMIN }),
          dispatcher,
        });
        assert.equal(res.status, 200);
        const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ponte_console='));
        assert.ok(
          cookie
            ?.split(';')
            .map((f) => f.trim())
            .includes('Secure'),
          cookie,
        );
      } finally {
        await dispatcher.close();
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  test('a token in the URL is not a login', async () => {
    const answer = await request(ponte.url, `/console/api/login?token=${ADMIN}`, { method: 'POST' });
    assert.equal(answer.status, 401);
    assert.equal(answer.cookie, undefined);
  });

  test('the API needs the session', async () => {
    assert.equal((await request(ponte.url, '/console/api/tenants')).status, 401);
    // The admin token as a bearer is the admin API's way, not the console's.
    const bearer = await request(ponte.url, '/console/api/tenants', {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    assert.equal(bearer.status, 401);
    const { cookie } = await login(ponte.url);
    const listed = await request(ponte.url, '/console/api/tenants', { cookie });
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.body, []);
    const session = await request(ponte.url, '/console/api/session', { cookie });
    assert.equal(session.body.authenticated, true);
  });

  test('a change without the CSRF token, with a wrong one or from another origin is refused', async () => {
    const { cookie, csrf } = await login(ponte.url);
    const body = { name: 'csrf-test', provider: 'sandbox', settings: {} };
    const none = await request(ponte.url, '/console/api/tenants', { body, cookie });
    assert.equal(none.status, 403);
    assert.match(none.body.error.message, /CSRF/);
    const wrong = await request(ponte.url, '/console/api/tenants', { body, cookie, csrf: `${csrf}x` });
    assert.equal(wrong.status, 403);
    const otherOrigin = await request(ponte.url, '/console/api/tenants', {
      body,
      cookie,
      csrf,
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(otherOrigin.status, 403);
    // Another session's token is no good either.
    const other = await login(ponte.url);
    assert.equal(
      (await request(ponte.url, '/console/api/tenants', { body, cookie, csrf: other.csrf })).status,
      403,
    );
    assert.equal((await ponte.app.gateway.tenants.list()).length, 0, 'nothing was created');
    const ok = await request(ponte.url, '/console/api/tenants', {
      body,
      cookie,
      csrf,
      headers: { origin: ponte.url },
    });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.name, 'csrf-test');
    const logout = await request(ponte.url, '/console/api/logout', { method: 'POST', cookie });
    assert.equal(logout.status, 403, 'logout is a change too');
  });

  test('logout ends the session and clears the cookie', async () => {
    const { cookie, csrf } = await login(ponte.url);
    const out = await request(ponte.url, '/console/api/logout', { method: 'POST', cookie, csrf });
    assert.equal(out.status, 204);
    assert.match(out.cookie ?? '', /^ponte_console=;.*Max-Age=0/);
    assert.equal((await request(ponte.url, '/console/api/tenants', { cookie })).status, 401);
    assert.equal((await request(ponte.url, '/console/api/session', { cookie })).body.authenticated, false);
  });

  test('a forged or altered cookie is refused', async () => {
    const { cookie } = await login(ponte.url);
    const [name, value] = cookie.split('=') as [string, string];
    const [body, mac] = value.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const altered = Buffer.from(JSON.stringify({ ...payload, i: Date.now() + 1e9 })).toString('base64url');
    assert.equal(
      (await request(ponte.url, '/console/api/tenants', { cookie: `${name}=${altered}.${mac}` })).status,
      401,
    );
    assert.equal(
      (await request(ponte.url, '/console/api/tenants', { cookie: `${name}=garbage` })).status,
      401,
    );
    // A session signed with another admin token (the token was changed) is refused.
    const foreign = new ConsoleSessions('another-admin-token').issue().cookie;
    assert.equal(
      (await request(ponte.url, '/console/api/tenants', { cookie: `${name}=${foreign}` })).status,
      401,
    );
  });

  test('after 10 wrong tokens from one address, logins from it wait', async () => {
    for (let i = 0; i < 10; i++) {
      assert.equal(
        (await request(ponte.url, '/console/api/login', { body: { token: `wrong-${i}` } })).status,
        401,
      );
    }
    const limited = await request(ponte.url, '/console/api/login', { body: { token: ADMIN } });
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
  });
});

describe('console session expiry (injected clock)', () => {
  let ponte: RunningPonte;
  let server: FastifyInstance;
  let url: string;
  let clock = Date.parse('2026-03-02T12:00:00Z');
  before(async () => {
    ponte = await startPonte();
    server = Fastify();
    registerConsole(server, {
      gateway: ponte.app.gateway,
      store: ponte.app.store,
      adminToken: ADMIN,
      session: { now: () => clock, idleMs: 30 * 60_000, absoluteMs: 8 * 3_600_000 },
    });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const address = server.server.address() as { port: number };
    url = `http://127.0.0.1:${address.port}`;
  });
  after(async () => {
    await server.close();
    await ponte.close();
  });

  const minutes = (n: number) => {
    clock += n * 60_000;
  };

  test('an unused session expires after 30 minutes; using it moves the expiry', async () => {
    const { cookie } = await login(url);
    minutes(20);
    const used = await request(url, '/console/api/tenants', { cookie });
    assert.equal(used.status, 200);
    const renewed = pair(used.cookie);
    assert.notEqual(renewed, '', 'a use after a minute renews the cookie');
    minutes(20);
    assert.equal(
      (await request(url, '/console/api/tenants', { cookie })).status,
      401,
      '40 min after login, unrenewed',
    );
    assert.equal(
      (await request(url, '/console/api/tenants', { cookie: renewed })).status,
      200,
      '20 min after use',
    );
    minutes(31);
    assert.equal(
      (await request(url, '/console/api/tenants', { cookie: renewed })).status,
      401,
      '31 min idle',
    );
  });

  test('a session ends 8 hours after login however much it is used', async () => {
    let { cookie } = await login(url);
    for (let i = 0; i < 16; i++) {
      minutes(29);
      const answer = await request(url, '/console/api/tenants', { cookie });
      assert.equal(answer.status, 200, `use ${i}`);
      if (answer.cookie) cookie = pair(answer.cookie);
    }
    minutes(29); // 8 h 3 min after login
    assert.equal((await request(url, '/console/api/tenants', { cookie })).status, 401);
    assert.equal((await request(url, '/console/api/session', { cookie })).body.authenticated, false);
  });
});
