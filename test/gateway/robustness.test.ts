// Whatever a platform sends, Ponte answers with the contract's errors and keeps serving: unicode,
// wrong types in every field, unknown fields, odd bodies and headers, clients that hang up.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { functionNames, functions } from '../../src/contract/index.js';
import { deferred, exampleFunctions, exampleOutput, fakeProvider } from '../helpers/fake-provider.js';
import { assertError, detailPaths, send } from '../helpers/http.js';
import { startPonte, type RunningPonte } from '../helpers/ponte.js';

const CPF = '52998224725';
const UNICODE = 'Olá, ñandú! Sem conexão 😀👨‍👩‍👧 — 中文 עברית Ελληνικά \u2028 \u00a0 café\u0301';

const hungUp = deferred<boolean>();
const started = deferred();

const provider = fakeProvider({
  id: 'fake',
  functions: {
    ...exampleFunctions(),
    get_customer: () => Promise.resolve({ ...exampleOutput('get_customer'), nome_completo: UNICODE }),
    list_plans: (_conn, _input, call) =>
      new Promise(() => {
        started.resolve();
        call.signal.addEventListener('abort', () => hungUp.resolve(true));
      }),
  },
});

type Path = (string | number)[];

/** Every node of a JSON value with its path (the root excluded). */
function nodes(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const here = path.length ? [{ path, value }] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => nodes(v, [...path, i]))];
  if (value !== null && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => nodes(v, [...path, k]))];
  }
  return here;
}

function replaced(root: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path.at(-1)!] = value;
  return copy;
}

/** Values of a type the field can never take. */
function wrongValuesFor(value: unknown): unknown[] {
  if (Array.isArray(value)) return [true, 'text', {}, 42];
  if (value !== null && typeof value === 'object') return [true, 'text', [], 42];
  if (typeof value === 'number') return [true, {}, [], 'not a number'];
  return [true, {}, []];
}

function withExtras(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withExtras);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = { zz_extra: { nested: [1, 'two', null] }, zz_flag: true };
    for (const [k, v] of Object.entries(value)) out[k] = withExtras(v);
    return out;
  }
  return value;
}

