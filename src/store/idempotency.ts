// Idempotency records: the first call with a given key claims it (insert of a 'pending' row, which
// the primary key makes atomic across processes), duplicates replay its stored outcome.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export type Claim =
  | { state: 'claimed' }
  | { state: 'conflict' }
  | { state: 'pending'; since: string | null }
  | { state: 'done'; statusCode: number; response: string };

export interface IdempotencyKey {
  tenantId: string;
  fn: string;
  key: string;
}

export class IdempotencyRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async claim(id: IdempotencyKey, fingerprint: string, now: Date): Promise<Claim> {
    const at = now.toISOString();
    const inserted = await this.db
      .insertInto('idempotency')
      .values({
        tenant_id: id.tenantId,
        function: id.fn,
        key: id.key,
        fingerprint,
        state: 'pending',
        status_code: null,
        response: null,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { state: 'claimed' };
    return this.peek(id, fingerprint);
  }

  async peek(id: IdempotencyKey, fingerprint: string): Promise<Claim> {
    const row = await this.db
      .selectFrom('idempotency')
      .selectAll()
      .where('tenant_id', '=', id.tenantId)
      .where('function', '=', id.fn)
      .where('key', '=', id.key)
      .executeTakeFirst();
    // Released between our insert attempt and this read: the caller claims again.
    if (!row) return { state: 'pending', since: null };
    if (row.fingerprint !== fingerprint) return { state: 'conflict' };
    if (row.state === 'done' && row.status_code !== null && row.response !== null) {
      return { state: 'done', statusCode: row.status_code, response: row.response };
    }
    return { state: 'pending', since: row.updated_at };
  }

  /**
   * Takes over a claim left pending since `since` (its process died mid-call). Only one caller
   * wins: the update matches the old timestamp.
   */
  async takeOver(id: IdempotencyKey, since: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('idempotency')
      .set({ updated_at: now.toISOString() })
      .where('tenant_id', '=', id.tenantId)
      .where('function', '=', id.fn)
      .where('key', '=', id.key)
      .where('state', '=', 'pending')
      .where('updated_at', '=', since)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async complete(id: IdempotencyKey, statusCode: number, response: string, now: Date): Promise<void> {
    await this.db
      .updateTable('idempotency')
      .set({ state: 'done', status_code: statusCode, response, updated_at: now.toISOString() })
      .where('tenant_id', '=', id.tenantId)
      .where('function', '=', id.fn)
      .where('key', '=', id.key)
      .execute();
  }

  /** Gives the key back (the call failed in a way that is safe to try again). */
  async release(id: IdempotencyKey): Promise<void> {
    await this.db
      .deleteFrom('idempotency')
      .where('tenant_id', '=', id.tenantId)
      .where('function', '=', id.fn)
      .where('key', '=', id.key)
      .where('state', '=', 'pending')
      .execute();
  }
}
