// The master key check: an instance whose master key cannot open the store's secrets refuses to
// start and says which setting is wrong, instead of starting and answering 500 to every call of
// the tenants it cannot decrypt. On PostgreSQL an instance without PONTE_MASTER_KEY (and without
// a key file) refuses a database that already holds tenants rather than invent a key of its own.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { MasterKeyError, Store } from '../../src/store/index.js';
import { testDatabase, type TestDatabase } from '../helpers/database.js';
import { callProcess, startPonteProcess } from '../helpers/ponte-process.js';

const KEY = randomBytes(32).toString('hex');
const OTHER_KEY = randomBytes(32).toString('hex');

describe('the master key check', () => {
  let dataDir: string;
  let database: TestDatabase;
  let env: Record<string, string>;
  let key: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ponte-key-'));
    database = await testDatabase();
    env = { PONTE_DATA_DIR: dataDir, ...(database.url ? { DATABASE_URL: database.url } : {}) };
    const app = await openApp(loadConfig({ ...env, PONTE_MASTER_KEY: KEY }), pino({ level: 'silent' }));
    try {
      const created = await app.admin.createTenant({
        name: 'isp',
        provider: 'ixc',
        settings: { base_url: 'http://127.0.0.1:9/webservice/v1', token: '1:secret-token' },
      });
      key = created.api_key;
    } finally {
      await app.close();
    }
  });
  after(async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the right key opens the store again, and its tenant works', async () => {
    const ponte = await startPonteProcess({ ...env, PONTE_MASTER_KEY: KEY });
    try {
      const answer = await callProcess(ponte.url, 'list_commercial_origins', {}, key);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
    } finally {
      await ponte.stop();
    }
  });

  test('an instance with another PONTE_MASTER_KEY refuses to start and names the setting', async () => {
    await assert.rejects(startPonteProcess({ ...env, PONTE_MASTER_KEY: OTHER_KEY }), (error: Error) => {
      assert.match(error.message, /ponte serve exited/, 'it stopped before listening');
      assert.match(error.message, /PONTE_MASTER_KEY cannot decrypt the secrets stored in this database/);
      assert.doesNotMatch(error.message, /Ponte is listening/);
      return true;
    });
  });

  test('a key file that is not the store key is refused too', async () => {
    // On SQLite the store is the data directory's own file: the wrong key file goes beside it.
    const dir = database.url ? mkdtempSync(join(tmpdir(), 'ponte-key-file-')) : dataDir;
    const file = join(dir, 'master.key');
    writeFileSync(file, `${OTHER_KEY}\n`, { mode: 0o600 });
    try {
      await assert.rejects(
        Store.open({ dataDir: dir, databaseUrl: database.url }),
        (error: Error) =>
          error instanceof MasterKeyError &&
          /the key file .*master\.key \(PONTE_MASTER_KEY is not set\) cannot decrypt/.test(error.message),
      );
    } finally {
      if (dir === dataDir) rmSync(file);
      else rmSync(dir, { recursive: true, force: true });
    }
  });

  test(
    'on PostgreSQL, no PONTE_MASTER_KEY and no key file: refuses a store that holds tenants, makes no key',
    { skip: process.env.DATABASE_URL ? false : 'needs DATABASE_URL (PostgreSQL)' },
    async () => {
      const fresh = mkdtempSync(join(tmpdir(), 'ponte-key-none-'));
      try {
        await assert.rejects(
          Store.open({ dataDir: fresh, databaseUrl: database.url }),
          (error: Error) =>
            error instanceof MasterKeyError && /PONTE_MASTER_KEY is not set/.test(error.message),
        );
        await assert.rejects(
          startPonteProcess({ PONTE_DATA_DIR: fresh, DATABASE_URL: database.url! }),
          /PONTE_MASTER_KEY is not set, and this PostgreSQL database already holds tenants/,
        );
        assert.equal(existsSync(join(fresh, 'master.key')), false, 'no key of its own was invented');
      } finally {
        rmSync(fresh, { recursive: true, force: true });
      }
    },
  );
});
