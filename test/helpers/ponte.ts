// Starts a whole Ponte (store, gateway, HTTP server) on a loopback port with a fresh data
// directory, for tests that talk to it over real HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { openApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { buildServer } from '../../src/http/server.js';
import { createLogger } from '../../src/logging/logger.js';
import { testDatabase } from './database.js';
import type { AnyProvider } from '../../src/providers/types.js';

export interface RunningPonte {
  url: string;
  app: App;
  /** Every log line written, for tests that check what reaches the logs. */
  logs: string[];
  close(): Promise<void>;
  /** POST /v1/functions/{name} with a JSON body. */
  call(name: string, body: unknown, key: string, headers?: Record<string, string>): Promise<Answer>;
  createTenant(
    name: string,
    provider: string,
    settings?: Record<string, unknown>,
    options?: Record<string, unknown>,
    allowedFunctions?: string[] | null,
  ): Promise<{ id: string; key: string }>;
}

export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are asserted field by field
  body: any;
  headers: Headers;
}

export async function startPonte(
  options: {
    providers?: AnyProvider[];
    env?: Record<string, string>;
    adminToken?: string;
    /** Start the settlement worker (default true). */
    worker?: boolean;
    /** Changes the test database's URL before Ponte uses it (e.g. to go through a proxy). */
    databaseUrl?: (url: string) => string;
    /** The gateway's clock (see openApp). */
    now?: () => Date;
  } = {},
): Promise<RunningPonte> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ponte-test-'));
  const database = await testDatabase();
  const config = loadConfig({
    PONTE_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    ...(database.url ? { DATABASE_URL: options.databaseUrl?.(database.url) ?? database.url } : {}),
    ...options.env,
  });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const log = createLogger({ level: 'info', destination });
  const app = await openApp(config, log, {
    providers: options.providers ?? [],
    ...(options.now ? { now: options.now } : {}),
  });
  const server = buildServer({
    gateway: app.gateway,
    store: app.store,
    log,
    adminToken: options.adminToken,
    bodyLimitBytes: config.bodyLimitBytes,
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  if (options.worker !== false) {
    app.gateway.settlements.startWorker();
    app.gateway.webhooks.startWorker();
  }
  const address = server.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;

  return {
    url,
    app,
    logs,
    async close() {
      await server.close();
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async call(name, body, key, headers = {}) {
      const res = await fetch(`${url}/v1/functions/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
    },
    async createTenant(name, provider, settings = {}, tenantOptions = {}, allowedFunctions = null) {
      const created = await app.admin.createTenant({
        name,
        provider,
        settings,
        options: tenantOptions,
        key: { label: 'test', allowed_functions: allowedFunctions },
      });
      return { id: created.tenant.id, key: created.api_key };
    },
  };
}
