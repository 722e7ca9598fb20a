// The circuit breaker and bulkhead per tenant ERP, through the whole pipeline over HTTP.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PonteError } from '../../src/contract/index.js';
import { exampleFunctions, fakeProvider } from '../helpers/fake-provider.js';
import { send } from '../helpers/http.js';
import { startPonte, type RunningPonte } from '../helpers/ponte.js';

const CPF = '52998224725';
let erpDown = true;
const provider = fakeProvider({
  id: 'flaky',
  displayName: 'Flaky ERP',
  functions: {
    ...exampleFunctions(),
    // The "down" tenant's ERP fails while erpDown; the other tenant's always answers.
    get_customer: (conn) =>
      conn.settings.down === true && erpDown
        ? Promise.reject(new PonteError('ERP_UNAVAILABLE', 'Flaky ERP answered HTTP 503'))
        : exampleFunctions().get_customer!(conn, { customer_document_number: CPF }, undefined as never),
    list_plans: (conn) =>
      new Promise((resolve) => setTimeout(() => resolve([]), conn.settings.slow === true ? 300 : 0)),
  },
});

describe('circuit breaker and bulkhead', () => {
  let ponte: RunningPonte;
  let down: { id: string; key: string };
  let healthy: { id: string; key: string };
  // The gateway's clock: the open period passes by moving it, not by waiting.
  let clock = Date.now();
  before(async () => {
    ponte = await startPonte({ providers: [provider], now: () => new Date(clock) });
    down = await ponte.createTenant(
      'down',
      'flaky',
      { down: true },
      {
        circuit_failure_threshold: 3,
        circuit_open_seconds: 1,
      },
    );
    healthy = await ponte.createTenant('healthy', 'flaky', {}, {});
  });
  after(() => ponte.close());

  test('repeated ERP failures open the circuit: calls then fail without reaching the ERP', async () => {
    for (let i = 0; i < 3; i++) {
      const a = await ponte.call('get_customer', { customer_document_number: CPF }, down.key);
      assert.equal(a.body.error.code, 'ERP_UNAVAILABLE');
    }
    const reached = provider.count('get_customer', down.id);
    const fast = await ponte.call('get_customer', { customer_document_number: CPF }, down.key);
    assert.equal(fast.status, 503);
    assert.match(fast.body.error.message, /circuit is open/);
    assert.ok(Number(fast.headers.get('retry-after')) >= 1);
    assert.equal(provider.count('get_customer', down.id), reached, 'the open circuit spared the ERP');

    const ready = await send(ponte.url, '/readyz');
    const circuit = ready.body.erp_circuits.find((c: { tenant: string }) => c.tenant === down.id);
    assert.equal(circuit.state, 'open');
    const metrics = await send(ponte.url, '/metrics');
    assert.match(String(metrics.text), new RegExp(`ponte_erp_circuit_state\\{tenant="${down.id}"\\} 2`));

    const other = await ponte.call('get_customer', { customer_document_number: CPF }, healthy.key);
    assert.equal(other.status, 200, 'another tenant is not affected');
  });

  test('after the open period one probe goes through, and its success closes the circuit', async () => {
    erpDown = false;
    const still = await ponte.call('get_customer', { customer_document_number: CPF }, down.key);
    assert.match(still.body.error.message, /circuit is open/, 'not before the open period passed');
    clock += 1_100;
    const probe = await ponte.call('get_customer', { customer_document_number: CPF }, down.key);
    assert.equal(probe.status, 200);
    const ready = await send(ponte.url, '/readyz');
    assert.equal(
      ready.body.erp_circuits.find((c: { tenant: string }) => c.tenant === down.id).state,
      'closed',
    );
  });

  test('a client that hangs up does not count against the ERP', async () => {
    const patient = await ponte.createTenant(
      'patient',
      'flaky',
      { slow: true },
      { circuit_failure_threshold: 2 },
    );
    for (let i = 0; i < 4; i++) {
      const controller = new AbortController();
      const pending = fetch(`${ponte.url}/v1/functions/list_plans`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${patient.key}` },
        body: JSON.stringify({ customer_document_number: CPF }),
        signal: controller.signal,
      }).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50));
      controller.abort();
      await pending;
    }
    await new Promise((r) => setTimeout(r, 100));
    const ready = await send(ponte.url, '/readyz');
    assert.equal(
      ready.body.erp_circuits.find((c: { tenant: string }) => c.tenant === patient.id).state,
      'closed',
    );
    assert.equal(
      (await ponte.call('list_plans', { customer_document_number: CPF }, patient.key)).status,
      200,
    );
  });

  test('the bulkhead bounds the calls in flight to one ERP', async () => {
    const slow = await ponte.createTenant('slow', 'flaky', { slow: true }, { max_concurrent_calls: 1 });
    // One slot and a queue of 8: of 12 concurrent calls, 9 are served and 3 fail at once.
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => ponte.call('list_plans', { customer_document_number: CPF }, slow.key)),
    );
    const ok = answers.filter((a) => a.status === 200).length;
    const refused = answers.filter(
      (a) => a.status === 503 && /too many calls/.test(a.body.error.message),
    ).length;
    assert.equal(ok, 9);
    assert.equal(refused, 3);
  });
});