describe('robustness', () => {
  let ponte: RunningPonte;
  let key: string;
  const stillServing = async () => {
    const health = await send(ponte.url, '/healthz');
    assert.equal(health.status, 200);
  };

  before(async () => {
    ponte = await startPonte({ providers: [provider] });
    key = (await ponte.createTenant('robust', 'fake')).key;
  });
  after(() => ponte.close());

  test('unicode passes through untouched, both ways', async () => {
    const ticket = {
      ...functions.create_ticket.example,
      message: UNICODE,
      subject: '🛠️ reparo',
      request_id: 'uni-1',
    };
    const answer = await ponte.call('create_ticket', ticket, key);
    assert.equal(answer.status, 200);
    const received = provider.calls.findLast((c) => c.name === 'create_ticket')!.input as Record<
      string,
      unknown
    >;
    assert.equal(received.message, UNICODE);
    assert.equal(received.subject, '🛠️ reparo');
    const customer = await ponte.call('get_customer', { customer_document_number: CPF }, key);
    assert.equal(customer.body.nome_completo, UNICODE);
    assert.match(customer.headers.get('content-type') ?? '', /charset=utf-8/i);
    assertError(await ponte.call(encodeURIComponent('função_😀'), {}, key), 'UNKNOWN_FUNCTION');
    const invalidUtf8 = Buffer.concat([
      Buffer.from('{"customer_document_number":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}'),
    ]);
    const broken = await send(ponte.url, '/v1/functions/get_customer', {
      body: invalidUtf8,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    });
    assertError(broken, 'INVALID_DOCUMENT');
    await stillServing();
  });

  test('a wrong type in any field of any function is INVALID_INPUT naming that field', async () => {
    const callsBefore = provider.calls.length;
    let checked = 0;
    for (const name of functionNames) {
      const example = functions[name].example as unknown;
      for (const node of nodes(example)) {
        const path = node.path.join('.');
        for (const wrong of wrongValuesFor(node.value)) {
          const answer = await ponte.call(name, replaced(example, node.path, wrong), key);
          assertError(answer, 'INVALID_INPUT');
          assert.ok(
            detailPaths(answer).some((p) => p === path || p.startsWith(`${path}.`)),
            `${name} ${path}=${JSON.stringify(wrong)}: ${JSON.stringify(answer.body.error.details)}`,
          );
          await stillServing();
          checked++;
        }
      }
    }
    assert.ok(checked > 300, `${checked} bad requests`);
    assert.equal(provider.calls.length, callsBefore, 'no invalid input reached the provider');
  });

  test('unknown fields, at any depth, are ignored and never reach the provider', async () => {
    for (const name of functionNames.filter((n) => n !== 'list_plans')) {
      const spec = functions[name];
      const answer = await ponte.call(name, withExtras(spec.example), key);
      assert.equal(answer.status, 200, `${name}: ${JSON.stringify(answer.body)}`);
      const received = provider.calls.findLast((c) => c.name === name)!.input;
      assert.deepEqual(received, spec.input.parse(spec.example), name);
    }
  });

  test('odd bodies: empty, no content type, other content types, deep nesting, __proto__', async () => {
    const auth = { authorization: `Bearer ${key}` };
    assert.equal(
      (await send(ponte.url, '/v1/functions/list_products', { method: 'POST', headers: auth })).status,
      200,
    );
    assertError(
      await send(ponte.url, '/v1/functions/get_customer', { method: 'POST', headers: auth }),
      'INVALID_INPUT',
    );
    const bare = await send(ponte.url, '/v1/functions/get_customer', {
      body: Buffer.from(JSON.stringify({ customer_document_number: CPF })),
      headers: auth,
    });
    assert.equal(bare.status, 200, bare.text);
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
    ]) {
      const typed = await send(ponte.url, '/v1/functions/get_customer', {
        body: JSON.stringify({ customer_document_number: CPF }),
        headers: { ...auth, 'content-type': type },
      });
      assert.equal(typed.status, 200, `${type}: ${typed.text}`);
    }
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    assertError(await ponte.call('list_products', deep, key), 'INVALID_INPUT');
    const polluting = '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';
    assert.equal((await ponte.call('list_products', polluting, key)).status, 200);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assertError(await ponte.call('list_bills', 'null', key), 'INVALID_INPUT');
    assertError(await send(ponte.url, '/v1/functions/list_products', { headers: auth }), 'UNKNOWN_FUNCTION');
    await stillServing();
  });

  test('X-Request-Id is echoed when valid and generated otherwise', async () => {
    const given = await ponte.call('list_products', {}, key, { 'x-request-id': 'platform-req:42.a_b-c' });
    assert.equal(given.headers.get('x-request-id'), 'platform-req:42.a_b-c');
    const error = await ponte.call('get_customer', {}, key, { 'x-request-id': 'platform-req-43' });
    assert.equal(error.headers.get('x-request-id'), 'platform-req-43');
    assert.equal(error.body.error.request_id, 'platform-req-43');

    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const seen = new Set<string>();
    for (const header of [undefined, 'has spaces in it', 'x'.repeat(129), '<script>', '']) {
      const answer = await ponte.call(
        'get_customer',
        {},
        key,
        header === undefined ? {} : { 'x-request-id': header },
      );
      const id = answer.headers.get('x-request-id') ?? '';
      assert.match(id, uuid, `for ${String(header)}`);
      assert.equal(answer.body.error.request_id, id);
      seen.add(id);
    }
    assert.equal(seen.size, 5, 'a new id per request');
    const health = await send(ponte.url, '/healthz', { headers: { 'x-request-id': 'health-1' } });
    assert.equal(health.headers.get('x-request-id'), 'health-1');
    assert.match((await send(ponte.url, '/nowhere')).headers.get('x-request-id') ?? '', uuid);
  });

  test('a client that hangs up aborts the provider call, and the server keeps serving', async () => {
    const controller = new AbortController();
    const pending = fetch(`${ponte.url}/v1/functions/list_plans`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ customer_document_number: CPF }),
      signal: controller.signal,
    }).catch((e: unknown) => e);
    await started.promise;
    controller.abort();
    assert.ok((await pending) instanceof Error);
    assert.equal(await hungUp.promise, true);
    await stillServing();
  });

  test('every function answers its example through the pipeline', async () => {
    for (const name of functionNames.filter((n) => n !== 'list_plans')) {
      const answer = await ponte.call(name, functions[name].example, key);
      assert.equal(answer.status, 200, name);
    }
  });
});
