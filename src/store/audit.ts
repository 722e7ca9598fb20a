// The audit record of every call: who called what, the outcome and how long it took. It holds
// no request or response bodies, so no personal data.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AuditTable, Database } from './schema.js';

export type AuditEntry = Omit<Insertable<AuditTable>, 'id'>;
export type AuditRow = Selectable<AuditTable>;

export class AuditRepo {
  private buffer: AuditEntry[] = [];
  private flushing: Promise<void> | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  /** Queues an entry; entries are written in batches so the call path never waits for the audit. */
  record(entry: AuditEntry): void {
    this.buffer.push(entry);
    if (this.buffer.length >= 200) void this.flush();
  }

  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.db
      .insertInto('audit')
      .values(batch)
      .execute()
      .then(() => undefined)
      .finally(() => {
        this.flushing = null;
      });
    await this.flushing;
  }

  async list(filter: { tenantId?: string; limit: number }): Promise<AuditRow[]> {
    await this.flush();
    let q = this.db.selectFrom('audit').selectAll();
    if (filter.tenantId !== undefined) q = q.where('tenant_id', '=', filter.tenantId);
    return q.orderBy('id', 'desc').limit(filter.limit).execute();
  }
}
