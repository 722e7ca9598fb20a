// Every error the HTTP server produces is in the contract's shape, with a catalogue code and its
// status, including the ones fastify and Node produce before any route runs: malformed URLs, path
// parameters that are too long, broken HTTP framing, requests arriving while the server closes.
// The requests are written on raw sockets: fetch would normalise or refuse most of them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { errorCatalogue, functions, type ErrorCode } from '../../src/contract/index.js';
import { deferred, exampleFunctions, exampleOutput, fakeProvider, sleep } from '../helpers/fake-provider.js';
import { startPonte, type RunningPonte } from '../helpers/ponte.js';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are asserted field by field
  body: any;
  /** Whether the server closed the connection. */
  closed: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The first final (non-1xx) response in what the server wrote; `head` for answers to HEAD. */
function parseResponse(raw: Buffer, closed: boolean, head = false): RawResponse | undefined {
  let rest = raw;
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) return undefined;
    const [statusLine = '', ...lines] = rest.subarray(0, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
    assert.ok(Number.isInteger(status), `a status line: ${statusLine}`);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    rest = rest.subarray(end + 4);
    if (status < 200) continue;
    const length = head ? 0 : Number(headers['content-length'] ?? NaN);
    let bodyBytes: Buffer;
    if (Number.isFinite(length)) {
      if (rest.length < length) return undefined;
      bodyBytes = rest.subarray(0, length);
    } else {
      if (!closed) return undefined;
      bodyBytes = rest;
    }
    const text = bodyBytes.toString('utf8');
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status, headers, text, body, closed };
  }
}

/** A raw socket to the server: write bytes, then read the answer. */
function rawSocket(url: string) {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  const chunks: Buffer[] = [];
  let closed = false;
  const gone = deferred();
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => undefined);
  socket.on('close', () => {
    closed = true;
    gone.resolve();
  });
  return {
    socket,
    write: (data: string | Buffer) => new Promise<void>((resolve) => socket.write(data, () => resolve())),
    /** The answer, once complete (waits for the close when `waitClose`); fails after `ms`. */
    async answer(options: { waitClose?: boolean; head?: boolean; ms?: number } = {}): Promise<RawResponse> {
      const deadline = Date.now() + (options.ms ?? 5000);
      for (;;) {
        const parsed = parseResponse(Buffer.concat(chunks), closed, options.head);
        if (parsed && (!options.waitClose || closed)) return parsed;
        if (closed && !parsed)
          assert.fail(`closed without a full answer: ${Buffer.concat(chunks).toString()}`);
        if (Date.now() > deadline) {
          socket.destroy();
          assert.fail(
            `no ${options.waitClose ? 'closed ' : ''}answer in time: ${Buffer.concat(chunks).toString()}`,
          );
        }
        await Promise.race([gone.promise, sleep(10)]);
      }
    },
    close: () => socket.destroy(),
  };
}

