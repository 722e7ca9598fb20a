// Shared by the sandbox's tests: a provider connection on a throw-away data directory, and a fake
// CallContext whose clock the test chooses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { FunctionInput, FunctionName, FunctionOutput } from '../../contract/index.js';
import { inputSchemas, outputSchemas } from '../../contract/index.js';
import { tenantOptionsSchema } from '../tenant-options.js';
import type { TenantOptionsInput } from '../tenant-options.js';
import type { CallContext } from '../types.js';
import type { SandboxConnection } from './connection.js';
import { sandboxProvider } from './index.js';
import { sandboxSettingsSchema } from './settings.js';
import type { SandboxSettingsInput } from './settings.js';

export const silentLog = pino({ level: 'silent' });

/** Noon in Brazil on `day`, so that todayInBrazil(now) is `day`. */
export function noonOf(day: string): Date {
  return new Date(`${day}T12:00:00-03:00`);
}

export function fakeCall(now: Date): CallContext & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    requestId: 'test',
    tenantId: 'test-tenant',
    signal: new AbortController().signal,
    now,
    log: silentLog,
    warn: (message) => warnings.push(message),
    warnings,
  };
}

export interface TestSandbox {
  conn: SandboxConnection;
  dataDir: string;
  /** Calls a function as the gateway would: input parsed by the contract, output checked against it. */
  call<N extends FunctionName>(name: N, body: unknown, now?: Date): Promise<FunctionOutput<N>>;
  close(): Promise<void>;
}

export async function openTestSandbox(
  settings: SandboxSettingsInput = { customers: 0 },
  options: TenantOptionsInput = {},
  defaultNow: Date = new Date(),
): Promise<TestSandbox> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ponte-sandbox-'));
  const conn = await sandboxProvider.connect({
    tenantId: 'test-tenant',
    settings: sandboxSettingsSchema.parse(settings),
    options: tenantOptionsSchema.parse(options),
    dataDir,
    log: silentLog,
  });
  return {
    conn,
    dataDir,
    async call<N extends FunctionName>(name: N, body: unknown, now: Date = defaultNow) {
      const input = inputSchemas[name].parse(body) as FunctionInput<N>;
      const fn = sandboxProvider.functions[name];
      if (fn === undefined) throw new Error(`sandbox lacks ${name}`);
      const output = await fn(conn, input, fakeCall(now));
      return outputSchemas[name].parse(output) as FunctionOutput<N>;
    },
    async close() {
      await sandboxProvider.close?.(conn);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
