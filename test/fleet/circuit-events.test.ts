// The circuit's changes as the fleet reports them (erp.unavailable / erp.recovered webhooks): two
// FleetProtection objects on one Redis stand for two instances; the opening of the shared circuit
// is heard once, from the instance whose call opened it, and so is its closing by the probe.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import type { Redis } from 'ioredis';
import { FleetProtection } from '../../src/gateway/fleet-protection.js';
import { PonteError } from '../../src/contract/index.js';
import { dropPrefix, redisClient, redisUrl, skipWithoutRedis, testPrefix } from '../helpers/redis.js';

const silent = pino({ level: 'silent' });
const isFailure = (e: unknown) => e instanceof PonteError && e.code === 'ERP_UNAVAILABLE';
const erpDown = () => Promise.reject(new PonteError('ERP_UNAVAILABLE', 'ERP answered HTTP 503'));

describe('circuit changes in fleet mode', { skip: skipWithoutRedis }, () => {
  const prefix = testPrefix('circuit-events');
  let a: FleetProtection;
  let b: FleetProtection;
  let redis: Redis;
  const heard: string[] = [];
  before(async () => {
    a = new FleetProtection({ url: redisUrl!, prefix, log: silent });
    b = new FleetProtection({ url: redisUrl!, prefix, log: silent });
    await Promise.all([a.ready(5_000), b.ready(5_000)]);
    a.onCircuitChange((tenant, _erp, change) => heard.push(`a:${tenant}:${change}`));
    b.onCircuitChange((tenant, _erp, change) => heard.push(`b:${tenant}:${change}`));
    redis = redisClient();
  });
  after(async () => {
    await a.close();
    await b.close();
    await dropPrefix(redis, prefix);
    redis.disconnect();
  });

  test('one opening and one closing for the fleet, from the instances that flipped it', async () => {
    const options = { failureThreshold: 2, openMs: 200, maxConcurrent: 4, maxQueued: 4, deadlineMs: 5_000 };
    const ga = a.guard('t1', 'ERP', options);
    const gb = b.guard('t1', 'ERP', options);
    await assert.rejects(ga.run(erpDown, isFailure), /HTTP 503/);
    await assert.rejects(gb.run(erpDown, isFailure), /HTTP 503/);
    assert.deepEqual(heard, ['b:t1:opened']);
    await assert.rejects(ga.run(erpDown, isFailure), /circuit is open/);
    // Once the circuit lets a probe through: a failed probe opens it again, unheard.
    for (;;) {
      const error = await ga.run(erpDown, isFailure).then(
        () => null,
        (e: unknown) => e as Error,
      );
      if (error && /HTTP 503/.test(error.message)) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.deepEqual(heard, ['b:t1:opened']);
    for (;;) {
      const ok = await gb.run(() => Promise.resolve('ok'), isFailure).catch(() => null);
      if (ok === 'ok') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.deepEqual(heard, ['b:t1:opened', 'b:t1:closed']);
    assert.equal(await ga.run(() => Promise.resolve('ok'), isFailure), 'ok');
    assert.deepEqual(heard, ['b:t1:opened', 'b:t1:closed']);
  });
});
