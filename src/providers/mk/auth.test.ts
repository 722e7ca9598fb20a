import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseExpire, TokenCache } from './auth.js';
import type { MkToken } from './auth.js';
import { testCall } from './test-call.js';

test('Expire is Brasília wall-clock time (UTC−03:00)', () => {
  assert.equal(parseExpire('30/10/2020 17:50:56'), Date.parse('2020-10-30T20:50:56Z'));
  assert.equal(parseExpire('31/12/2026 23:30:00'), Date.parse('2027-01-01T02:30:00Z'));
  assert.equal(parseExpire('31/02/2026 10:00:00'), null);
  assert.equal(parseExpire(''), null);
  assert.equal(parseExpire(undefined), null);
});

function counting(now: () => number, usesLeft: number | null = null) {
  let issued = 0;
  const cache = new TokenCache(async () => {
    issued++;
    await new Promise((r) => setTimeout(r, 2));
    const token: MkToken = { value: `t${issued}`, expiresAt: now() + 3_600_000, services: [9999], usesLeft };
    return token;
  }, now);
  return { cache, issued: () => issued };
}

test('one token until shortly before it expires, on the injected clock; concurrent callers share it', async () => {
  let clock = 1_000_000;
  const { cache, issued } = counting(() => clock);
  const call = testCall();
  const first = await Promise.all(Array.from({ length: 5 }, () => cache.get(call)));
  assert.equal(issued(), 1);
  assert.ok(first.every((t) => t.value === 't1'));
  clock += 3_600_000 - 31_000;
  assert.equal((await cache.get(call)).value, 't1');
  clock += 2_000;
  assert.equal((await cache.get(call)).value, 't2');
  assert.equal(issued(), 2);
});

test('a dropped token is replaced once; a replacement by another caller is kept', async () => {
  const { cache, issued } = counting(() => 0);
  const call = testCall();
  const refused = await cache.get(call);
  cache.drop(refused);
  const fresh = await cache.get(call);
  cache.drop(refused);
  assert.equal((await cache.get(call)).value, fresh.value);
  assert.equal(issued(), 2);
});

test('a token with LimiteUso serves that many requests', async () => {
  const { cache, issued } = counting(() => 0, 2);
  const call = testCall();
  await cache.get(call);
  await cache.get(call);
  assert.equal(issued(), 1);
  await cache.get(call);
  assert.equal(issued(), 2);
});