/** Whether the server still accepts new connections. */
function accepts(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Writes `data` on a new connection and reads the answer. */
async function raw(
  url: string,
  data: string | Buffer,
  options: { halfClose?: boolean; waitClose?: boolean; head?: boolean } = {},
): Promise<RawResponse> {
  const s = rawSocket(url);
  await s.write(data);
  if (options.halfClose) s.socket.end();
  try {
    return await s.answer(options);
  } finally {
    s.close();
  }
}

/** The answer is the contract error `code`, with its catalogue status and the X-Request-Id header as request_id. */
function assertContractError(answer: RawResponse, code: ErrorCode): void {
  const context = `${answer.status} ${answer.text}`;
  assert.equal(answer.status, errorCatalogue[code].status, context);
  assert.match(answer.headers['content-type'] ?? '', /^application\/json/, context);
  const error = (answer.body as { error?: Record<string, unknown> } | undefined)?.error;
  assert.ok(error, `a JSON error body: ${context}`);
  assert.ok(Object.hasOwn(errorCatalogue, String(error.code)), `a catalogue code: ${context}`);
  assert.equal(errorCatalogue[error.code as ErrorCode].status, answer.status, context);
  assert.equal(error.code, code, context);
  assert.equal(typeof error.message, 'string');
  assert.notEqual(error.message, '');
  assert.equal(typeof error.request_id, 'string');
  assert.notEqual(error.request_id, '');
  assert.equal(
    error.request_id,
    answer.headers['x-request-id'],
    `request_id is the X-Request-Id: ${context}`,
  );
  const allowed = new Set(['code', 'message', 'details', 'request_id', 'upstream']);
  for (const field of Object.keys(error)) assert.ok(allowed.has(field), `unexpected error field ${field}`);
}

const ADMIN_TOKEN = 'admin-token-for-http-errors';

describe('HTTP errors outside the routes', () => {
  let ponte: RunningPonte;
  let key: string;
  let auth: string;

  /** A normal call still answers 200 (the server was not disturbed). */
  const stillServing = async () => {
    const answer = await ponte.call('list_products', {}, key);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(answer.body, exampleOutput('list_products'));
  };
  const post = (path: string, body: string, headers = '') =>
    `POST ${path} HTTP/1.1\r\nHost: ponte\r\n${auth}${headers}Content-Type: application/json\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;

  before(async () => {
    ponte = await startPonte({
      providers: [fakeProvider({ id: 'fake', functions: exampleFunctions() })],
      adminToken: ADMIN_TOKEN,
    });
    key = (await ponte.createTenant('http-errors', 'fake')).key;
    auth = `Authorization: Bearer ${key}\r\n`;
  });
  after(() => ponte.close());

  test('a NUL character (\\u0000) anywhere in the body is 400 INVALID_INPUT naming the field', async () => {
    // PostgreSQL cannot store it: before, a settlement or an idempotency record holding one was a 500.
    const body = structuredClone(functions.settle_bill.example) as { transaction: { id: string } };
    body.transaction.id = 'pix\u0000e2e';
    const answer = await ponte.call('settle_bill', body, key);
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    assert.equal(answer.body.error.code, 'INVALID_INPUT');
    assert.deepEqual(
      answer.body.error.details.map((d: { path: string }) => d.path),
      ['transaction.id'],
    );
    const inKey = await ponte.call('list_products', '{"x\\u0000": 1}', key);
    assert.equal(inKey.body.error.code, 'INVALID_INPUT');
    // The escaped backslash followed by "u0000" is plain text, not a NUL.
    assert.equal((await ponte.call('list_products', '{"note": "\\\\u0000"}', key)).status, 200);
    await stillServing();
  });

  test('a function name over 100 characters is 404 UNKNOWN_FUNCTION, as any unknown name', async () => {
    const name = 'a'.repeat(101);
    const answer = await raw(ponte.url, post(`/v1/functions/${name}`, '{}', 'X-Request-Id: long-name-1\r\n'));
    assertContractError(answer, 'UNKNOWN_FUNCTION');
    assert.equal(answer.body.error.request_id, 'long-name-1', 'the given X-Request-Id is echoed');
    // 1,000 characters, and no key: the key is checked first, as for a short unknown name.
    const noKey = await raw(
      ponte.url,
      `POST /v1/functions/${'b'.repeat(1000)} HTTP/1.1\r\nHost: ponte\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    );
    assertContractError(noKey, 'UNAUTHENTICATED');
    assert.match(noKey.body.error.request_id, UUID);
    // Another route's parameter over 100 characters.
    const admin = await raw(
      ponte.url,
      `GET /admin/v1/tenants/${'c'.repeat(101)} HTTP/1.1\r\nHost: ponte\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nConnection: close\r\n\r\n`,
    );
    assertContractError(admin, 'INVALID_INPUT');
    await stillServing();
  });

  test('a malformed percent-escape in the path is 400 INVALID_INPUT', async () => {
    const fn = await raw(ponte.url, post('/v1/functions/%zz', '{}', 'X-Request-Id: bad-url-1\r\n'));
    assertContractError(fn, 'INVALID_INPUT');
    assert.equal(fn.body.error.request_id, 'bad-url-1');
    for (const path of ['/admin/v1/tenants/%E0%A4%A', '/v1/functions/list_%']) {
      const answer = await raw(
        ponte.url,
        `GET ${path} HTTP/1.1\r\nHost: ponte\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nConnection: close\r\n\r\n`,
      );
      assertContractError(answer, 'INVALID_INPUT');
      assert.match(answer.body.error.request_id, UUID, 'a new request id without X-Request-Id');
    }
    await stillServing();
  });

  test('broken HTTP framing is 400 INVALID_INPUT, and the connection is closed', async () => {
    const cases: [string, string, { halfClose?: boolean }?][] = [
      ['not HTTP', 'GARBAGE\r\n\r\n'],
      ['an unknown method', 'FOO /healthz HTTP/1.1\r\nHost: ponte\r\n\r\n'],
      ['a target without a slash', 'GET healthz HTTP/1.1\r\nHost: ponte\r\n\r\n'],
      ['a bad header line', 'GET /healthz HTTP/1.1\r\nHost: ponte\r\nBad Header Line\r\n\r\n'],
      ['headers too large', `GET /healthz HTTP/1.1\r\nHost: ponte\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
      [
        'a Content-Length that is not a number',
        `POST /v1/functions/list_products HTTP/1.1\r\nHost: ponte\r\n${auth}Content-Length: abc\r\n\r\n{}`,
      ],
      [
        'two different Content-Lengths',
        `POST /v1/functions/list_products HTTP/1.1\r\nHost: ponte\r\n${auth}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
      ],
      [
        'Content-Length with chunked encoding',
        `POST /v1/functions/list_products HTTP/1.1\r\nHost: ponte\r\n${auth}Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
      ],
      [
        'a bad chunk size',
        `POST /v1/functions/list_products HTTP/1.1\r\nHost: ponte\r\n${auth}Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
      ],
      [
        'a body shorter than its Content-Length',
        `POST /v1/functions/list_products HTTP/1.1\r\nHost: ponte\r\n${auth}Content-Length: 10\r\n\r\n{}`,
        { halfClose: true },
      ],
    ];
    for (const [what, data, options] of cases) {
      const answer = await raw(ponte.url, data, { ...options, waitClose: true });
      assertContractError(answer, 'INVALID_INPUT');
      assert.match(answer.body.error.request_id, UUID, `${what}: a new request id`);
      assert.equal(answer.headers.connection, 'close', what);
      assert.ok(answer.closed, `${what}: the connection is closed`);
    }
    // A client that resets the connection mid-request gets nothing, and nothing breaks.
    const reset = rawSocket(ponte.url);
    await reset.write(
      'POST /v1/functions/list_products HTTP/1.1\r\nHost: ponte\r\nContent-Length: 100\r\n\r\n{',
    );
    reset.socket.resetAndDestroy();
    await stillServing();
  });

  test('other odd requests answer in the contract shape too (no Host, an unknown Expect, ...)', async () => {
    // Before routing: no Host header on HTTP/1.1, an Expect Ponte cannot meet.
    assertContractError(
      await raw(ponte.url, 'GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n'),
      'INVALID_INPUT',
    );
    assertContractError(
      await raw(ponte.url, post('/v1/functions/list_products', '{}', 'Expect: teapot\r\n')),
      'INVALID_INPUT',
    );
    // Expect: 100-continue is met.
    const continued = await raw(
      ponte.url,
      post('/v1/functions/list_products', '{}', 'Expect: 100-continue\r\n'),
    );
    assert.equal(continued.status, 200, continued.text);
    // HTTP/1.0 needs no Host.
    assert.equal((await raw(ponte.url, 'GET /healthz HTTP/1.0\r\n\r\n')).status, 200);

    // A body over the limit.
    assertContractError(
      await raw(
        ponte.url,
        `POST /v1/functions/list_products HTTP/1.1\r\nHost: ponte\r\n${auth}Content-Length: 2000000\r\nConnection: close\r\n\r\n{}`,
      ),
      'INVALID_INPUT',
    );
    // Any content type, or none, is read as JSON: a valid body is served, a broken one is INVALID_INPUT.
    for (const type of ['image/png', 'multipart/form-data; boundary=x', ';;;', undefined]) {
      const typeHeader = type === undefined ? '' : `Content-Type: ${type}\r\n`;
      const request = (body: string) =>
        `POST /v1/functions/list_products HTTP/1.1\r\nHost: ponte\r\n${auth}${typeHeader}` +
        `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;
      const served = await raw(ponte.url, request('{}'));
      if (served.status !== 200) assertContractError(served, 'INVALID_INPUT');
      assertContractError(await raw(ponte.url, request('{nope')), 'INVALID_INPUT');
    }
    // A GET with a body is served; wrong methods and OPTIONS on known paths are UNKNOWN_FUNCTION.
    const getWithBody = await raw(
      ponte.url,
      'GET /healthz HTTP/1.1\r\nHost: ponte\r\nContent-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{bad}',
    );
    assert.equal(getWithBody.status, 200, getWithBody.text);
    for (const request of [
      `GET /v1/functions/list_products HTTP/1.1\r\nHost: ponte\r\n${auth}Connection: close\r\n\r\n`,
      `PUT /v1/functions HTTP/1.1\r\nHost: ponte\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      'DELETE /healthz HTTP/1.1\r\nHost: ponte\r\nConnection: close\r\n\r\n',
      `OPTIONS /v1/functions/list_products HTTP/1.1\r\nHost: ponte\r\n${auth}Connection: close\r\n\r\n`,
      'OPTIONS * HTTP/1.1\r\nHost: ponte\r\nConnection: close\r\n\r\n',
    ]) {
      assertContractError(await raw(ponte.url, request), 'UNKNOWN_FUNCTION');
    }
    // HEAD answers the headers of the GET (no body): 200 for /healthz, the JSON 404 elsewhere.
    const headHealth = await raw(
      ponte.url,
      'HEAD /healthz HTTP/1.1\r\nHost: ponte\r\nConnection: close\r\n\r\n',
      { head: true },
    );
    assert.equal(headHealth.status, 200);
    const headFn = await raw(
      ponte.url,
      `HEAD /v1/functions/list_products HTTP/1.1\r\nHost: ponte\r\n${auth}Connection: close\r\n\r\n`,
      { head: true },
    );
    assert.equal(headFn.status, 404);
    assert.match(headFn.headers['content-type'] ?? '', /^application\/json/);
    assert.ok(headFn.headers['x-request-id']);
    await stillServing();
  });
});

