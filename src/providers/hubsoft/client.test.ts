// Hubsoft's envelope: its status words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { envelopeStatus } from './client.js';

test('envelope status: success, the "suscess" typo, error; anything else is unknown', () => {
  assert.equal(envelopeStatus('success'), 'success');
  assert.equal(envelopeStatus('suscess'), 'success');
  assert.equal(envelopeStatus('error'), 'error');
  assert.equal(envelopeStatus('ok'), null);
  assert.equal(envelopeStatus(undefined), null);
});
