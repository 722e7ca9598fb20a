// The shape every ERP provider has. A provider is a static description (id, settings schema, the
// functions it supports) plus `connect`, which builds the per-tenant connection (HTTP client,
// database handle, token cache...) that its functions receive. A function the provider lacks is
// simply absent: the gateway answers NOT_SUPPORTED for it.
import type { z } from 'zod';
import type { Logger } from 'pino';
import type { FunctionInput, FunctionName, FunctionOutput } from '../contract/index.js';
import type { TenantOptions } from '../gateway/tenant-options.js';

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
}

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
}

export interface Provider<S = unknown, C = unknown> {
  id: string;
  displayName: string;
  /** Validates the provider-specific part of a tenant's settings. */
  settings: z.ZodType<S>;
  /** Names of the settings that are secrets (encrypted at rest, never echoed or logged). */
  secretFields: readonly string[];
  functions: ProviderFunctions<C>;
  connect(env: ConnectEnv<S>): Promise<C>;
  close?(conn: C): Promise<void>;
  check?(conn: C, call: CallContext): Promise<CheckReport>;
}

/** Erases the type parameters for the registry; each provider module keeps its own precise types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProvider = Provider<any, any>;
