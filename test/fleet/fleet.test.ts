// Fleet mode: three `ponte serve` processes on one Redis (REDIS_URL) and one store, in front of one
// IXC simulator, protect the ERP as one: the simulator counts what reaches it. A concurrency cap
// of 4 holds across the three, a rate limit holds within 10 % over a run, a circuit opened by one
// instance fails fast on the others, a catalogue list is fetched once for the three, and the slots
// of an instance killed with SIGKILL come back when their lifetime ends.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Redis } from 'ioredis';
import { SLOT_GRACE_MS } from '../../src/gateway/fleet-protection.js';
import { disposeWorld, fleetWorld, READ, reads, TABLE, type FleetWorld } from '../helpers/fleet.js';
import { callProcess, startPonteProcess, type PonteProcess } from '../helpers/ponte-process.js';
import { dropPrefix, redisClient, redisUrl, skipWithoutRedis, testPrefix } from '../helpers/redis.js';

const TENANTS = {
  cap: { max_concurrent_calls: 4, cache_ttl_seconds: 0, deadline_ms: 20_000 },
  rate: { rate_limit_per_second: 20, cache_ttl_seconds: 0 },
  circuit: {
    circuit_failure_threshold: 3,
    circuit_open_seconds: 120,
    cache_ttl_seconds: 0,
    deadline_ms: 3000,
  },
  cache: { cache_ttl_seconds: 300 },
  slots: { max_concurrent_calls: 2, cache_ttl_seconds: 0, deadline_ms: 2000 },
} satisfies Record<string, Record<string, unknown>>;
type TenantName = keyof typeof TENANTS;

