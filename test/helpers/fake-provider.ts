// Fake ERP providers for the gateway tests: plain objects implementing `Provider`, whose functions
// the tests write inline, wrapped so that every call is recorded (function, tenant, input).
import { z } from 'zod';
import {
  functionNames,
  outputExamples,
  type FunctionName,
  type FunctionOutput,
} from '../../src/contract/index.js';
import type { TenantOptions } from '../../src/providers/tenant-options.js';
import type {
  CallContext,
  ProviderFunction,
  ProviderFunctions,
  Provider,
} from '../../src/providers/types.js';

export type FakeSettings = Record<string, unknown>;

/** What a fake provider's functions receive as their connection: the tenant's environment. */
export interface FakeConnection {
  tenantId: string;
  settings: FakeSettings;
  options: TenantOptions;
}

export type FakeFunctions = ProviderFunctions<FakeConnection>;

export interface RecordedCall {
  name: FunctionName;
  tenantId: string;
  requestId: string;
  input: unknown;
}

export interface FakeProvider extends Provider<FakeSettings, FakeConnection> {
  /** Every function call, in the order the provider received them. */
  readonly calls: RecordedCall[];
  /** How many times `name` ran (for one tenant when given). */
  count(name: FunctionName, tenantId?: string): number;
  /** The connections built, one per tenant version. */
  readonly connections: FakeConnection[];
}

export interface FakeProviderOptions {
  id: string;
  displayName?: string;
  functions: FakeFunctions;
  settings?: z.ZodType<FakeSettings>;
  secretFields?: readonly string[];
  /** Per function, the settings it needs (see DeclaredFunction.needs). */
  needs?: Partial<Record<FunctionName, readonly string[]>>;
}

const anySettings: z.ZodType<FakeSettings> = z.record(z.string(), z.unknown());

export function fakeProvider(options: FakeProviderOptions): FakeProvider {
  const calls: RecordedCall[] = [];
  const connections: FakeConnection[] = [];
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(options.functions) as [FunctionName, AnyFunction][]) {
    wrapped[name] = (conn: FakeConnection, input: unknown, call: CallContext) => {
      calls.push({ name, tenantId: conn.tenantId, requestId: call.requestId, input });
      return fn(conn, input as never, call);
    };
  }
  return {
    id: options.id,
    displayName: options.displayName ?? `Fake ERP ${options.id}`,
    settings: options.settings ?? anySettings,
    secretFields: options.secretFields ?? [],
    functions: wrapped,
    ...(options.needs ? { needs: options.needs } : {}),
    calls,
    connections,
    count: (name, tenantId) =>
      calls.filter((c) => c.name === name && (tenantId === undefined || c.tenantId === tenantId)).length,
    connect(env) {
      const conn = { tenantId: env.tenantId, settings: env.settings, options: env.options };
      connections.push(conn);
      return Promise.resolve(conn);
    },
  };
}

type AnyFunction = (conn: FakeConnection, input: never, call: CallContext) => Promise<unknown>;

/** A fresh copy of the contract's example answer of `name`. */
export function exampleOutput<N extends FunctionName>(name: N): FunctionOutput<N> {
  return structuredClone(outputExamples[name]);
}

/** A function that answers the contract's example output. */
export function answersExample<N extends FunctionName>(name: N): ProviderFunction<FakeConnection, N> {
  return () => Promise.resolve(exampleOutput(name));
}

/** Every one of the 21 functions, each answering its example output (`except` left out). */
export function exampleFunctions(except: readonly FunctionName[] = []): FakeFunctions {
  const out: Record<string, unknown> = {};
  for (const name of functionNames) if (!except.includes(name)) out[name] = answersExample(name);
  return out;
}

/** A promise with its resolve function, for providers the test releases by hand. */
export function deferred<T = void>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
