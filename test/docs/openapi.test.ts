// /openapi.json describes the whole HTTP surface: every route the server registers (the functions,
// the catalogue, health, metrics and the admin API), with servers and a license; and what it says
// about the meta endpoints matches what they answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildOpenApi } from '../../src/http/openapi.js';
import { buildServer } from '../../src/http/server.js';
import { startPonte } from '../helpers/ponte.js';
import { functionNames } from '../../src/contract/index.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Every (METHOD, /path/{param}) the server registers, read from fastify's route tree. */
async function registeredRoutes(ponte: Awaited<ReturnType<typeof startPonte>>): Promise<string[]> {
  const server = buildServer({
    gateway: ponte.app.gateway,
    store: ponte.app.store,
    log: ponte.app.log,
    adminToken: 'x',
  });
  await server.ready();
  const tree = server.printRoutes({ commonPrefix: false });
  await server.close();
  const routes: string[] = [];
  const prefixes: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^(.*?)[└├]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    // Each level of the tree is indented by four characters.
    const depth = m[1]!.length / 4;
    prefixes.length = depth;
    const path = prefixes.join('') + m[2]!;
    prefixes.push(m[2]!);
    for (const method of (m[3] ?? '').split(',').map((x) => x.trim())) {
      if (method === '' || method === 'HEAD') continue;
      routes.push(`${method} ${path.replace(/:([a-z]+)/gi, '{$1}')}`);
    }
  }
  return routes.sort();
}

test('every route the server registers is in the OpenAPI document, and nothing else', async () => {
  const ponte = await startPonte();
  try {
    const doc = buildOpenApi('1.2.3') as { paths: Record<string, Record<string, unknown>> };
    const described = Object.entries(doc.paths)
      .flatMap(([path, item]) =>
        Object.keys(item)
          .filter((k) => (METHODS as readonly string[]).includes(k))
          .map((m) => `${m.toUpperCase()} ${path}`),
      )
      .sort();
    const registered = (await registeredRoutes(ponte))
      // The console (docs/console.md) is pages for people, not API; the generic function route is
      // described once per function.
      .filter((r) => !/ \/console\b/.test(r) && r !== 'POST /v1/functions/{name}');
    const functionsRoutes = functionNames.map((n) => `POST /v1/functions/${n}`);
    assert.deepEqual(
      described.filter((r) => !functionsRoutes.includes(r)),
      registered,
    );
    for (const r of functionsRoutes) assert.ok(described.includes(r), r);
    for (const must of [
      'GET /v1/functions',
      'GET /healthz',
      'GET /readyz',
      'GET /metrics',
      'GET /admin/v1/audit',
    ])
      assert.ok(described.includes(must), must);
  } finally {
    await ponte.close();
  }
});

test('the document has servers, a license that says what package.json says, and admin security', () => {
  const doc = buildOpenApi('1.2.3') as {
    openapi: string;
    info: { version: string; license: { name: string } };
    servers: { url: string }[];
    components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
    paths: Record<string, Record<string, { security?: unknown[]; tags?: string[] }>>;
  };
  assert.equal(doc.openapi, '3.1.0');
  assert.equal(doc.info.version, '1.2.3');
  assert.ok(doc.servers.length > 0 && doc.servers.every((s) => typeof s.url === 'string'));
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    license: string;
  };
  assert.ok(doc.info.license.name.includes(pkg.license), doc.info.license.name);
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const op of Object.values(item)) {
      if (path.startsWith('/admin/')) {
        assert.deepEqual(op.security, [{ adminToken: [] }], path);
        assert.deepEqual(op.tags, ['admin'], path);
      }
    }
  }
  // Every $ref names a schema that exists.
  const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([A-Za-z]+)"/g)].map(
    (m) => m[1]!,
  );
  for (const name of new Set(refs)) assert.ok(name in doc.components.schemas, name);
});

test('/openapi.json served by Ponte is the document, and the meta answers have the described shape', async () => {
  const ponte = await startPonte();
  try {
    const served = (await (await fetch(`${ponte.url}/openapi.json`)).json()) as {
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
    };
    assert.ok(served.paths['/v1/functions']?.get);
    const catalogue = (await (await fetch(`${ponte.url}/v1/functions`)).json()) as {
      provider: null;
      functions: unknown[];
    };
    assert.equal(catalogue.provider, null);
    assert.equal(catalogue.functions.length, functionNames.length);
    assert.deepEqual(await (await fetch(`${ponte.url}/healthz`)).json(), { status: 'ok' });
    const ready = (await (await fetch(`${ponte.url}/readyz`)).json()) as { status: string };
    assert.equal(ready.status, 'ready');
    const metrics = await fetch(`${ponte.url}/metrics`);
    assert.match(metrics.headers.get('content-type') ?? '', /^text\/plain/);
  } finally {
    await ponte.close();
  }
});
