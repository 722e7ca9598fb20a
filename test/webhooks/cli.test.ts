// `ponte webhooks ...` (run in process, as bin/ponte.js runs it): add shows the secret once, list
// and remove, the private-address refusal, test queues an event, deliveries lists it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/output.js';
import { testDatabase, type TestDatabase } from '../helpers/database.js';

let dataDir: string;
let database: TestDatabase;
let env: Record<string, string>;

async function ponte(args: string[], extra: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => void (out += t + '\n'), err: (t) => void (err += t + '\n') };
  const code = await main(args, io, { ...env, ...extra });
  return { code, out, err };
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ponte-webhooks-cli-'));
  database = await testDatabase();
  env = {
    PONTE_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
  };
  const created = await ponte([
    'tenants',
    'create',
    '--name',
    'isp',
    '--provider',
    'sandbox',
    '--settings',
    '{"customers": 0}',
  ]);
  assert.equal(created.code, 0, created.err);
});
after(async () => {
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('webhooks add, list, test, deliveries, remove', async () => {
  const refused = await ponte(['webhooks', 'add', 'isp', '--url', 'http://127.0.0.1:9/hooks']);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /PONTE_WEBHOOKS_ALLOW_PRIVATE/);
  assert.equal((await ponte(['webhooks', 'add', 'isp'])).code, 2, 'needs --url');

  const allow = { PONTE_WEBHOOKS_ALLOW_PRIVATE: 'true' };
  const added = await ponte(
    [
      'webhooks',
      'add',
      'isp',
      '--url',
      'http://127.0.0.1:9/hooks',
      '--events',
      'settlement.settled',
      '--json',
    ],
    allow,
  );
  assert.equal(added.code, 0, added.err);
  const { endpoint, secret } = JSON.parse(added.out);
  assert.match(secret, /^whsec_/);
  assert.deepEqual(endpoint.events, ['settlement.settled']);

  const listed = await ponte(['webhooks', 'list', 'isp', '--json']);
  assert.deepEqual(
    JSON.parse(listed.out).map((e: { id: string }) => e.id),
    [endpoint.id],
  );
  assert.ok(!listed.out.includes(secret), 'the secret is shown once');

  const queued = await ponte(['webhooks', 'test', endpoint.id]);
  assert.equal(queued.code, 0, queued.err);
  assert.match(queued.out, /Queued webhook\.test event evt_/);
  const deliveries = JSON.parse((await ponte(['webhooks', 'deliveries', endpoint.id, '--json'])).out);
  assert.deepEqual(
    deliveries.map((d: { type: string; state: string }) => [d.type, d.state]),
    [['webhook.test', 'pending']],
  );
  const shown = JSON.parse((await ponte(['webhooks', 'show', String(deliveries[0].id)])).out);
  assert.equal(shown.body.type, 'webhook.test');

  const rotated = await ponte(['webhooks', 'rotate', endpoint.id, '--json']);
  assert.notEqual(JSON.parse(rotated.out).secret, secret);

  assert.equal((await ponte(['webhooks', 'remove', endpoint.id])).code, 0);
  assert.deepEqual(JSON.parse((await ponte(['webhooks', 'list', '--json'])).out), []);
  assert.equal((await ponte(['webhooks', 'remove', endpoint.id])).code, 1, 'already removed');
});
