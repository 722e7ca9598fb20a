// A tenant's handle on its sandbox dataset, and the helpers every function shares.
import { join } from 'node:path';
import type { Logger } from 'pino';
import { todayInBrazil } from '../../brasil/dates.js';
import { PonteError } from '../../contract/index.js';
import type { FunctionInput, FunctionName, FunctionOutput } from '../../contract/index.js';
import type { TenantOptions } from '../../gateway/tenant-options.js';
import type { CallContext, ConnectEnv, ProviderFunction } from '../types.js';
import { billingProfile, SlipMemo } from './billing.js';
import type { BillingProfile } from './billing.js';
import { openSandbox, prepareInserts, readMeta, writeMeta } from './db.js';
import type { Inserts, SandboxDatabase } from './db.js';
import { installFixtures } from './fixtures.js';
import type { BillContext, LateFeeRule } from './mappers.js';
import { prepareQueries } from './queries.js';
import type { Queries } from './queries.js';
import type { CustomerKey, CustomerRow } from './rows.js';
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

function customerNotFound(): PonteError {
  return new PonteError('CUSTOMER_NOT_FOUND', 'The sandbox has no customer with this CPF/CNPJ');
}

/** The customer's id, document, name and person type; CUSTOMER_NOT_FOUND when there is none. */
export function requireCustomer(conn: SandboxConnection, document: string): CustomerKey {
  const customer = conn.q.customerKeyByDocument.get(document);
  if (customer === undefined) throw customerNotFound();
  return customer;
}

/** The customer's whole record; CUSTOMER_NOT_FOUND when there is none. */
export function requireCustomerRecord(conn: SandboxConnection, document: string): CustomerRow {
  const customer = conn.q.customerByDocument.get(document);
  if (customer === undefined) throw customerNotFound();
  return customer;
}

/** A numeric id from the contract's string ids; anything else matches no row. */
export function rowId(id: string): number {
  return /^[1-9]\d{0,14}$/.test(id) ? Number(id) : 0;
}

/** An ERP-style JSON answer, as the text api_response carries. */
export function erpAnswer(body: Record<string, unknown>): string {
  return JSON.stringify(body);
}

/** What a function body knows about its call: the context, and the day it is in Brazil. */
export interface CallScope {
  call: CallContext;
  today: string;
}

type Body<N extends FunctionName> = (
  conn: SandboxConnection,
  input: FunctionInput<N>,
  scope: CallScope,
) => FunctionOutput<N>;

function settled<T>(run: () => T): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * A reading function: its statements share one read transaction, which costs about what a
 * single statement does on its own (SQLite takes its locks once per transaction).
 */
export function readFunction<N extends FunctionName>(body: Body<N>): ProviderFunction<SandboxConnection, N> {
  return (conn, input, call) =>
    settled(() => {
      const scope = { call, today: callDay(conn, call) };
      return conn.inRead(() => body(conn, input, scope));
    });
}

/** A writing function: the whole body runs in one immediate (write-locked) transaction. */
export function writeFunction<N extends FunctionName>(body: Body<N>): ProviderFunction<SandboxConnection, N> {
  return (conn, input, call) =>
    settled(() => {
      const scope = { call, today: callDay(conn, call) };
      return conn.inWrite(() => body(conn, input, scope));
    });
}

/** A protocol number as ISP ERPs print them: the day and the record's id. */
export function protocolFor(day: string, id: number): string {
  return `${day.replace(/-/g, '')}${String(id).padStart(6, '0')}`;
}
