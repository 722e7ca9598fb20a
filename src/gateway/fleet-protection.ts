// Fleet mode (REDIS_URL): the rate limit, the concurrency cap, the circuit and the catalogue cache
// of each tenant's ERP are shared by every Ponte instance through Redis, so N instances together
// send the ERP what one would.
//
// - The rate limit is rate-limiter-flexible's RateLimiterRedis: a fixed one-second window per
//   tenant whose start and end are Redis key TTLs, not any instance's clock.
// - The circuit breaker and the bulkhead are two Lua scripts of our own (ENTER and LEAVE below):
//   no well-kept library shares a circuit breaker, and a counting semaphore whose slots expire
//   (so a slot held by an instance that died is given back) is not one of rate-limiter-flexible's
//   shapes; the scripts make each decision atomic in Redis and read the time from Redis (TIME), so
//   clock differences between instances do not matter. A slot lives for the call's deadline plus
//   SLOT_GRACE_MS: a live instance gives it back when its call ends, a dead one's expires.
// - The catalogue cache keeps each value in Redis with a TTL, and one instance loads a missing
//   value while the others wait for it (a `SET NX` lock), so the fleet asks the ERP once per TTL.
//
// Redis is never a reason for a call to fail: commands time out after REDIS_COMMAND_TIMEOUT_MS,
// nothing waits in an offline queue, and whenever Redis cannot be used each process protects the
// ERP on its own (the in-memory implementation), says so in /readyz, the log and the metrics, and
// goes back to shared protection by itself when Redis answers again.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { PonteError } from '../contract/index.js';
import type { CircuitState } from './breaker.js';
import {
  MemoryProtection,
  type CircuitChangeListener,
  type ErpProtection,
  type Guard,
  type ProtectionStatus,
  type TenantGuardOptions,
} from './protection.js';

/** How long one Redis command may take before the call goes on without Redis. */
export const REDIS_COMMAND_TIMEOUT_MS = 500;
/** A slot outlives its call's deadline by this much before Redis gives it back by itself. */
export const SLOT_GRACE_MS = 2_000;
/** How often a call waiting for a slot held elsewhere in the fleet asks again. */
const SLOT_POLL_MS = 15;
/** How often an instance waiting for another's catalogue load looks for the value. */
const CACHE_POLL_MS = 20;
/** After a command failed, how long Redis is left alone before it is used again. */
const BACKOFF_MS = 1_000;
/** Failure counters and the open-circuit marker are forgotten after a day without calls. */
const FORGET_MS = 86_400_000;

// KEYS: open, tripped, probe, slots. ARGV: max concurrent, slot lifetime ms, member.
// Answers {1, probe?} (a slot), {0, 0} (no slot free), {-1, ms} (open), {-2, 0} (a probe is out).
const ENTER = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local open = redis.call('PTTL', KEYS[1])
if open > 0 then return {-1, open} end
local probe = 0
if redis.call('EXISTS', KEYS[2]) == 1 then
  if not redis.call('SET', KEYS[3], ARGV[3], 'NX', 'PX', ARGV[2]) then return {-2, 0} end
  probe = 1
end
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
if redis.call('ZCARD', KEYS[4]) >= tonumber(ARGV[1]) then
  if probe == 1 then redis.call('DEL', KEYS[3]) end
  return {0, 0}
end
redis.call('ZADD', KEYS[4], now + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[4], ARGV[2])
return {1, probe}
`;

// KEYS: open, tripped, probe, slots, failures. ARGV: member, outcome (success|failure|neutral, or
// unused: the slot was never used), probe (1|0), failure threshold, open ms, forget ms. Answers 2
// when this call opened the circuit.
const LEAVE = `
redis.call('ZREM', KEYS[4], ARGV[1])
local outcome = ARGV[2]
local probe = ARGV[3] == '1'
if outcome == 'unused' then
  if probe then redis.call('DEL', KEYS[3]) end
  return 0
end
if outcome == 'neutral' and probe then outcome = 'success' end
if outcome == 'success' then
  redis.call('DEL', KEYS[5])
  if probe then redis.call('DEL', KEYS[2], KEYS[3]) end
  return 0
end
if outcome == 'failure' then
  local n = redis.call('INCR', KEYS[5])
  redis.call('PEXPIRE', KEYS[5], ARGV[6])
  if probe or n >= tonumber(ARGV[4]) then
    redis.call('SET', KEYS[1], '1', 'PX', ARGV[5])
    redis.call('SET', KEYS[2], '1', 'PX', ARGV[6])
    redis.call('DEL', KEYS[5], KEYS[3])
    return 2
  end
