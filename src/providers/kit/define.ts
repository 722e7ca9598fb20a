// Declaring a provider: one manifest, and functions declared with the helper that carries their
// name, so the provider's function map is derived from the list (nothing to keep in step by hand).
import { readdirSync } from 'node:fs';
import type { z } from 'zod';
import { functionNames, type FunctionName } from '../../contract/index.js';
import type {
  CallContext,
  CheckReport,
  ConnectEnv,
  Provider,
  ProviderFunction,
  ProviderFunctions,
} from '../types.js';

/** One function of a provider, as `functionsFor<C>()` declares it. */
export interface DeclaredFunction<C, N extends FunctionName = FunctionName> {
  readonly name: N;
  readonly run: ProviderFunction<C, N>;
  /**
   * The tenant settings this function cannot run without (ids the ISP picks with `ponte check`).
   * While one is empty the function is supported but not ready: the catalogue says so, a call
   * answers NOT_SUPPORTED naming them, and a settlement waits for them instead of being sent.
   */
  readonly needs: readonly string[];
}

export interface FunctionOptions<S> {
  /** See DeclaredFunction.needs. */
  needs?: readonly (keyof S & string)[];
}

/**
 * The declaring helper for a provider whose connection is `C` and settings `S`:
 * `export const ixcFunction = functionsFor<IxcConnection, IxcSettings>();`, then in
 * `functions/list_bills.ts` `export const listBills = ixcFunction('list_bills', async (conn, input, call) => ...)`,
 * or with the settings it needs: `ixcFunction('create_ticket', { needs: ['ticket_subject_id'] }, async ...)`.
 * Input and output are typed by the contract function the name gives.
 */
export function functionsFor<C, S = Record<string, unknown>>() {
  function declare<N extends FunctionName>(name: N, run: ProviderFunction<C, N>): DeclaredFunction<C, N>;
  function declare<N extends FunctionName>(
    name: N,
    options: FunctionOptions<S>,
    run: ProviderFunction<C, N>,
  ): DeclaredFunction<C, N>;
  function declare<N extends FunctionName>(
    name: N,
    a: ProviderFunction<C, N> | FunctionOptions<S>,
    b?: ProviderFunction<C, N>,
  ): DeclaredFunction<C, N> {
    const run = typeof a === 'function' ? a : b;
    if (run === undefined) throw new Error(`${name}: no implementation`);
    const options = typeof a === 'function' ? {} : a;
    return { name, run, needs: options.needs ?? [] };
  }
  return declare;
}

function isDeclared(value: unknown): value is DeclaredFunction<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { run?: unknown }).run === 'function' &&
    (functionNames as readonly string[]).includes((value as { name?: unknown }).name as string)
  );
}

/**
 * Every function of a provider, from its `functions/` folder: one file per function, named after
 * it (`functions/list_bills.ts` declares `list_bills`), so the list is derived from the folder and
 * adding a file adds the function. `dir` is `new URL('./functions/', import.meta.url)`. A file
 * that declares no function, several, or one under another name is a programming error, caught
 * when the provider loads (every test run loads every provider).
 */
export async function loadFunctions<C>(dir: URL): Promise<DeclaredFunction<C, FunctionName>[]> {
  const files = readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !/\.(test|test-helper|d)\.(ts|js)$/.test(f))
    .sort();
  const out: DeclaredFunction<C, FunctionName>[] = [];
  for (const file of files) {
    const module = (await import(new URL(file, dir).href)) as Record<string, unknown>;
    const declared = Object.values(module).filter(isDeclared);
    const expected = file.replace(/\.(ts|js)$/, '');
    if (declared.length !== 1 || declared[0]!.name !== expected) {
      throw new Error(
        `${new URL(file, dir).pathname} must declare exactly the function ${expected} (found: ${declared.map((d) => d.name).join(', ') || 'none'})`,
      );
    }
    out.push(declared[0] as DeclaredFunction<C, FunctionName>);
  }
  return out;
}

/** The keys of the settings `S` whose values are strings: the only ones that can be secrets. */
export type SecretField<S> = {
  [K in keyof S]-?: NonNullable<S[K]> extends string ? K : never;
}[keyof S] &
  string;

export interface ProviderManifest<S, C> {
  /** The id tenants name (`provider: "ixc"`); lower case, stable. */
  id: string;
  /** How people call the ERP ("IXC Provedor"). */
  displayName: string;
  /** Validates the provider-specific part of a tenant's settings (see `baseUrlSetting`). */
  settings: z.ZodType<S>;
  /** The settings that are secrets: encrypted at rest, never echoed or logged. Typed: a typo fails to compile. */
  secretFields: readonly SecretField<S>[];
  /** Every function the provider can do; the ones it lacks answer NOT_SUPPORTED. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry keeps its own N
  functions: readonly DeclaredFunction<C, any>[];
  connect(env: ConnectEnv<S>): C | Promise<C>;
  close?(conn: C): Promise<void>;
  /** `ponte check`: verifies the settings against the ERP and lists the ids to choose from. */
  check?(conn: C, call: CallContext): Promise<CheckReport>;
}

/** A provider from its manifest; a function declared twice is a programming error, caught at start. */
export function defineProvider<S, C>(manifest: ProviderManifest<S, C>): Provider<S, C> {
  const functions: ProviderFunctions<C> = {};
  const needs: Partial<Record<FunctionName, readonly string[]>> = {};
  for (const fn of manifest.functions as readonly DeclaredFunction<C>[]) {
    const name: FunctionName = fn.name;
    if (functions[name] !== undefined) throw new Error(`provider ${manifest.id} declares ${name} twice`);
    (functions as Record<string, unknown>)[name] = fn.run;
    if (fn.needs.length > 0) needs[name] = fn.needs;
  }
  return {
    id: manifest.id,
    displayName: manifest.displayName,
    settings: manifest.settings,
    secretFields: manifest.secretFields,
    functions,
    needs,
    // A connect that throws at once (a missing dataset, a bad URL) fails the call like a rejection.
    connect: (env) => {
      try {
        return Promise.resolve(manifest.connect(env));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    },
    ...(manifest.close ? { close: (conn: C) => manifest.close!(conn) } : {}),
    ...(manifest.check ? { check: (conn: C, call: CallContext) => manifest.check!(conn, call) } : {}),
  };
}
