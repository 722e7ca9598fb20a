import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PonteError } from '../contract/index.js';
import { isStoreUnavailable, storeUnavailableError, StoreUnavailableError } from './unavailable.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

test('what says the database cannot take work now', () => {
  for (const error of [
    withCode('ECONNREFUSED'),
    withCode('57P01', 'terminating connection due to administrator command'),
    withCode('08006'),
    withCode('53300', 'sorry, too many clients already'),
    withCode('SQLITE_BUSY'),
    withCode('SQLITE_IOERR_WRITE'),
    new Error('Connection terminated unexpectedly'),
    new Error('timeout exceeded when trying to connect'),
    new AggregateError([withCode('ECONNREFUSED')], 'connect failed'),
    new Error('query failed', { cause: withCode('ECONNRESET') }),
  ]) {
    assert.equal(isStoreUnavailable(error), true, String(error));
  }
});

test('what does not: bugs and refusals stay INTERNAL', () => {
  for (const error of [
    withCode('23505', 'duplicate key value violates unique constraint'),
    withCode('42P01', 'relation "nope" does not exist'),
    withCode('SQLITE_CONSTRAINT_PRIMARYKEY'),
    new TypeError('cannot read properties of undefined'),
    new PonteError('ERP_UNAVAILABLE', 'Connection terminated'),
    null,
    'ECONNREFUSED',
  ]) {
    assert.equal(isStoreUnavailable(error), false, String(error));
  }
});

test('only a StoreUnavailableError (thrown by the store itself) answers SERVICE_UNAVAILABLE', () => {
  const answer = storeUnavailableError(new StoreUnavailableError(withCode('ECONNREFUSED')));
  assert.equal(answer?.code, 'SERVICE_UNAVAILABLE');
  assert.equal(answer?.status, 503);
  assert.ok((answer?.retryAfterSeconds ?? 0) > 0);
  // The same network error from anywhere else (an ERP client) is not the store's.
  assert.equal(storeUnavailableError(withCode('ECONNREFUSED')), undefined);
});
