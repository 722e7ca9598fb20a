// The fleet's shared protection, in one process: two FleetProtection objects on one Redis stand
// for two instances. Each work function counts its own runs, so what "reached the ERP" is counted,
// never timed. Then the same object pointed at a Redis that is not there: nothing fails.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import type { Redis } from 'ioredis';
import { FleetProtection } from '../../src/gateway/fleet-protection.js';
import type { TenantGuardOptions } from '../../src/gateway/protection.js';
import { PonteError } from '../../src/contract/index.js';
import { dropPrefix, redisClient, redisUrl, skipWithoutRedis, testPrefix } from '../helpers/redis.js';

const silent = pino({ level: 'silent' });
const isFailure = (e: unknown) => e instanceof PonteError && e.code === 'ERP_UNAVAILABLE';
const erpDown = () => Promise.reject(new PonteError('ERP_UNAVAILABLE', 'ERP answered HTTP 503'));
const guardOptions = (o: Partial<TenantGuardOptions> = {}): TenantGuardOptions => ({
  failureThreshold: 2,
  openMs: 60_000,
  maxConcurrent: 2,
  maxQueued: 16,
  deadlineMs: 5_000,
  ...o,
});

/** A promise and the function that settles it. */
function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('fleet protection shared by two instances', { skip: skipWithoutRedis }, () => {
  const prefix = testPrefix('protection');
  let a: FleetProtection;
  let b: FleetProtection;
  let redis: Redis;
  before(async () => {
    a = new FleetProtection({ url: redisUrl!, prefix, log: silent });
    b = new FleetProtection({ url: redisUrl!, prefix, log: silent });
    await Promise.all([a.ready(5_000), b.ready(5_000)]);
    redis = redisClient();
  });
  after(async () => {
    await a.close();
    await b.close();
    await dropPrefix(redis, prefix);
    redis.disconnect();
  });

  test('both report fleet mode', () => {
    assert.deepEqual(a.status(), { erp_protection: 'fleet', checks: { redis: 'ok' } });
  });

  test('failures seen by either instance add up and open the circuit for both', async () => {
    const ga = a.guard('t-circuit', 'ERP', guardOptions());
    const gb = b.guard('t-circuit', 'ERP', guardOptions());
    await assert.rejects(ga.run(erpDown, isFailure), /HTTP 503/);
    await assert.rejects(gb.run(erpDown, isFailure), /HTTP 503/);
    let reached = 0;
    for (const g of [ga, gb]) {
      await assert.rejects(
        g.run(() => Promise.resolve(reached++), isFailure),
        (e: PonteError) => /circuit is open/.test(e.message) && (e.retryAfterSeconds ?? 0) >= 59,
      );
    }
    assert.equal(reached, 0, 'nothing reached the ERP once the circuit was open');
    assert.equal(gb.circuit, 'open');
  });

  test('after the open period one probe goes through for the whole fleet, and its success closes it', async () => {
    const options = guardOptions({ failureThreshold: 1, openMs: 200 });
    const ga = a.guard('t-probe', 'ERP', options);
    const gb = b.guard('t-probe', 'ERP', options);
    await assert.rejects(ga.run(erpDown, isFailure), /HTTP 503/);
    // Waits for Redis's own clock to end the open period (the key's TTL), not for a local timer.
    while ((await redis.pttl(`${prefix}erp:{t-probe}:open`)) > 0) await new Promise((r) => setTimeout(r, 20));
    const probe = gate();
    let reached = 0;
    const first = ga.run(async () => {
      reached++;
      await probe.promise;
    }, isFailure);
    // While the probe is out, the other instance fails fast.
    while (reached === 0) await new Promise((r) => setTimeout(r, 5));
    await assert.rejects(
      gb.run(() => Promise.resolve(reached++), isFailure),
      /circuit is open/,
    );
    probe.open();
    await first;
    await gb.run(() => Promise.resolve(reached++), isFailure);
    assert.equal(reached, 2, 'the probe, then a normal call once it succeeded');
    assert.equal(gb.circuit, 'closed');
  });

  test('the concurrency cap holds across the two; a waiting call gets the slot freed elsewhere', async () => {
    const ga = a.guard('t-cap', 'ERP', guardOptions({ maxConcurrent: 2 }));
    const gb = b.guard('t-cap', 'ERP', guardOptions({ maxConcurrent: 2 }));
    let running = 0;
    let highest = 0;
    const release = gate();
    const work = async () => {
      highest = Math.max(highest, ++running);
      await release.promise;
      running--;
    };
    const calls = [
      ga.run(work, isFailure),
      gb.run(work, isFailure),
      gb.run(work, isFailure),
      ga.run(work, isFailure),
    ];
    while (running < 2 || ga.queued + gb.queued < 2) await new Promise((r) => setTimeout(r, 5));
    assert.equal(await redis.zcard(`${prefix}erp:{t-cap}:slots`), 2, 'two slots taken, two calls waiting');
    release.open();
    await Promise.all(calls);
    assert.equal(highest, 2, 'never more than 2 at once in the two instances');
    assert.equal(await redis.zcard(`${prefix}erp:{t-cap}:slots`), 0, 'every slot was given back');
  });

  test('a call waiting for a slot gives up at its deadline without reaching the ERP', async () => {
    const g = a.guard('t-wait', 'ERP', guardOptions({ maxConcurrent: 1 }));
    const other = b.guard('t-wait', 'ERP', guardOptions({ maxConcurrent: 1 }));
    const release = gate();
    const holder = other.run(() => release.promise, isFailure);
    while ((await redis.zcard(`${prefix}erp:{t-wait}:slots`)) === 0)
      await new Promise((r) => setTimeout(r, 5));
    const stop = new AbortController();
    let reached = 0;
    const waiting = g.run(() => Promise.resolve(reached++), isFailure, stop.signal);
    stop.abort();
    await assert.rejects(waiting, /no free slot/);
    release.open();
    await holder;
    assert.equal(reached, 0);
  });

  test('the rate limit is one budget for the two', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).take('t-rate', 3)),
    );
    assert.equal(answers.filter((w) => w === 0).length, 3, 'three calls in the second, from both');
    assert.ok(
      answers.filter((w) => w > 0).every((w) => w === 1),
      'the others wait a second',
    );
  });

  test('a catalogue value is loaded once for the two, and read by both', async () => {
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 100));
      return [{ codigo: '1', nome: 'Fibra 500', valor: '99.90' }];
    };
    const values = await Promise.all([
      a.cached('t-cache:list_products:v1', 60_000, load, 5_000),
      b.cached('t-cache:list_products:v1', 60_000, load, 5_000),
      b.cached('t-cache:list_products:v1', 60_000, load, 5_000),
    ]);
    assert.equal(loads, 1);
    for (const v of values) assert.deepEqual(v, values[0]);
    assert.deepEqual(await a.cached('t-cache:list_products:v1', 60_000, load, 5_000), values[0]);
    assert.equal(loads, 1);
  });
});

describe('fleet protection without a Redis to reach', () => {
  test('protects the process on its own and never fails a call for it', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const p = new FleetProtection({ url: 'redis://127.0.0.1:1', prefix: 'none:', log: silent });
    try {
      await p.ready(300);
      assert.deepEqual(p.status(), { erp_protection: 'process', checks: { redis: 'unreachable' } });
      assert.equal(await p.take('t', 1), 0);
      assert.ok((await p.take('t', 1)) > 0, "the process's own limit still holds");
      let loads = 0;
      const load = () => Promise.resolve(++loads);
      assert.equal(await p.cached('k', 60_000, load, 1_000), 1);
      assert.equal(await p.cached('k', 60_000, load, 1_000), 1, "the process's own cache");
      const g = p.guard('t', 'ERP', guardOptions({ failureThreshold: 1 }));
      assert.equal(await g.run(() => Promise.resolve('ok'), isFailure), 'ok');
      await assert.rejects(g.run(erpDown, isFailure), /HTTP 503/);
      await assert.rejects(
        g.run(() => Promise.resolve('ok'), isFailure),
        /circuit is open/,
        "the process's own breaker",
      );
    } finally {
      await p.close();
    }
  });
});
