// A tenant's handle on its sandbox dataset: opening it, and the day its fixed customers are anchored on.
import { join } from 'node:path';
import type { Logger } from 'pino';
import { todayInBrazil } from '../../brasil/dates.js';
import type { TenantOptions } from '../tenant-options.js';
import type { CallContext, ConnectEnv } from '../types.js';
import { billingProfile, SlipMemo } from './billing.js';
import type { BillingProfile } from './billing.js';
import { openSandbox, prepareInserts, readMeta, writeMeta } from './db.js';
import type { Inserts, SandboxDatabase } from './db.js';
import { installFixtures } from './fixtures.js';
import type { BillContext, LateFeeRule } from './mappers/bills.js';
import { prepareQueries } from './queries.js';
import type { Queries } from './queries.js';
import { isSeeded, META, seedDatabase } from './seed.js';
import { datasetName } from './settings.js';
import type { SandboxSettings } from './settings.js';

export interface SandboxConnection {
  db: SandboxDatabase;
  path: string;
  q: Queries;
  inserts: Inserts;
  settings: SandboxSettings;
  options: TenantOptions;
  billing: BillingProfile;
  codes: SlipMemo;
  rule: LateFeeRule;
  log: Logger;
  /** The day the fixed test customers were last written for, as this connection knows it. */
  fixturesDay: string;
  /** Runs `fn` in a read transaction (or in the transaction already open). */
  inRead<T>(fn: () => T): T;
  /** Runs `fn` in an immediate write transaction (or in the transaction already open). */
  inWrite<T>(fn: () => T): T;
}

export function datasetPath(dataDir: string, dataset: string): string {
  return join(dataDir, 'sandbox', `${dataset}.db`);
}

export function connectSandbox(env: ConnectEnv<SandboxSettings>): SandboxConnection {
  const path = datasetPath(env.dataDir, datasetName(env.settings, env.tenantId));
  const db = openSandbox(path);
  try {
    // The check runs inside the write lock, so two processes opening an empty dataset seed it once.
    db.transaction(() => {
      if (isSeeded(db)) return;
      env.log.info({ path, customers: env.settings.customers }, 'seeding the sandbox dataset');
      const report = seedDatabase(db, {
        customers: env.settings.customers,
        seed: env.settings.seed,
        trustUnlockDays: env.settings.trust_unlock_days,
      });
      env.log.info(report, 'sandbox dataset seeded');
    }).immediate();
  } catch (error) {
    db.close();
    throw error;
  }
  const transaction = db.transaction((fn: () => unknown) => fn());
  const billing = billingProfile(env.settings);
  return {
    db,
    path,
    q: prepareQueries(db),
    inserts: prepareInserts(db),
    settings: env.settings,
    options: env.options,
    billing,
    codes: new SlipMemo(billing),
    rule: {
      fineBasisPoints: env.options.late_fees.fine_basis_points,
      monthlyInterestBasisPoints: env.options.late_fees.monthly_interest_basis_points,
      interestFrom: env.options.late_fees.interest_from,
    },
    log: env.log,
    fixturesDay: readMeta(db, META.fixturesDay) ?? '',
    inRead: <T>(fn: () => T): T => transaction(fn) as T,
    inWrite: <T>(fn: () => T): T => transaction.immediate(fn) as T,
  };
}

/** Rewrites the fixed test customers for `today` unless some connection already did today. */
function refreshFixtures(conn: SandboxConnection, today: string): void {
  conn.db
    .transaction(() => {
      if (readMeta(conn.db, META.fixturesDay) === today) return;
      installFixtures(conn.db, conn.inserts, today);
      writeMeta(conn.db, META.fixturesDay, today);
    })
    .immediate();
  conn.fixturesDay = today;
}

/** The call's day in Brazil; the first call of a new day re-anchors the fixed test customers on it. */
export function callDay(conn: SandboxConnection, call: CallContext): string {
  const today = todayInBrazil(call.now);
  if (today !== conn.fixturesDay) refreshFixtures(conn, today);
  return today;
}

export function billContext(conn: SandboxConnection, today: string): BillContext {
  return { today, rule: conn.rule, codes: conn.codes };
}
