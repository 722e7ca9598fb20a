// The shape every ERP provider has. A provider is a static description (id, settings schema, the
// functions it supports) plus `connect`, which builds the per-tenant connection (HTTP client,
// database handle, token cache...) that its functions receive. A function the provider lacks is
// simply absent: the gateway answers NOT_SUPPORTED for it.
import type { z } from 'zod';
import type { Logger } from 'pino';
import type { FunctionInput, FunctionName, FunctionOutput } from '../contract/index.js';
import type { TenantOptions } from './tenant-options.js';

/** What a provider function knows about the call it serves. */
export interface CallContext {
  requestId: string;
  tenantId: string;
  /** Aborted when the call's deadline passes or the client goes away. */
  signal: AbortSignal;
  now: Date;
  log: Logger;
  /** Records a warning about the answer (for example a barcode dropped because its check digit failed). */
  warn(message: string): void;
  /** Told of every request ErpHttpClient makes for this call (the gateway's ERP latency metric). */
  observeErp?: ErpRequestObserver;
}

/** One request to the ERP as it went; a retried read is one observation per attempt. */
export interface ErpRequestObservation {
  /** The ERP's display name (`erpName`). */
  erp: string;
  tenantId: string;
  method: string;
  /** The path without its query string, ids replaced by `:id` (a bounded label). */
  endpoint: string;
  status: number | null;
  outcome: 'ok' | 'client_error' | 'rate_limited' | 'server_error' | 'unreachable' | 'aborted';
  seconds: number;
}

export type ErpRequestObserver = (observation: ErpRequestObservation) => void;

/** Everything `connect` gets to build a tenant's connection. */
export interface ConnectEnv<S> {
  tenantId: string;
  /** Provider settings, validated against `settings`, secrets already decrypted. */
  settings: S;
  /** Settings common to every provider (late fees, cache TTL, deadlines...). */
  options: TenantOptions;
  /** The data directory, for providers that keep files (the sandbox). */
  dataDir: string;
  log: Logger;
}

export type ProviderFunction<C, N extends FunctionName> = (
  conn: C,
  input: FunctionInput<N>,
  call: CallContext,
) => Promise<FunctionOutput<N>>;

export type ProviderFunctions<C> = { [N in FunctionName]?: ProviderFunction<C, N> };

/** One choice an operator can pick for a setting, as found in the ERP (filial, caixa, ...). */
export interface CheckChoice {
  id: string;
  label: string;
}

export interface CheckReport {
  ok: boolean;
  /** What was verified, in plain words ("credentials accepted", "12 products found"). */
  messages: string[];
  /** Per setting name, the values found in the ERP. */
  choices: Record<string, CheckChoice[]>;
  /**
   * Filled in by the gateway for every provider (one rule): each setting some supported function
   * needs and the tenant lacks, with the functions it blocks. Any entry makes `ok` false.
   */
  missing_settings?: { setting: string; blocks: FunctionName[] }[];
  /** Filled in by the gateway: settlements stored and waiting for those settings. */
  waiting_settlements?: number;
}

export interface Provider<S = unknown, C = unknown> {
  id: string;
  displayName: string;
  /** Validates the provider-specific part of a tenant's settings. */
  settings: z.ZodType<S>;
  /** Names of the settings that are secrets (encrypted at rest, never echoed or logged). */
  secretFields: readonly string[];
  functions: ProviderFunctions<C>;
  /**
   * Per function, the settings it cannot run without (absent: none). A function whose settings
   * are missing is supported but not ready (see missingSettings in src/providers/readiness.ts).
   */
  needs?: Partial<Record<FunctionName, readonly string[]>>;
  connect(env: ConnectEnv<S>): Promise<C>;
  close?(conn: C): Promise<void>;
  check?(conn: C, call: CallContext): Promise<CheckReport>;
}

/** Erases the type parameters for the registry; each provider module keeps its own precise types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProvider = Provider<any, any>;
