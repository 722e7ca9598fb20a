// The master key check. Every instance of a fleet must encrypt and decrypt tenant secrets with the
// same PONTE_MASTER_KEY; one started with another key (or with none, inventing a key file of its
// own) would start, then answer 500 to every call of a tenant it cannot decrypt. So the first
// start seals a known value with its key into `key_check`, and every start opens it: a key that
// cannot open it stops the process before it serves anything, with a message naming the setting.
import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { SecretBox } from './crypto.js';
import type { Dialect } from './migrations.js';
import type { Database } from './schema.js';

const CHECK_ID = 'master';
const KNOWN_VALUE = 'ponte master key check v1';
const AAD = 'key_check:master';

/** The master key cannot be used with this database; the message says what to set. */
export class MasterKeyError extends Error {}

/**
 * Before any key is loaded: without PONTE_MASTER_KEY and without a key file in the data directory,
 * a database that already holds tenants or a key check (on PostgreSQL, a store a fleet shares) was
 * set up with a key this instance does not have: a key file invented here could not open their
 * secrets. (A key file that exists is used, and verified like any key.)
 */
export async function requireFleetKey(
  db: Kysely<Database>,
  dialect: Dialect,
  masterKey: string | undefined,
  keyFile: string,
): Promise<void> {
  if (masterKey || existsSync(keyFile)) return;
  const check = await db.selectFrom('key_check').select('id').limit(1).executeTakeFirst();
  const tenant = await db.selectFrom('tenants').select('id').limit(1).executeTakeFirst();
  if (check === undefined && tenant === undefined) return;
  throw new MasterKeyError(
    `PONTE_MASTER_KEY is not set, and this ${dialect === 'postgres' ? 'PostgreSQL ' : ''}database already holds ` +
      (tenant !== undefined ? 'tenants' : 'a master key check') +
      ' encrypted with a master key. Set PONTE_MASTER_KEY to the key this store was set up with (the one every ' +
      'other instance uses): without it this instance would create a key file of its own that cannot read them.',
  );
}

/**
 * Seals the known value at the first start; opens it at every later one. `source` says where the
 * key came from for the message: 'PONTE_MASTER_KEY', or the key file's path.
 */
export async function verifyMasterKey(
  db: Kysely<Database>,
  secrets: SecretBox,
  source: string,
): Promise<void> {
  let row = await db.selectFrom('key_check').select('sealed').where('id', '=', CHECK_ID).executeTakeFirst();
  if (row === undefined) {
    // A store from before the key check: its tenants' secrets say whether this key is theirs.
    const tenant = await db
      .selectFrom('tenants')
      .select(['id', 'secrets'])
      .where('secrets', '!=', '')
      .limit(1)
      .executeTakeFirst();
    if (tenant !== undefined && !opens(secrets, tenant.secrets, `tenant:${tenant.id}`))
      throw wrongKey(source);
    // Several instances starting together: one insert wins, every one verifies the winner's.
    await db
      .insertInto('key_check')
      .values({ id: CHECK_ID, sealed: secrets.seal(KNOWN_VALUE, AAD), created_at: new Date().toISOString() })
      .onConflict((c) => c.column('id').doNothing())
      .execute();
    row = await db
      .selectFrom('key_check')
      .select('sealed')
      .where('id', '=', CHECK_ID)
      .executeTakeFirstOrThrow();
  }
  if (!opens(secrets, row.sealed, AAD, KNOWN_VALUE)) throw wrongKey(source);
}

function opens(secrets: SecretBox, sealed: string, aad: string, expected?: string): boolean {
  try {
    const value = secrets.open(sealed, aad);
    return expected === undefined || value === expected;
  } catch {
    return false;
  }
}

function wrongKey(source: string): MasterKeyError {
  const where =
    source === 'PONTE_MASTER_KEY'
      ? 'PONTE_MASTER_KEY'
      : `the key file ${source} (PONTE_MASTER_KEY is not set)`;
  return new MasterKeyError(
    `the master key from ${where} cannot decrypt the secrets stored in this database: it is not the key ` +
      'they were encrypted with. Set PONTE_MASTER_KEY to the key the other instances of this store use ' +
      '(or restore the key file); refusing to start.',
  );
}
