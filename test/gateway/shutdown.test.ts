// Graceful shutdown: a call already running when the server is asked to close still gets its answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { functions } from '../../src/contract/index.js';
import { deferred, exampleOutput, fakeProvider, sleep } from '../helpers/fake-provider.js';
import { startPonte } from '../helpers/ponte.js';

test('a slow call in flight when the server closes still gets its 200', async () => {
  const started = deferred();
  let finished = false;
  const provider = fakeProvider({
    id: 'slow',
    functions: {
      get_customer: async (_conn, _input, call) => {
        started.resolve();
        await sleep(300);
        finished = true;
        assert.equal(call.signal.aborted, false, 'the call was not aborted by the shutdown');
        return exampleOutput('get_customer');
      },
    },
  });
  const ponte = await startPonte({ providers: [provider] });
  const { key } = await ponte.createTenant('slow', 'slow');

  const inFlight = ponte.call('get_customer', functions.get_customer.example, key);
  await started.promise;
  const closeStarted = Date.now();
  const closing = ponte.close();
  const answer = await inFlight;
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(answer.body, exampleOutput('get_customer'));
  assert.ok(finished);
  await closing;
  // The client's keep-alive connection must not hold the shutdown until its timeout (72 s).
  assert.ok(Date.now() - closeStarted < 10_000, `closed in ${Date.now() - closeStarted} ms`);
  await assert.rejects(fetch(`${ponte.url}/healthz`), 'the server no longer listens');
});
