// The meta endpoints: health, readiness, metrics, the OpenAPI document, the function catalogue
// and the docs page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { errorCatalogue, functionNames } from '../../src/contract/index.js';
import { exampleFunctions, fakeProvider } from '../helpers/fake-provider.js';
import { send } from '../helpers/http.js';
import { startPonte, type RunningPonte } from '../helpers/ponte.js';

const CPF = '52998224725';

/** The value of the sample of `metric` whose labels include all of `labels`, or undefined. */
function sample(text: string, metric: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== metric) continue;
    const found = Object.fromEntries([...m[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(m[3]);
  }
  return undefined;
}

interface JsonSchema {
  type?: string;
  properties?: Record<string, unknown>;
  required?: string[];
}

describe('meta endpoints', () => {
  let ponte: RunningPonte;
  let tenant: { id: string; key: string };

  before(async () => {
    const provider = fakeProvider({ id: 'fake', functions: exampleFunctions(['get_invoice_pdf']) });
    ponte = await startPonte({ providers: [provider] });
    tenant = await ponte.createTenant('meta', 'fake');
  });
  after(() => ponte.close());

  test('/healthz and /readyz', async () => {
    const health = await send(ponte.url, '/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(health.body, { status: 'ok' });
    const ready = await send(ponte.url, '/readyz');
    assert.equal(ready.status, 200);
    assert.deepEqual(ready.body.status, 'ready');
    assert.deepEqual(ready.body.checks, { database: 'ok' });
    assert.ok(Array.isArray(ready.body.erp_circuits));
  });

  test('/metrics counts calls by function, tenant and outcome, and their duration', async () => {
    assert.equal((await ponte.call('list_products', {}, tenant.key)).status, 200);
    assert.equal((await ponte.call('list_products', {}, tenant.key)).status, 200);
    assert.equal(
      (await ponte.call('get_customer', { customer_document_number: '1' }, tenant.key)).status,
      400,
    );
    assert.equal(
      (await ponte.call('get_invoice_pdf', { invoice_id: '1', customer_document_number: CPF }, tenant.key))
        .status,
      501,
    );
    assert.equal((await ponte.call('list_products', {}, 'pk_nobody')).status, 401);
    assert.equal((await ponte.call('made_up_function_name', {}, tenant.key)).status, 404);
    const metrics = await send(ponte.url, '/metrics');
    assert.equal(metrics.status, 200);
    assert.match(metrics.headers.get('content-type') ?? '', /^text\/plain/);
    const text = metrics.text;
    assert.match(text, /# TYPE ponte_calls_total counter/);
    assert.match(text, /# TYPE ponte_call_duration_seconds histogram/);
    const t = tenant.id;
    assert.equal(
      sample(text, 'ponte_calls_total', { function: 'list_products', tenant: t, outcome: 'ok' }),
      2,
    );
    assert.equal(
      sample(text, 'ponte_calls_total', { function: 'get_customer', tenant: t, outcome: 'INVALID_DOCUMENT' }),
      1,
    );
    assert.equal(
      sample(text, 'ponte_calls_total', { function: 'get_invoice_pdf', tenant: t, outcome: 'NOT_SUPPORTED' }),
      1,
    );
    assert.equal(
      sample(text, 'ponte_calls_total', {
        function: 'list_products',
        tenant: 'unknown',
        outcome: 'UNAUTHENTICATED',
      }),
      1,
    );
    // Names sent by callers never become label values (unbounded series).
    assert.ok(!text.includes('made_up_function_name'));
    assert.equal(
      sample(text, 'ponte_calls_total', { function: 'unknown', tenant: t, outcome: 'UNKNOWN_FUNCTION' }),
      1,
    );
    assert.equal(
      sample(text, 'ponte_call_duration_seconds_count', { function: 'list_products', tenant: t }),
      2,
    );
    assert.equal(
      sample(text, 'ponte_call_duration_seconds_bucket', {
        function: 'list_products',
        tenant: t,
        le: '+Inf',
      }),
      2,
    );
  });

  test('/openapi.json is OpenAPI 3.1.0 with one path per function, each with its request schema', async () => {
    const answer = await send(ponte.url, '/openapi.json');
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /application\/json/);
    const doc = answer.body as {
      openapi: string;
      paths: Record<
        string,
        {
          post: {
            operationId: string;
            requestBody: { content: { 'application/json': { schema: JsonSchema } } };
            responses: Record<string, unknown>;
          };
        }
      >;
    };
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(
      Object.keys(doc.paths)
        .filter((p) => p.startsWith('/v1/functions/'))
        .sort(),
      functionNames.map((n) => `/v1/functions/${n}`).sort(),
    );
    for (const name of functionNames) {
      const op = doc.paths[`/v1/functions/${name}`]!.post;
      assert.equal(op.operationId, name);
      const schema = op.requestBody.content['application/json'].schema;
      assert.equal(schema.type, 'object', name);
      assert.equal(typeof schema.properties, 'object', name);
      assert.ok(op.responses['200'], name);
      for (const status of new Set(Object.values(errorCatalogue).map((e) => String(e.status)))) {
        assert.ok(op.responses[status], `${name} documents ${status}`);
      }
    }
    const settle =
      doc.paths['/v1/functions/settle_bill']!.post.requestBody.content['application/json'].schema;
    assert.deepEqual([...(settle.required ?? [])].sort(), [
      'boleto_id',
      'customer_document_number',
      'transaction',
    ]);
  });

  test('/v1/functions lists the 21 functions with their schemas', async () => {
    const anonymous = await send(ponte.url, '/v1/functions');
    assert.equal(anonymous.status, 200);
    const body = anonymous.body as { provider: unknown; functions: Record<string, unknown>[] };
    assert.equal(body.provider, null);
    assert.equal(body.functions.length, 21);
    assert.deepEqual(
      body.functions.map((f) => f.name),
      [...functionNames],
    );
    for (const f of body.functions) {
      assert.ok(!('supported' in f), 'no support flags without a key');
      assert.equal(typeof f.description, 'string');
      assert.ok(f.kind === 'read' || f.kind === 'write');
      assert.equal((f.input_schema as { type: string }).type, 'object');
      assert.ok(f.output_schema);
    }
    const keyed = await send(ponte.url, '/v1/functions', {
      headers: { authorization: `Bearer ${tenant.key}` },
    });
    const flags = (keyed.body as { functions: { name: string; supported: boolean }[] }).functions;
    assert.deepEqual(
      flags.filter((f) => !f.supported).map((f) => f.name),
      ['get_invoice_pdf'],
    );
    const wrongKey = await send(ponte.url, '/v1/functions', {
      headers: { authorization: 'Bearer pk_nobody' },
    });
    assert.equal(wrongKey.status, 401);
  });

  test('/docs is an HTML page naming every function and every error code', async () => {
    const answer = await send(ponte.url, '/docs');
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(answer.text, /^<!doctype html>/i);
    for (const name of functionNames) assert.ok(answer.text.includes(`id="${name}"`), name);
    for (const code of Object.keys(errorCatalogue))
      assert.ok(answer.text.includes(`<code>${code}</code>`), code);
  });
});
