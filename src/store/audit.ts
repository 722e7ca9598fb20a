// The audit record of every call: who called what, the outcome and how long it took. It holds
// no request or response bodies, so no personal data.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AuditTable, Database } from './schema.js';

export type AuditEntry = Omit<Insertable<AuditTable>, 'id'>;
export type AuditRow = Selectable<AuditTable>;

/** Entries kept while the database refuses them; beyond this the oldest are dropped (and counted). */
const MAX_QUEUED = 50_000;
/** After a failed write, batches wait for the periodic flush instead of retrying on every call. */
const RETRY_AFTER_FAILURE_MS = 1_000;

export class AuditRepo {
  private buffer: AuditEntry[] = [];
  private flushing: Promise<void> | null = null;
  private failedAt = 0;
  /** Entries dropped because the database refused writes for too long. */
  dropped = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly onError: (error: unknown, queued: number) => void = () => undefined,
  ) {}

  /** Queues an entry; entries are written in batches so the call path never waits for the audit. */
  record(entry: AuditEntry): void {
    this.buffer.push(entry);
    if (this.buffer.length >= 200 && Date.now() - this.failedAt >= RETRY_AFTER_FAILURE_MS) {
      void this.flush().catch(() => undefined);
    }
  }

  /**
   * Writes the queued entries. When the database refuses them they stay queued for the next flush
   * (the store flushes every second) and the error is reported; it never reaches the call path.
   */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => undefined);
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.db
      .insertInto('audit')
      .values(batch)
      .execute()
      .then(
        () => {
          this.failedAt = 0;
        },
        (error: unknown) => {
          this.failedAt = Date.now();
          this.buffer = batch.concat(this.buffer);
          const excess = this.buffer.length - MAX_QUEUED;
          if (excess > 0) {
            this.buffer.splice(0, excess);
            this.dropped += excess;
          }
          this.onError(error, this.buffer.length);
          throw error;
        },
      )
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
