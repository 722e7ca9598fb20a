// Schema migrations, in order. Written with kysely's schema builder and only the column types
// SQLite and PostgreSQL share, so one list serves both databases; the one difference (how an
// integer key numbers itself) is chosen by the dialect.
import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  const autoId = (c: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? c.generatedByDefaultAsIdentity().primaryKey() : c.primaryKey().autoIncrement();
  return {
    '0001_tenants_keys_audit': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('tenants')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull().unique())
          .addColumn('provider', 'text', (c) => c.notNull())
          .addColumn('settings', 'text', (c) => c.notNull())
          .addColumn('secrets', 'text', (c) => c.notNull())
          .addColumn('options', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('api_keys')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
          .addColumn('prefix', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull().unique())
          .addColumn('label', 'text', (c) => c.notNull())
          .addColumn('allowed_functions', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema.createIndex('api_keys_tenant').on('api_keys').column('tenant_id').execute();
        await db.schema
          .createTable('idempotency')
          .addColumn('tenant_id', 'text', (c) => c.notNull())
          .addColumn('function', 'text', (c) => c.notNull())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('fingerprint', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('status_code', 'integer')
          .addColumn('response', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('idempotency_pk', ['tenant_id', 'function', 'key'])
          .execute();
        await db.schema
          .createTable('audit')
          .addColumn('id', 'integer', autoId)
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('request_id', 'text', (c) => c.notNull())
          .addColumn('tenant_id', 'text', (c) => c.notNull())
          .addColumn('key_id', 'text', (c) => c.notNull())
          .addColumn('function', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('latency_ms', 'integer', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('audit_tenant_at').on('audit').columns(['tenant_id', 'at']).execute();
      },
    },
    '0002_settlements': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('settlements')
          .addColumn('tenant_id', 'text', (c) => c.notNull())
          .addColumn('transaction_id', 'text', (c) => c.notNull())
          .addColumn('fingerprint', 'text', (c) => c.notNull())
          .addColumn('input', 'text', (c) => c.notNull())
          .addColumn('boleto_id', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('next_attempt_at', 'text')
          .addColumn('lease_owner', 'text')
          .addColumn('lease_until', 'text')
          .addColumn('outcome', 'text')
          .addColumn('last_error', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('settlements_pk', ['tenant_id', 'transaction_id'])
          .execute();
        await db.schema
          .createIndex('settlements_due')
          .on('settlements')
          .columns(['state', 'next_attempt_at'])
          .execute();
        await db.schema
          .createTable('settlement_attempts')
          .addColumn('id', 'integer', autoId)
          .addColumn('tenant_id', 'text', (c) => c.notNull())
          .addColumn('transaction_id', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('result', 'text', (c) => c.notNull())
          .addColumn('detail', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('settlement_attempts_tx')
          .on('settlement_attempts')
          .columns(['tenant_id', 'transaction_id'])
          .execute();
      },
    },
    '0003_key_check': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('key_check')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('sealed', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0004_webhooks': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('webhook_endpoints')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
          .addColumn('url', 'text', (c) => c.notNull())
          .addColumn('events', 'text', (c) => c.notNull())
          .addColumn('secret', 'text', (c) => c.notNull())
          .addColumn('previous_secret', 'text')
          .addColumn('previous_secret_until', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('removed_at', 'text')
          .execute();
        await db.schema
          .createIndex('webhook_endpoints_tenant')
          .on('webhook_endpoints')
          .column('tenant_id')
          .execute();
        await db.schema
          .createTable('webhook_events')
          .addColumn('seq', 'integer', autoId)
          .addColumn('id', 'text', (c) => c.notNull().unique())
          .addColumn('tenant_id', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('ordering_key', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('webhook_deliveries')
          .addColumn('id', 'integer', autoId)
          .addColumn('event_id', 'text', (c) => c.notNull())
          .addColumn('event_seq', 'integer', (c) => c.notNull())
          .addColumn('endpoint_id', 'text', (c) => c.notNull())
          .addColumn('tenant_id', 'text', (c) => c.notNull())
          .addColumn('ordering_key', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull())
          .addColumn('next_attempt_at', 'text')
          .addColumn('give_up_at', 'text', (c) => c.notNull())
          .addColumn('lease_owner', 'text')
          .addColumn('lease_until', 'text')
          .addColumn('last_status', 'integer')
          .addColumn('last_error', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('webhook_deliveries_once', ['event_id', 'endpoint_id'])
          .execute();
        await db.schema
          .createIndex('webhook_deliveries_due')
          .on('webhook_deliveries')
          .columns(['state', 'next_attempt_at'])
          .execute();
        await db.schema
          .createIndex('webhook_deliveries_order')
          .on('webhook_deliveries')
          .columns(['endpoint_id', 'ordering_key', 'event_seq'])
          .execute();
        await db.schema
          .createTable('webhook_attempts')
          .addColumn('id', 'integer', autoId)
          .addColumn('delivery_id', 'integer', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('status', 'integer')
          .addColumn('latency_ms', 'integer', (c) => c.notNull())
          .addColumn('error', 'text')
          .execute();
        await db.schema
          .createIndex('webhook_attempts_delivery')
          .on('webhook_attempts')
          .column('delivery_id')
          .execute();
      },
    },
  };
}
