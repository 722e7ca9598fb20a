// Console sessions: a signed cookie instead of a server-side table, so that every Ponte process of
// a fleet accepts the session another one issued (they share PONTE_ADMIN_TOKEN). The cookie holds
// a random session id, when it was issued and when it was last used, signed with a key derived
// from the admin token (changing the token ends every session). It expires after `idleMs` without
// use and `absoluteMs` after login whatever the use. The CSRF token is derived from the session
// id with the same key, so it needs no storage either. Logout revokes the id in this process (and
// the browser drops the cookie); other processes accept a copied cookie until it expires.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface SessionOptions {
  /** A session unused this long has expired (default 30 minutes). */
  idleMs?: number;
  /** A session this old has expired, used or not (default 8 hours). */
  absoluteMs?: number;
  /** Milliseconds since the epoch; tests give their own clock. */
  now?: () => number;
}

export interface Session {
  id: string;
  issuedAt: number;
  seenAt: number;
  /** The token every state-changing request must carry in `x-csrf-token`. */
  csrf: string;
  /** When the session expires if it is not used again. */
  expiresAt: number;
}

interface Payload {
  v: 1;
  s: string;
  i: number;
  t: number;
}

/** The cookie is renewed (its last use moved) at most this often. */
const RENEW_AFTER_MS = 60_000;
const MAX_REVOKED = 10_000;

function b64(buf: Buffer): string {
  return buf.toString('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class ConsoleSessions {
  readonly idleMs: number;
  readonly absoluteMs: number;
  readonly now: () => number;
  private readonly key: Buffer;
  /** Session id -> when it would have expired anyway (after that it can be forgotten). */
  private readonly revoked = new Map<string, number>();

  constructor(adminToken: string, options: SessionOptions = {}) {
    this.idleMs = options.idleMs ?? 30 * 60_000;
    this.absoluteMs = options.absoluteMs ?? 8 * 3_600_000;
    this.now = options.now ?? Date.now;
    this.key = createHmac('sha256', adminToken).update('ponte console session v1').digest();
  }

  private sign(text: string): string {
    return b64(createHmac('sha256', this.key).update(text).digest());
  }

  private encode(payload: Payload): string {
    const body = b64(Buffer.from(JSON.stringify(payload)));
    return `${body}.${this.sign(body)}`;
  }

  private session(p: Payload): Session {
    return {
      id: p.s,
      issuedAt: p.i,
      seenAt: p.t,
      csrf: this.sign(`csrf.${p.s}`),
      expiresAt: Math.min(p.t + this.idleMs, p.i + this.absoluteMs),
    };
  }

  /** A new session (at login): its cookie value and the session. */
  issue(): { cookie: string; session: Session } {
    const now = this.now();
    const payload: Payload = { v: 1, s: b64(randomBytes(18)), i: now, t: now };
    return { cookie: this.encode(payload), session: this.session(payload) };
  }

  /**
   * The session a cookie value stands for, or undefined (forged, expired, revoked). `renewed` is
   * the cookie to send back when its last use should move forward.
   */
  verify(cookie: string | undefined): { session: Session; renewed?: string } | undefined {
    if (cookie === undefined || cookie.length > 512) return undefined;
    const [body, mac, extra] = cookie.split('.');
    if (body === undefined || mac === undefined || extra !== undefined || !same(mac, this.sign(body))) {
      return undefined;
    }
    let p: Payload;
    try {
      p = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Payload;
    } catch {
      return undefined;
    }
    if (p.v !== 1 || typeof p.s !== 'string' || typeof p.i !== 'number' || typeof p.t !== 'number') {
      return undefined;
    }
    const now = this.now();
    const session = this.session(p);
    if (now >= session.expiresAt || p.t > now + RENEW_AFTER_MS || this.revoked.has(p.s)) return undefined;
    if (now - p.t < RENEW_AFTER_MS) return { session };
    const next: Payload = { ...p, t: now };
    return { session: this.session(next), renewed: this.encode(next) };
  }

  /** Whether `given` is the session's CSRF token. */
  csrfMatches(session: Session, given: unknown): boolean {
    return typeof given === 'string' && same(given, session.csrf);
  }

  /** Ends a session in this process (logout). */
  revoke(session: Session): void {
    const now = this.now();
    for (const [id, until] of this.revoked) if (until <= now) this.revoked.delete(id);
    if (this.revoked.size >= MAX_REVOKED) {
      const oldest = this.revoked.keys().next().value;
      if (oldest !== undefined) this.revoked.delete(oldest);
    }
    this.revoked.set(session.id, session.issuedAt + this.absoluteMs);
  }
}

/** Wrong tokens allowed per client address in `windowMs` before logins from it are refused. */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly now: () => number,
    private readonly limit = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** 0 when a login may be tried, otherwise the seconds to wait. */
  wait(address: string): number {
    const entry = this.failures.get(address);
    if (entry === undefined) return 0;
    const left = entry.since + this.windowMs - this.now();
    if (left <= 0) {
      this.failures.delete(address);
      return 0;
    }
    return entry.count >= this.limit ? Math.ceil(left / 1000) : 0;
  }

  failed(address: string): void {
    const now = this.now();
    if (this.failures.size >= MAX_REVOKED) {
      for (const [a, e] of this.failures) if (e.since + this.windowMs <= now) this.failures.delete(a);
      if (this.failures.size >= MAX_REVOKED) this.failures.clear();
    }
    const entry = this.failures.get(address);
    if (entry === undefined || entry.since + this.windowMs <= now)
      this.failures.set(address, { count: 1, since: now });
    else entry.count++;
  }

  succeeded(address: string): void {
    this.failures.delete(address);
  }
}
