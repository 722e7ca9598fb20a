import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { TokenCache } from './auth.js';
import type { Token } from './auth.js';
import type { CallContext } from '../types.js';

const call: CallContext = {
  requestId: 'r',
  tenantId: 't',
  signal: new AbortController().signal,
  now: new Date(),
  log: pino({ level: 'silent' }),
  warn: () => undefined,
};

function counting(now: () => number, lifetimeMs = 3_600_000) {
  let issued = 0;
  const cache = new TokenCache(async () => {
    issued++;
    await new Promise((r) => setTimeout(r, 5));
    return { value: `t${issued}`, expiresAt: now() + lifetimeMs };
  }, now);
  return { cache, issued: () => issued };
}

test('concurrent callers share one token request', async () => {
  const { cache, issued } = counting(Date.now);
  const tokens = await Promise.all(Array.from({ length: 10 }, () => cache.get(call)));
  assert.equal(issued(), 1);
  assert.ok(tokens.every((t) => t.value === 't1'));
});

test('replacing a refused token costs one request, even when many callers were refused', async () => {
  const { cache, issued } = counting(Date.now);
  const refused: Token = await cache.get(call);
  const fresh = await Promise.all(Array.from({ length: 5 }, () => cache.replace(refused, call)));
  assert.equal(issued(), 2);
  assert.ok(fresh.every((t) => t.value === 't2'));
  // A caller still holding the old token after the replacement gets the new one without a request.
  assert.equal((await cache.replace(refused, call)).value, 't2');
  assert.equal(issued(), 2);
});

test('a token is renewed shortly before it expires', async () => {
  let clock = 1_000_000;
  const { cache, issued } = counting(() => clock, 120_000);
  await cache.get(call);
  clock += 30_000;
  await cache.get(call);
  assert.equal(issued(), 1);
  clock += 40_000;
  await cache.get(call);
  assert.equal(issued(), 2);
});

test('a failed token request is not cached', async () => {
  let fail = true;
  const cache = new TokenCache(() =>
    fail
      ? Promise.reject(new Error('down'))
      : Promise.resolve({ value: 'ok', expiresAt: Date.now() + 3_600_000 }),
  );
  await assert.rejects(cache.get(call), /down/);
  fail = false;
  assert.equal((await cache.get(call)).value, 'ok');
});