describe('three instances on one Redis', { skip: skipWithoutRedis }, () => {
  let w: FleetWorld;
  let fleet: PonteProcess[] = [];
  let redis: Redis;
  const prefix = testPrefix('fleet');
  const call = (p: PonteProcess, tenant: TenantName) => callProcess(p.url, READ, {}, w.tenants[tenant]!.key);

  before(async () => {
    w = await fleetWorld(TENANTS, { url: redisUrl!, prefix });
    redis = redisClient();
    fleet = await Promise.all([0, 1, 2].map(() => startPonteProcess(w.env)));
  });
  after(async () => {
    await Promise.all(fleet.map((p) => p.stop()));
    await dropPrefix(redis, prefix);
    redis.disconnect();
    await disposeWorld(w);
  });

  test('a tenant capped at 4 concurrent ERP calls never has more than 4 in flight across the three', async () => {
    w.sim.faults.set([{ kind: 'latency', resource: TABLE, ms: 100 }]);
    w.sim.state.counters.maxInFlight = 0;
    const before = reads(w.sim);
    try {
      const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => call(fleet[i % 3]!, 'cap')));
      assert.deepEqual(
        answers.map((a) => a.status),
        answers.map(() => 200),
        'every call is answered: the others wait for a slot',
      );
    } finally {
      w.sim.faults.set([]);
    }
    assert.equal(reads(w.sim) - before, 60, 'each call reached the ERP once');
    const highest = w.sim.state.counters.maxInFlight;
    assert.ok(highest <= 4, `at most 4 requests in flight at the simulator, saw ${highest}`);
    assert.ok(highest >= 2, `the calls ran side by side (highest ${highest})`);
  });

  test('a rate limit of 20 per second holds within 10 % across the three, counted at the simulator', async () => {
    const rate = TENANTS.rate.rate_limit_per_second;
    const before = reads(w.sim);
    let ok = 0;
    let limited = 0;
    const seconds = 3.9;
    const started = performance.now();
    const end = started + seconds * 1000;
    await Promise.all(
      [0, 1, 2, 0, 1, 2].map(async (i) => {
        while (performance.now() < end) {
          const answer = await call(fleet[i]!, 'rate');
          if (answer.status === 200) ok++;
          else {
            assert.equal(answer.status, 429, JSON.stringify(answer.body));
            limited++;
            await new Promise((r) => setTimeout(r, 5));
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const reached = reads(w.sim) - before;
    assert.equal(reached, ok, 'every call let through reached the ERP once, no refused one did');
    assert.ok(limited > 0, 'the clients asked for more than the limit');
    const allowed = rate * elapsed;
    assert.ok(
      Math.abs(reached - allowed) <= allowed * 0.1,
      `${reached} ERP requests in ${elapsed.toFixed(2)} s: within 10 % of ${allowed.toFixed(0)}`,
    );
  });

  test('a circuit opened by one instance fails fast on the other two: nothing reaches the ERP from them', async () => {
    w.sim.faults.set([{ kind: 'http503', resource: TABLE }]);
    try {
      let opened = false;
      for (let i = 0; i < 10 && !opened; i++) {
        const answer = await call(fleet[0]!, 'circuit');
        assert.equal(answer.body.error.code, 'ERP_UNAVAILABLE');
        opened = /circuit is open/.test(answer.body.error.message);
      }
      assert.ok(opened, 'the first instance opened the circuit');
      const requests = w.sim.state.counters.requests;
      for (const p of [fleet[1]!, fleet[2]!, fleet[1]!, fleet[2]!]) {
        const answer = await call(p, 'circuit');
        assert.equal(answer.status, 503);
        assert.match(answer.body.error.message, /circuit is open/);
      }
      assert.equal(
        w.sim.state.counters.requests,
        requests,
        'no request reached the simulator from the others',
      );
      const ready = (await (await fetch(`${fleet[2]!.url}/readyz`)).json()) as {
        erp_protection: string;
        checks: Record<string, string>;
        erp_circuits: { tenant: string; state: string }[];
      };
      assert.equal(ready.erp_protection, 'fleet');
      assert.equal(ready.checks.redis, 'ok');
      assert.equal(ready.erp_circuits.find((c) => c.tenant === w.tenants.circuit!.id)?.state, 'open');
    } finally {
      w.sim.faults.set([]);
    }
  });

  test('a catalogue list is fetched once for the three', async () => {
    // Slow enough that the calls on all three arrive while the first fetch is still running.
    w.sim.faults.set([{ kind: 'latency', resource: TABLE, ms: 300 }]);
    const before = reads(w.sim);
    try {
      const together = await Promise.all(Array.from({ length: 15 }, (_, i) => call(fleet[i % 3]!, 'cache')));
      const later = [];
      for (const p of fleet) later.push(await call(p, 'cache'));
      for (const answer of [...together, ...later]) {
        assert.equal(answer.status, 200);
        assert.deepEqual(answer.body, together[0]!.body);
      }
    } finally {
      w.sim.faults.set([]);
    }
    assert.equal(reads(w.sim) - before, 1, 'one fetch for 18 calls on three instances');
  });

  test('the slots of an instance killed with SIGKILL come back within their lifetime', async () => {
    const { id, key } = w.tenants.slots!;
    const slots = `${prefix}erp:{${id}}:slots`;
    const lifetime = TENANTS.slots.deadline_ms + SLOT_GRACE_MS;
    // IXC takes both requests and never answers: the first instance holds both slots.
    w.sim.faults.set([{ kind: 'timeout', resource: TABLE, times: 2 }]);
    const victim = fleet[0]!;
    const lost = [callProcess(victim.url, READ, {}, key), callProcess(victim.url, READ, {}, key)].map((p) =>
      p.catch(() => null),
    );
    while (w.sim.state.counters.inFlight < 2) await new Promise((r) => setTimeout(r, 10));
    await victim.stop('SIGKILL');
    fleet = fleet.slice(1);
    assert.deepEqual(await Promise.all(lost), [null, null], 'the killed instance never answered');

    const [seconds, micros] = await redis.time();
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    const held = await redis.zrangebyscore(slots, '-inf', '+inf', 'WITHSCORES');
    assert.equal(held.length, 4, 'the dead instance still holds two slots');
    for (let i = 1; i < held.length; i += 2) {
      assert.ok(Number(held[i]) - now <= lifetime, 'each expires within its lifetime (Redis time)');
    }

    const requests = w.sim.state.counters.requests;
    const blocked = await callProcess(fleet[0]!.url, READ, {}, key);
    assert.equal(blocked.status, 503, 'no slot within its deadline while the dead slots last');
    assert.match(blocked.body.error.message, /no free slot/);
    assert.equal(w.sim.state.counters.requests, requests, 'nothing was sent while every slot was taken');

    let answer = blocked;
    for (let i = 0; i < 20 && answer.status !== 200; i++) {
      answer = await callProcess(fleet[1]!.url, READ, {}, key);
    }
    assert.equal(answer.status, 200, `the slots came back: ${JSON.stringify(answer.body)}`);
    // The dead slots were taken a few milliseconds apart: once the last of them has run out (by
    // Redis time), none is live. An expired slot may stay in the set until a call purges it.
    const lastExpiry = Math.max(...held.filter((_, i) => i % 2 === 1).map(Number));
    const redisNow = async () => {
      const [s2, us2] = await redis.time();
      return Number(s2) * 1000 + Math.floor(Number(us2) / 1000);
    };
    let later = await redisNow();
    for (let i = 0; i < 200 && later <= lastExpiry; i++) {
      await new Promise((r) => setTimeout(r, 20));
      later = await redisNow();
    }
    assert.ok(later > lastExpiry, 'the dead slots ran out');
    assert.equal(await redis.zcount(slots, later, '+inf'), 0, 'no live slot is left behind');
  });
});
