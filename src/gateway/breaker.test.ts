import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PonteError } from '../contract/index.js';
import { ErpGuard } from './breaker.js';

const unavailable = () => Promise.reject(new PonteError('ERP_UNAVAILABLE', 'down'));
const isFailure = (e: unknown) => e instanceof PonteError && e.code === 'ERP_UNAVAILABLE';

test('opens after the threshold, fails fast while open, probes once half-open, closes on success', async () => {
  let now = 0;
  const guard = new ErpGuard(
    'ERP',
    { failureThreshold: 3, openMs: 1000, maxConcurrent: 4, maxQueued: 4 },
    () => now,
  );
  let calls = 0;
  const failing = () => {
    calls++;
    return unavailable();
  };
  for (let i = 0; i < 3; i++) await assert.rejects(guard.run(failing, isFailure));
  assert.equal(guard.circuit, 'open');
  await assert.rejects(guard.run(failing, isFailure), /circuit is open/);
  assert.equal(calls, 3, 'an open circuit does not call the ERP');

  now = 1000;
  assert.equal(guard.circuit, 'half_open');
  let release!: () => void;
  const probe = guard.run(() => new Promise<string>((r) => (release = () => r('ok'))), isFailure);
  await assert.rejects(guard.run(failing, isFailure), /circuit is open/, 'only one probe at a time');
  release();
  assert.equal(await probe, 'ok');
  assert.equal(guard.circuit, 'closed');
});

test('a failed probe opens the circuit again', async () => {
  let now = 0;
  const guard = new ErpGuard(
    'ERP',
    { failureThreshold: 1, openMs: 500, maxConcurrent: 4, maxQueued: 4 },
    () => now,
  );
  await assert.rejects(guard.run(unavailable, isFailure));
  now = 600;
  await assert.rejects(guard.run(unavailable, isFailure), /down/);
  assert.equal(guard.circuit, 'open');
});

test('errors that are not the ERP failing do not count', async () => {
  const guard = new ErpGuard('ERP', { failureThreshold: 1, openMs: 500, maxConcurrent: 4, maxQueued: 4 });
  await assert.rejects(guard.run(() => Promise.reject(new PonteError('BILL_NOT_FOUND', 'x')), isFailure));
  assert.equal(guard.circuit, 'closed');
});

test('the bulkhead bounds calls in flight and the queue', async () => {
  const guard = new ErpGuard('ERP', { failureThreshold: 5, openMs: 500, maxConcurrent: 2, maxQueued: 1 });
  const gates: (() => void)[] = [];
  const slow = () => new Promise<void>((r) => gates.push(r));
  const a = guard.run(slow, isFailure);
  const b = guard.run(slow, isFailure);
  const c = guard.run(slow, isFailure);
  await assert.rejects(guard.run(slow, isFailure), /too many calls/);
  await new Promise((r) => setImmediate(r));
  assert.equal(guard.active, 2);
  assert.equal(guard.queued, 1);
  gates.shift()!();
  await a;
  await new Promise((r) => setImmediate(r));
  assert.equal(guard.active, 2, 'the queued call took the freed slot');
  gates.shift()!();
  gates.shift()!();
  await Promise.all([b, c]);
  assert.equal(guard.active, 0);
});

test('the listener hears one opening per outage and one closing, not the failed probes between', async () => {
  let now = 0;
  const changes: string[] = [];
  const guard = new ErpGuard(
    'ERP',
    { failureThreshold: 2, openMs: 500, maxConcurrent: 4, maxQueued: 4 },
    () => now,
    (change) => changes.push(change),
  );
  await assert.rejects(guard.run(unavailable, isFailure));
  assert.deepEqual(changes, []);
  await assert.rejects(guard.run(unavailable, isFailure));
  assert.deepEqual(changes, ['opened']);
  now = 600;
  await assert.rejects(guard.run(unavailable, isFailure), /down/, 'a failed probe');
  now = 1200;
  assert.equal(await guard.run(() => Promise.resolve('ok'), isFailure), 'ok');
  assert.deepEqual(changes, ['opened', 'closed']);
  assert.equal(await guard.run(() => Promise.resolve('ok'), isFailure), 'ok');
  assert.deepEqual(changes, ['opened', 'closed'], 'successes on a closed circuit say nothing');
});