test('a request arriving while the server closes is 503 SERVICE_UNAVAILABLE with Retry-After; the call in flight finishes', async () => {
  const started = deferred();
  const release = deferred();
  const provider = fakeProvider({
    id: 'slow',
    functions: {
      ...exampleFunctions(),
      get_customer: async () => {
        started.resolve();
        await release.promise;
        return exampleOutput('get_customer');
      },
    },
  });
  const ponte = await startPonte({ providers: [provider] });
  const { key } = await ponte.createTenant('slow', 'slow');
  const inFlight = ponte.call('get_customer', { customer_document_number: '52998224725' }, key);
  await started.promise;

  // A connection with a request begun (not idle, so close() does not drop it) and finished after
  // the close started.
  const late = rawSocket(ponte.url);
  await late.write('POST /v1/functions/list_products HTTP/1.1\r\nHost: ponte\r\n');
  await sleep(50);
  const closing = ponte.close();
  // The listener is closed after the preClose hooks ran: once new connections are refused, the
  // server is closing.
  while (await accepts(ponte.url)) await sleep(10);
  await late.write(
    `Authorization: Bearer ${key}\r\nX-Request-Id: late-1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`,
  );
  const answer = await late.answer();
  assertContractError(answer, 'SERVICE_UNAVAILABLE');
  assert.equal(answer.body.error.request_id, 'late-1');
  assert.ok(Number(answer.headers['retry-after']) >= 1, `Retry-After: ${answer.headers['retry-after']}`);
  assert.equal(answer.headers.connection, 'close');
  assert.equal(provider.count('list_products'), 0, 'nothing was done');

  release.resolve();
  const finished = await inFlight;
  assert.equal(finished.status, 200, JSON.stringify(finished.body));
  assert.deepEqual(finished.body, exampleOutput('get_customer'));
  await closing;
  late.close();
});
