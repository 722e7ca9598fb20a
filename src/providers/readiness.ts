// Whether a tenant's settings let a provider's function run: one rule for every provider. A
// function is supported when the provider has it, and ready when none of the settings it needs
// (DeclaredFunction.needs) is missing: absent, null, "" or an empty list/object.
import { PonteError, type FunctionName } from '../contract/index.js';
import type { AnyProvider } from './types.js';

function missing(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** The settings `fn` needs that `settings` lacks, in the order the provider declares them. */
export function missingSettings(
  provider: AnyProvider,
  fn: FunctionName,
  settings: Record<string, unknown>,
): string[] {
  return (provider.needs?.[fn] ?? []).filter((name) => missing(settings[name]));
}

export interface Readiness {
  supported: boolean;
  ready: boolean;
  /** The settings that keep a supported function from being ready. */
  missing_settings: string[];
}

/** Supported / ready / missing settings of one function for a tenant. */
export function readiness(
  provider: AnyProvider,
  fn: FunctionName,
  settings: Record<string, unknown>,
): Readiness {
  const supported = provider.functions[fn] !== undefined;
  const lacking = supported ? missingSettings(provider, fn, settings) : [];
  return { supported, ready: supported && lacking.length === 0, missing_settings: lacking };
}

/** A supported function the tenant's settings do not let run yet. */
export function notReady(displayName: string, provider: string, fn: string, missing: string[]): PonteError {
  return new PonteError(
    'NOT_SUPPORTED',
    `${displayName} can do ${fn}, but this tenant's settings lack ${missing.join(', ')} (ponte check <tenant> lists the values to choose)`,
    { details: { provider, function: fn, ready: false, missing_settings: missing } },
  );
}
