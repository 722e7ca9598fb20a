import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functionNames } from '../../contract/index.js';
import { defaultTenantOptions } from '../tenant-options.js';
import { sandboxProvider } from './index.js';
import { fakeCall, silentLog } from './sandbox.test-helper.js';
import { datasetName, sandboxSettingsSchema } from './settings.js';

test('the sandbox implements every function of the contract', () => {
  assert.deepEqual(Object.keys(sandboxProvider.functions).sort(), [...functionNames].sort());
  assert.equal(functionNames.length, 21);
});

test('settings: all optional, validated, and the dataset defaults to a file-safe tenant id', () => {
  const defaults = sandboxSettingsSchema.parse({});
  assert.deepEqual(
    [
      defaults.customers,
      defaults.seed,
      defaults.trust_unlock_days,
      defaults.trust_unlock_period_days,
      defaults.bank_code,
    ],
    [1000, 1, 3, 30, '341'],
  );
  assert.equal(datasetName(defaults, 'acme'), 'acme');
  assert.equal(datasetName(defaults, '../etc/passwd'), 't___etc_passwd');
  assert.equal(datasetName(sandboxSettingsSchema.parse({ dataset: 'demo' }), 'acme'), 'demo');
  for (const bad of [
    { dataset: '../x' },
    { bank_code: '34' },
    { beneficiary_document: '48037216000159' },
    { beneficiary_name: 'A name much longer than twenty-five characters' },
    { customers: -1 },
    { unknown: true },
  ]) {
    assert.equal(sandboxSettingsSchema.safeParse(bad).success, false, JSON.stringify(bad));
  }
});

test('connect seeds an empty dataset once; a second connection keeps what the first wrote', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ponte-sandbox-connect-'));
  const env = {
    tenantId: 'tenant-a',
    settings: sandboxSettingsSchema.parse({ customers: 50 }),
    options: defaultTenantOptions,
    dataDir,
    log: silentLog,
  };
  try {
    const first = await sandboxProvider.connect(env);
    assert.ok(existsSync(join(dataDir, 'sandbox', 'tenant-a.db')));
    const call = fakeCall(new Date('2026-11-16T12:00:00-03:00'));
    const lead = await sandboxProvider.functions.create_lead!(
      first,
      { lead: { id: 'kept', name: 'Ana', phone: '11987654321' } },
      call,
    );
    const report = await sandboxProvider.check!(first, call);
    assert.equal(report.ok, true);
    assert.match(report.messages.join(' '), /64 customers/);
    await sandboxProvider.close!(first);

    const second = await sandboxProvider.connect({
      ...env,
      settings: sandboxSettingsSchema.parse({ customers: 10 }),
    });
    const again = await sandboxProvider.functions.create_lead!(
      second,
      { lead: { id: 'kept', name: 'Ana', phone: '11987654321' } },
      call,
    );
    assert.deepEqual(again, lead);
    assert.match((await sandboxProvider.check!(second, call)).messages.join(' '), /64 customers/);
    await sandboxProvider.close!(second);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
