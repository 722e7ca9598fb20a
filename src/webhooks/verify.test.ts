import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signatureHeader, verifyWebhook } from './verify.js';

const body = JSON.stringify({ id: 'evt_1', type: 'settlement.settled', data: { transaction_id: 'pix-1' } });
const secret = 'whsec_current';
const at = 1_780_000_000;
const clock = (seconds: number) => () => new Date(seconds * 1000);

test('a body signed with the secret verifies', () => {
  const header = signatureHeader(body, [secret], at);
  assert.match(header, /^t=1780000000,v1=[0-9a-f]{64}$/);
  assert.deepEqual(verifyWebhook({ body, header, secrets: secret, now: clock(at + 10) }), {
    ok: true,
    timestamp: at,
  });
});

test('a tampered body, timestamp or signature fails', () => {
  const header = signatureHeader(body, [secret], at);
  const now = clock(at);
  assert.deepEqual(verifyWebhook({ body: body.replace('pix-1', 'pix-2'), header, secrets: secret, now }), {
    ok: false,
    reason: 'no_matching_signature',
  });
  const shifted = header.replace(`t=${at}`, `t=${at + 1}`);
  assert.equal(verifyWebhook({ body, header: shifted, secrets: secret, now }).ok, false);
  assert.equal(verifyWebhook({ body, header, secrets: 'whsec_other', now }).ok, false);
  assert.deepEqual(verifyWebhook({ body, header: 'v1=abc', secrets: secret, now }), {
    ok: false,
    reason: 'malformed',
  });
  assert.equal(verifyWebhook({ body, header: undefined, secrets: secret, now }).ok, false);
});

test('a replay outside the tolerance window fails, however valid its signature', () => {
  const header = signatureHeader(body, [secret], at);
  assert.equal(verifyWebhook({ body, header, secrets: secret, now: clock(at + 300) }).ok, true);
  assert.deepEqual(verifyWebhook({ body, header, secrets: secret, now: clock(at + 301) }), {
    ok: false,
    reason: 'outside_tolerance',
  });
  assert.equal(verifyWebhook({ body, header, secrets: secret, now: clock(at - 301) }).ok, false);
  assert.equal(
    verifyWebhook({ body, header, secrets: secret, now: clock(at + 3600), toleranceSeconds: 7200 }).ok,
    true,
  );
});

test('while a secret is rotated, a delivery signed with both verifies with either', () => {
  const header = signatureHeader(body, ['whsec_new', 'whsec_old'], at);
  const now = clock(at);
  assert.equal(header.split(',').length, 3);
  assert.equal(verifyWebhook({ body, header, secrets: 'whsec_new', now }).ok, true);
  assert.equal(verifyWebhook({ body, header, secrets: 'whsec_old', now }).ok, true);
  assert.equal(verifyWebhook({ body, header, secrets: ['whsec_x', 'whsec_old'], now }).ok, true);
  assert.equal(verifyWebhook({ body, header, secrets: 'whsec_gone', now }).ok, false);
});
