// Tenants as stored. Validation against the provider's schema and the split of secret fields
// happen in the gateway (tenant-service.ts); this module only reads and writes rows.
import type { Kysely, Selectable } from 'kysely';
import type { Database, TenantTable } from './schema.js';

export type TenantRow = Selectable<TenantTable>;

export class TenantRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: TenantRow): Promise<void> {
    await this.db.insertInto('tenants').values(row).execute();
  }

  async update(id: string, changes: Partial<Omit<TenantRow, 'id' | 'created_at'>>): Promise<void> {
    await this.db.updateTable('tenants').set(changes).where('id', '=', id).execute();
  }

  async get(id: string): Promise<TenantRow | undefined> {
    return this.db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async getByName(name: string): Promise<TenantRow | undefined> {
    return this.db.selectFrom('tenants').selectAll().where('name', '=', name).executeTakeFirst();
  }

  async list(): Promise<TenantRow[]> {
    return this.db.selectFrom('tenants').selectAll().orderBy('created_at').orderBy('id').execute();
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('tenants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
