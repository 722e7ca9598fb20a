// The store: everything Ponte keeps (tenants, keys, idempotency records, audit). One object so
// that the SQLite default and PostgreSQL serve the same interface.
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { AuditRepo } from './audit.js';
import { SecretBox, loadMasterKey } from './crypto.js';
import { openDatabase, type DatabaseConfig } from './db.js';
import { IdempotencyRepo } from './idempotency.js';
import { requireFleetKey, verifyMasterKey } from './key-check.js';
import { KeyRepo } from './keys.js';
import { SettlementRepo } from './settlements.js';
import type { Dialect } from './migrations.js';
import type { Database } from './schema.js';
import { TenantRepo } from './tenants.js';
import { WebhookRepo } from './webhooks.js';

export interface StoreConfig extends DatabaseConfig {
  masterKey?: string | undefined;
  /** See KeyRepo: how long resolved API keys are kept in memory (default 0, off). */
  keyCacheMs?: number | undefined;
}

export class Store {
  readonly tenants: TenantRepo;
  readonly keys: KeyRepo;
  readonly idempotency: IdempotencyRepo;
  readonly audit: AuditRepo;
  readonly settlements: SettlementRepo;
  readonly webhooks: WebhookRepo;
  private auditTimer: NodeJS.Timeout;

  private constructor(
    readonly db: Kysely<Database>,
    private readonly closeDatabase: () => Promise<void>,
    readonly dialect: Dialect,
    readonly secrets: SecretBox,
    keyCacheMs: number,
    log: Logger | undefined,
  ) {
    this.tenants = new TenantRepo(db);
    this.keys = new KeyRepo(db, { cacheTtlMs: keyCacheMs });
    this.idempotency = new IdempotencyRepo(db);
    this.audit = new AuditRepo(db, (error, queued) =>
      log?.warn({ err: error, queued }, 'could not write the audit; its entries stay queued'),
    );
    this.settlements = new SettlementRepo(db);
    this.webhooks = new WebhookRepo(db);
    this.auditTimer = setInterval(() => void this.audit.flush().catch(() => undefined), 1000);
    this.auditTimer.unref();
  }

  static async open(config: StoreConfig): Promise<Store> {
    const { db, dialect, close } = await openDatabase(config);
    let secrets: SecretBox;
    try {
      const keyFile = join(config.dataDir, 'master.key');
      await requireFleetKey(db, dialect, config.masterKey, keyFile);
      secrets = new SecretBox(loadMasterKey(config.dataDir, config.masterKey));
      await verifyMasterKey(db, secrets, config.masterKey ? 'PONTE_MASTER_KEY' : keyFile);
    } catch (error) {
      await close();
      throw error;
    }
    return new Store(db, close, dialect, secrets, config.keyCacheMs ?? 0, config.log);
  }

  async ping(): Promise<void> {
    await this.db.selectFrom('tenants').select('id').limit(1).execute();
  }

  async close(): Promise<void> {
    clearInterval(this.auditTimer);
    // A database that refuses the last entries must not keep the process from closing (the
    // failure was reported by the audit).
    await this.audit.flush().catch(() => undefined);
    await this.closeDatabase();
  }
}

export type { TenantRow } from './tenants.js';
export type { ApiKeyInfo, ResolvedKey } from './keys.js';
export type { Claim } from './idempotency.js';
export type { SettlementRow, SettlementAttemptRow } from './settlements.js';
export { TERMINAL_STATES } from './settlements.js';
export type {
  NewWebhookEvent,
  WebhookAttemptRow,
  WebhookDeliveryRow,
  WebhookEndpointRow,
  WebhookEventRow,
} from './webhooks.js';
export { MasterKeyError } from './key-check.js';
export { storeUnavailableError, StoreUnavailableError, STORE_RETRY_AFTER_SECONDS } from './unavailable.js';
