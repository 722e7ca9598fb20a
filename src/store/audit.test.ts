import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { AuditRepo, type AuditEntry } from './audit.js';
import { Store } from './index.js';

function entry(requestId: string): AuditEntry {
  return {
    at: '2026-11-28T12:00:00.000Z',
    request_id: requestId,
    tenant_id: 't1',
    key_id: 'k1',
    function: 'list_bills',
    outcome: 'ok',
    latency_ms: 3,
  };
}

describe('AuditRepo', () => {
  let dir: string;
  let store: Store;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ponte-audit-'));
    store = await Store.open({ dataDir: dir });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('entries the database refuses stay queued, are reported, and are written by a later flush', async () => {
    const errors: number[] = [];
    const repo = new AuditRepo(store.db, (_error, queued) => errors.push(queued));
    // The table disappears for a while, as when the database is unreachable.
    await sql`ALTER TABLE audit RENAME TO audit_away`.execute(store.db);
    try {
      for (let i = 0; i < 250; i++) repo.record(entry(`refused-${i}`));
      // The 200th entry started a flush in the background; it must not become an unhandled rejection.
      await assert.rejects(repo.flush());
      assert.ok(errors.length >= 1);
      assert.equal(errors.at(-1), 250);
      // Recording more while the database is down neither throws nor starts a flush per call.
      for (let i = 250; i < 450; i++) repo.record(entry(`refused-${i}`));
    } finally {
      await sql`ALTER TABLE audit_away RENAME TO audit`.execute(store.db);
    }
    await repo.flush();
    const rows = await store.db
      .selectFrom('audit')
      .select('request_id')
      .where('request_id', 'like', 'refused-%')
      .execute();
    assert.equal(rows.length, 450);
    assert.equal(new Set(rows.map((r) => r.request_id)).size, 450);
    assert.equal(repo.dropped, 0);
  });
});