end
return 0
`;

// KEYS: lock. ARGV: owner. Gives a catalogue load's lock back only when it is still ours.
const UNLOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

interface FleetRedis extends Redis {
  ponteEnter(...args: (string | number)[]): Promise<[number, number]>;
  ponteLeave(...args: (string | number)[]): Promise<number>;
  ponteUnlock(...args: string[]): Promise<number>;
}

export interface FleetOptions {
  url: string;
  /** Put before every key, so several fleets (or tests) can share one Redis. */
  prefix: string;
  log: Logger;
}

export class FleetProtection implements ErpProtection {
  readonly redis: FleetRedis;
  /** Names this instance's slots and locks. */
  readonly instance = randomBytes(8).toString('hex');
  private readonly local = new MemoryProtection();
  private readonly limiters = new Map<number, RateLimiterRedis>();
  private readonly loads = new Map<string, Promise<unknown>>();
  private shared = false;
  private restUntil = 0;
  private closed = false;
  /** Told of the shared circuit's changes made by this instance's calls (see LEAVE's answer). */
  listener: CircuitChangeListener | undefined;

  constructor(private readonly options: FleetOptions) {
    this.redis = new Redis(options.url, {
      // Commands fail at once while Redis is away instead of queueing up for when it returns, and
      // each one is bounded in time; the connection itself keeps coming back for ever.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      connectTimeout: 2_000,
      retryStrategy: (times) => Math.min(100 * times, 1_000),
    }) as FleetRedis;
    this.redis.defineCommand('ponteEnter', { numberOfKeys: 4, lua: ENTER });
    this.redis.defineCommand('ponteLeave', { numberOfKeys: 5, lua: LEAVE });
    this.redis.defineCommand('ponteUnlock', { numberOfKeys: 1, lua: UNLOCK });
    this.redis.on('ready', () => this.changed(true));
    this.redis.on('close', () => this.changed(false));
    // Reported through `changed`; an 'error' without a listener would end the process.
    this.redis.on('error', () => undefined);
  }

  /** Waits up to `ms` for Redis at start, so the first calls are already shared. */
  async ready(ms: number): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      this.redis.once('ready', done);
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
    if (!this.shared) this.changed(false, true);
  }

  private changed(up: boolean, force = false): void {
    if (this.closed || (up === this.shared && !force)) return;
    this.shared = up;
    if (up) {
      this.restUntil = 0;
      this.options.log.info(
        'Redis is reachable: ERP rate limits, concurrency caps, circuits and the catalogue cache are shared by the fleet',
      );
    } else {
      this.options.log.warn(
        'Redis is unreachable: ERP rate limits, concurrency caps, circuits and the catalogue cache are per process until it is back',
      );
    }
  }

  /** Whether this call should use Redis. */
  usable(): boolean {
    return this.shared && this.redis.status === 'ready' && Date.now() >= this.restUntil;
  }

  /** A command failed (timeout, connection lost): Redis is left alone for a moment. */
  failed(error: unknown): void {
    if (Date.now() >= this.restUntil) {
      this.options.log.warn(
        { err: error },
        'a Redis command failed: this call is protected by this process alone',
      );
    }
    this.restUntil = Date.now() + BACKOFF_MS;
  }

  onCircuitChange(listener: CircuitChangeListener): void {
    this.listener = listener;
    // While Redis is away each instance judges the ERP alone, and reports its own circuit.
    this.local.onCircuitChange(listener);
  }

  key(...parts: string[]): string {
    return this.options.prefix + parts.join(':');
  }

  async take(tenantId: string, ratePerSecond: number): Promise<number> {
    if (!this.usable()) return this.local.take(tenantId, ratePerSecond);
    let limiter = this.limiters.get(ratePerSecond);
    if (limiter === undefined) {
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        // A changed rate starts a window of its own.
        keyPrefix: this.key('rate', String(ratePerSecond)),
        points: ratePerSecond,
        duration: 1,
        rejectIfRedisNotReady: true,
      });
      this.limiters.set(ratePerSecond, limiter);
    }
    try {
      await limiter.consume(tenantId);
      return 0;
    } catch (error) {
      if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      this.failed(error);
      return this.local.take(tenantId, ratePerSecond);
    }
  }

  guard(tenantId: string, erpName: string, options: TenantGuardOptions): Guard {
    return new FleetGuard(this, tenantId, erpName, options, this.local.guard(tenantId, erpName, options));
  }

  async cached<T>(key: string, ttlMs: number, load: () => Promise<T>, loadMs: number): Promise<T> {
    if (!this.usable()) return this.local.cached(key, ttlMs, load);
    // Concurrent misses in this process wait for one look at Redis.
    const running = this.loads.get(key);
    if (running !== undefined) return running as Promise<T>;
    const value = this.sharedValue(key, ttlMs, load, loadMs);
    this.loads.set(key, value);
    try {
      return await value;
    } finally {
      this.loads.delete(key);
    }
  }

  private async sharedValue<T>(
    key: string,
    ttlMs: number,
    load: () => Promise<T>,
    loadMs: number,
  ): Promise<T> {
    const valueKey = this.key('cache', key);
    const lockKey = `${valueKey}:loading`;
    const owner = `${this.instance}:${randomBytes(4).toString('hex')}`;
    const giveUpAt = Date.now() + loadMs;
    for (;;) {
      let hit: string | null;
      let mine: string | null;
      try {
        hit = await this.redis.get(valueKey);
        if (hit !== null) return JSON.parse(hit) as T;
        mine = await this.redis.set(lockKey, owner, 'PX', loadMs, 'NX');
      } catch (error) {
        this.failed(error);
        return this.local.cached(key, ttlMs, load);
      }
      if (mine === 'OK') {
        try {
          // The instance that held the lock before may have stored the value between our look
          // and our lock (it stores, then unlocks): read once more before loading again.
          const stored = await this.redis.get(valueKey).catch(() => null);
          if (stored !== null) return JSON.parse(stored) as T;
          const value = await load();
          await this.redis
            .set(valueKey, JSON.stringify(value), 'PX', ttlMs)
            .catch((e: unknown) => this.failed(e));
          return value;
        } finally {
          await this.redis.ponteUnlock(lockKey, owner).catch(() => undefined);
        }
      }
      // Another instance is loading it: its value (or its lock's end, when it failed) comes soon.
      if (Date.now() > giveUpAt) return load();
      await sleep(CACHE_POLL_MS);
    }
  }

  dropTenant(tenantId: string): void {
    // Shared entries carry the tenant's version in their key: a changed tenant reads new ones.
    this.local.dropTenant(tenantId);
  }

  status(): ProtectionStatus {
    const up = this.usable();
    return { erp_protection: up ? 'fleet' : 'process', checks: { redis: up ? 'ok' : 'unreachable' } };
  }

  close(): Promise<void> {
    this.closed = true;
    this.redis.disconnect();
    return Promise.resolve();
  }
}

interface Ticket {
  member: string;
  probe: boolean;
}

interface Waiter {
  grant(ticket: Ticket | null): void;
  fail(error: Error): void;
}

/** The breaker and bulkhead of one tenant's ERP, shared by the fleet. */
class FleetGuard implements Guard {
  private inFlight = 0;
  private readonly waiting: Waiter[] = [];
  private pumping = false;
  private wake: (() => void) | null = null;
  private lastCircuit: CircuitState = 'closed';
  private seq = 0;
  private readonly keys: string[];

  constructor(
    private readonly fleet: FleetProtection,
    private readonly tenantId: string,
    private readonly erpName: string,
    private readonly options: TenantGuardOptions,
    /** Used while Redis is away. */
    private readonly local: Guard,
  ) {
    // One hash tag per tenant keeps its keys in one slot of a Redis Cluster (the scripts need it).
    const base = fleet.key('erp', `{${tenantId}}`);
    this.keys = ['open', 'tripped', 'probe', 'slots', 'failures'].map((k) => `${base}:${k}`);
  }

  get circuit(): CircuitState {
    return this.fleet.usable() ? this.lastCircuit : this.local.circuit;
  }

  get active(): number {
    return this.inFlight + this.local.active;
  }

  get queued(): number {
    return this.waiting.length + this.local.queued;
  }

  private get slotMs(): number {
    return this.options.deadlineMs + SLOT_GRACE_MS;
  }

  async run<T>(
    work: () => Promise<T>,
    isFailure: (error: unknown) => boolean,
    signal?: AbortSignal,
  ): Promise<T> {
    if (!this.fleet.usable()) return this.local.run(work, isFailure, signal);
    const ticket = await this.enter(signal);
    if (ticket === null) return this.local.run(work, isFailure, signal);
    this.inFlight++;
    let outcome: 'success' | 'failure' | 'neutral' = 'success';
    try {
      return await work();
    } catch (error) {
      outcome = isFailure(error) ? 'failure' : 'neutral';
      throw error;
    } finally {
      this.inFlight--;
      // Waited for, so the next call anywhere in the fleet sees a circuit this one opened.
      await this.leave(ticket, outcome);
    }
  }

  /** A slot in the fleet (null: Redis is away, run locally), or the reason there is none. */
  private async enter(signal?: AbortSignal): Promise<Ticket | null> {
    if (this.waiting.length === 0) {
      const first = await this.tryEnter();
      if (first !== 'busy') return first;
    }
    if (this.waiting.length >= this.options.maxQueued) {
      throw new PonteError('ERP_UNAVAILABLE', `too many calls waiting for ${this.erpName}`, {
        retryAfterSeconds: 1,
      });
    }
    return new Promise<Ticket | null>((resolve, reject) => {
      const waiter: Waiter = {
        grant: (ticket) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(ticket);
        },
        fail: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(
          new PonteError('ERP_UNAVAILABLE', `no free slot for ${this.erpName} before the deadline`, {
            retryAfterSeconds: 1,
            delivery: 'not_sent',
          }),
        );
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
      void this.pump();
    });
  }

  /** One try at a slot: a ticket, 'busy' (every slot is taken), null (Redis away); throws when open. */
  private async tryEnter(): Promise<Ticket | null | 'busy'> {
    if (!this.fleet.usable()) return null;
    const member = `${this.fleet.instance}:${++this.seq}`;
    let answer: [number, number];
    try {
      answer = await this.fleet.redis.ponteEnter(
        this.keys[0]!,
        this.keys[1]!,
        this.keys[2]!,
        this.keys[3]!,
        this.options.maxConcurrent,
        this.slotMs,
        member,
      );
    } catch (error) {
      this.fleet.failed(error);
      return null;
    }
    const [kind, value] = answer;
    if (kind === 1) {
      this.lastCircuit = value === 1 ? 'half_open' : 'closed';
      return { member, probe: value === 1 };
    }
    if (kind === 0) return 'busy';
    this.lastCircuit = kind === -1 ? 'open' : 'half_open';
    throw new PonteError('ERP_UNAVAILABLE', `${this.erpName} is failing: its circuit is open`, {
      retryAfterSeconds: Math.max(1, Math.ceil(value / 1000)),
      delivery: 'not_sent',
    });
  }

  /** Hands slots to the waiting calls in order, asking Redis again until each has one. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiting.length > 0) {
        let got: Ticket | null | 'busy';
        try {
          got = await this.tryEnter();
        } catch (error) {
          // The circuit opened: every waiting call gets the same answer.
          for (const w of this.waiting.splice(0)) w.fail(error as Error);
          break;
        }
        if (got === 'busy') {
          await new Promise<void>((resolve) => {
            const timer = setTimeout(done, SLOT_POLL_MS);
            this.wake = done;
            function done() {
              clearTimeout(timer);
              resolve();
            }
          });
          this.wake = null;
          continue;
        }
        const next = this.waiting.shift();
        if (next !== undefined) next.grant(got);
        else if (got !== null) await this.leave(got, 'unused');
      }
    } finally {
      this.pumping = false;
    }
  }

  private async leave(ticket: Ticket, outcome: 'success' | 'failure' | 'neutral' | 'unused'): Promise<void> {
    try {
      const opened = await this.fleet.redis.ponteLeave(
        this.keys[0]!,
        this.keys[1]!,
        this.keys[2]!,
        this.keys[3]!,
        this.keys[4]!,
        ticket.member,
        outcome,
        ticket.probe ? '1' : '0',
        this.options.failureThreshold,
        this.options.openMs,
        FORGET_MS,
      );
      if (opened === 2) {
        this.lastCircuit = 'open';
        // LEAVE answers 2 to the one call that opened the shared circuit; a failed probe re-opens
        // it, which is the same outage.
        if (!ticket.probe) this.fleet.listener?.(this.tenantId, this.erpName, 'opened');
      } else if (ticket.probe && (outcome === 'success' || outcome === 'neutral')) {
        this.lastCircuit = 'closed';
        this.fleet.listener?.(this.tenantId, this.erpName, 'closed');
      }
    } catch (error) {
      // The slot expires by itself within its lifetime.
      this.fleet.failed(error);
    }
    this.wake?.();
  }
}
