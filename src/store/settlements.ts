// Settlements as stored: one row per (tenant, transaction.id), written before the ERP is called,
// and the attempts made on it. Every change of state is a compare-and-set on `updated_at`, so two
// processes (or the request and the worker) can never both act on the same row.
import type { Kysely, Selectable } from 'kysely';
import type { Database, SettlementState, SettlementTable } from './schema.js';

export type SettlementRow = Selectable<SettlementTable>;
export type SettlementAttemptRow = Selectable<Database['settlement_attempts']>;

export const TERMINAL_STATES: ReadonlySet<SettlementState> = new Set([
  'settled',
  'already_settled',
  'rejected',
  'failed',
]);

export class SettlementRepo {
  constructor(private readonly db: Kysely<Database>) {}

  /** Inserts the row unless the transaction is known; true when this call created it. */
  async insert(row: SettlementRow): Promise<boolean> {
    const result = await this.db
      .insertInto('settlements')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async get(tenantId: string, transactionId: string): Promise<SettlementRow | undefined> {
    return this.db
      .selectFrom('settlements')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('transaction_id', '=', transactionId)
      .executeTakeFirst();
  }

  /**
   * Applies `changes` only if the row still has `expectedUpdatedAt`; false when someone else moved
   * it. With `also`, the change and what `also` writes (a webhook event) are one transaction, run
   * only when the compare-and-set won: a settlement never finishes without its event, nor gets
   * one for a change another process made.
   */
  async transition(
    row: Pick<SettlementRow, 'tenant_id' | 'transaction_id' | 'updated_at'>,
    changes: Partial<Omit<SettlementRow, 'tenant_id' | 'transaction_id' | 'created_at'>> & {
      updated_at: string;
    },
    also?: (db: Kysely<Database>) => Promise<void>,
  ): Promise<boolean> {
    if (also !== undefined) {
      return this.db.transaction().execute(async (trx) => {
        const won = await new SettlementRepo(trx).transition(row, changes);
        if (won) await also(trx);
        return won;
      });
    }
    const result = await this.db
      .updateTable('settlements')
      .set(changes)
      .where('tenant_id', '=', row.tenant_id)
      .where('transaction_id', '=', row.transaction_id)
      .where('updated_at', '=', row.updated_at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /**
   * Rows the worker should take up: queued or unknown ones that are due, and rows whose lease ran
   * out while they were being applied (their process died).
   */
  async due(now: string, limit: number): Promise<SettlementRow[]> {
    return this.db
      .selectFrom('settlements')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([
            eb('state', 'in', ['queued', 'unknown', 'waiting_config']),
            eb('next_attempt_at', '<=', now),
          ]),
          eb.and([eb('state', 'in', ['received', 'applying']), eb('lease_until', '<', now)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
  }

  /** Rows being applied under a lease that has not run out (the worker checks whether their holder lives). */
  async leased(now: string, limit: number): Promise<SettlementRow[]> {
    return this.db
      .selectFrom('settlements')
      .selectAll()
      .where('state', 'in', ['received', 'applying'])
      .where('lease_until', '>=', now)
      .orderBy('lease_until')
      .limit(limit)
      .execute();
  }

  async list(filter: { tenantId?: string; state?: string; limit: number }): Promise<SettlementRow[]> {
    let q = this.db.selectFrom('settlements').selectAll();
    if (filter.tenantId !== undefined) q = q.where('tenant_id', '=', filter.tenantId);
    if (filter.state !== undefined) q = q.where('state', '=', filter.state as SettlementState);
    return q.orderBy('created_at', 'desc').limit(filter.limit).execute();
  }

  async recordAttempt(attempt: Omit<SettlementAttemptRow, 'id'>): Promise<void> {
    await this.db.insertInto('settlement_attempts').values(attempt).execute();
  }

  async attempts(tenantId: string, transactionId: string): Promise<SettlementAttemptRow[]> {
    return this.db
      .selectFrom('settlement_attempts')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('transaction_id', '=', transactionId)
      .orderBy('id')
      .execute();
  }
}
