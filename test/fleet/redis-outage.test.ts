// Redis going away mid-run loses no call: two instances on a private redis-server (started and
// killed by this test, never the machine's shared one) keep answering every call with per-process
// protection while it is down, say so in /readyz, the metrics and the log, and go back to shared
// protection by themselves when it is back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { disposeWorld, fleetWorld, READ, reads, type FleetWorld } from '../helpers/fleet.js';
import { callProcess, startPonteProcess, type PonteProcess } from '../helpers/ponte-process.js';
import { privateRedis, skipWithoutRedis, testPrefix, type PrivateRedis } from '../helpers/redis.js';

interface Ready {
  status: string;
  erp_protection: string;
  checks: Record<string, string>;
}

async function ready(p: PonteProcess): Promise<Ready> {
  const res = await fetch(`${p.url}/readyz`);
  assert.equal(res.status, 200, 'the instance stays ready');
  return (await res.json()) as Ready;
}

async function metric(p: PonteProcess, name: string): Promise<string | undefined> {
  const text = await (await fetch(`${p.url}/metrics`)).text();
  return new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1];
}

/** Waits (bounded) until every instance reports `mode`. */
async function until(fleet: PonteProcess[], mode: 'fleet' | 'process'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const modes = await Promise.all(fleet.map(async (p) => (await ready(p)).erp_protection));
    if (modes.every((m) => m === mode)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`the instances did not all report erp_protection: ${mode}`);
}

describe('Redis stopped mid-run', { skip: skipWithoutRedis }, () => {
  let redis: PrivateRedis;
  let w: FleetWorld;
  let fleet: PonteProcess[] = [];

  before(async () => {
    redis = await privateRedis();
    await redis.start();
    w = await fleetWorld(
      { outage: { max_concurrent_calls: 4, rate_limit_per_second: 10_000, cache_ttl_seconds: 0 } },
      { url: redis.url, prefix: testPrefix('outage') },
    );
    fleet = await Promise.all(
      // The first logs at info, so the line saying Redis is back can be read.
      ([{ LOG_LEVEL: 'info' }, {}] as Record<string, string>[]).map((extra) =>
        startPonteProcess({ ...w.env, ...extra }),
      ),
    );
  });
  after(async () => {
    await Promise.all(fleet.map((p) => p.stop()));
    await redis.kill();
    await disposeWorld(w);
  });

  test('loses no call, reports per-process protection, and shares again when Redis is back', async () => {
    const key = w.tenants.outage!.key;
    assert.deepEqual(
      (await Promise.all(fleet.map(ready))).map((r) => [r.erp_protection, r.checks.redis]),
      [
        ['fleet', 'ok'],
        ['fleet', 'ok'],
      ],
    );
    const readsBefore = reads(w.sim);
    const statuses: number[] = [];
    let phase = 'up';
    const perPhase: Record<string, number> = {};
    let running = true;
    const clients = [0, 1, 0, 1].map(async (i) => {
      while (running) {
        const answer = await callProcess(fleet[i]!.url, READ, {}, key);
        statuses.push(answer.status);
        perPhase[phase] = (perPhase[phase] ?? 0) + 1;
      }
    });
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    try {
      await pause(500);
      phase = 'down';
      await redis.kill();
      await until(fleet, 'process');
      for (const p of fleet) {
        const r = await ready(p);
        assert.deepEqual([r.status, r.checks.database, r.checks.redis], ['ready', 'ok', 'unreachable']);
        assert.equal(await metric(p, 'ponte_erp_protection_shared'), '0');
      }
      await pause(1000);
      phase = 'back';
      await redis.start();
      await until(fleet, 'fleet');
      for (const p of fleet) assert.equal(await metric(p, 'ponte_erp_protection_shared'), '1');
      await pause(500);
    } finally {
      running = false;
      await Promise.all(clients);
    }
    assert.ok(statuses.length > 0);
    assert.deepEqual(
      statuses.filter((s) => s !== 200),
      [],
      'every call answered 200, before, during and after the outage',
    );
    assert.equal(reads(w.sim) - readsBefore, statuses.length, 'each call reached the ERP once');
    for (const p of ['up', 'down', 'back']) assert.ok((perPhase[p] ?? 0) > 0, `calls were made while ${p}`);
    const log = fleet[0]!.output();
    assert.match(
      log,
      /Redis is unreachable: ERP rate limits, concurrency caps, circuits and the catalogue cache are per process/,
    );
    assert.match(
      log,
      /Redis is reachable: ERP rate limits, concurrency caps, circuits and the catalogue cache are shared/,
    );
  });
});
