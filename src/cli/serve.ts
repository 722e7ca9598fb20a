// `ponte serve` (what `npm start` runs): opens the store, creates the sandbox tenant on a new data
// directory, listens, and shuts down gracefully on SIGTERM/SIGINT (calls in flight finish).
// stdout carries the JSON log lines only; what is said to the person starting it (the banner, the
// first key) goes to stderr.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { openApp, type App } from '../app.js';
import type { Config } from '../config.js';
import { buildServer } from '../http/server.js';
import { createLogger } from '../logging/logger.js';
import { testCustomers } from '../providers/sandbox/index.js';
import { CliError, type Io } from './output.js';
import {
  certificateInfo,
  readTlsPair,
  watchTls,
  type SecureContextTarget,
  type TlsPair,
} from '../http/tls.js';

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/**
 * On a data directory without tenants: the sandbox tenant, seeded, and its first API key:
 * PONTE_BOOTSTRAP_KEY when the operator gave one (`supplied`), else a generated one.
 */
/** Where the server listens, as said in the banner: the address bound and who can reach it. */
export function listeningOn(
  address: AddressInfo,
  tls: boolean,
): { url: string; local: string; reach: string } {
  const scheme = tls ? 'https' : 'http';
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const everywhere = address.address === '0.0.0.0' || address.address === '::';
  const loopback = address.address === '127.0.0.1' || address.address === '::1';
  const reach = everywhere
    ? `every ${address.address === '::' ? '' : 'IPv4 '}network interface (HOST=${address.address}; HOST=127.0.0.1 for this machine only)`
    : loopback
      ? 'this machine only (HOST=0.0.0.0 to listen on every interface)'
      : `this address only (HOST=${address.address})`;
  const local =
    everywhere || loopback ? `${scheme}://localhost:${address.port}` : `${scheme}://${host}:${address.port}`;
  return { url: `${scheme}://${host}:${address.port}`, local, reach };
}

export async function bootstrap(app: App, io: Io): Promise<{ apiKey: string; supplied: boolean } | null> {
  if ((await app.store.tenants.count()) > 0) return null;
  io.err(`New data directory ${app.config.dataDir}: creating the 'sandbox' tenant.`);
  const created = await app.admin.createTenant({
    name: 'sandbox',
    provider: 'sandbox',
    settings: { customers: app.config.sandboxCustomers },
    apiKey: app.config.bootstrapKey,
    key: { label: 'bootstrap' },
  });
  io.err(`Seeding the sandbox ERP with ${app.config.sandboxCustomers} customers...`);
  const started = Date.now();
  // The first call connects the sandbox provider, which seeds its database.
  await app.gateway.call({
    functionName: 'list_due_dates',
    body: {},
    requestId: 'bootstrap',
    tenant: 'sandbox',
  });
  io.err(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return { apiKey: created.api_key, supplied: app.config.bootstrapKey !== undefined };
}

export async function serve(config: Config, io: Io): Promise<number> {
  const log = createLogger({ level: config.logLevel });
  let tls: TlsPair | undefined;
  if (config.tls) {
    try {
      tls = readTlsPair(config.tls);
    } catch (error) {
      throw new CliError(`not starting: ${(error as Error).message}`);
    }
  }
  const app = await openApp(config, log, { defaultMetrics: true });
  const first = await bootstrap(app, io);
  const server = buildServer({
    gateway: app.gateway,
    store: app.store,
    log,
    adminToken: config.adminToken,
    bodyLimitBytes: config.bodyLimitBytes,
    version: packageVersion(),
    tls,
  });
  await server.listen({ port: config.port, host: config.host });
  // The certificate files are read again when they change (renewal), without a restart.
  const tlsWatcher =
    config.tls && tls
      ? watchTls(server.server as unknown as SecureContextTarget, config.tls, tls, log)
      : undefined;
  if (tls) log.info({ certificate: certificateInfo(tls) }, 'serving HTTPS');
  // Settlements left queued (ERP down) or in flight by a process that died are taken up from here.
  app.gateway.settlements.startWorker();
  // Webhook deliveries waiting in the outbox (shared by every instance on the database) go out from here.
  app.gateway.webhooks.startWorker();
  const listening = listeningOn(server.server.address() as AddressInfo, tls !== undefined);
  const base = listening.local;
  const customer = testCustomers.find((c) => /overdue/i.test(c.scenario)) ?? testCustomers[0];
  const say = (text: string) => io.err(text);
  say(`\nPonte is listening on ${listening.url}: ${listening.reach}`);
  say(`Docs: ${base}/docs   OpenAPI: ${base}/openapi.json   Metrics: ${base}/metrics`);
  if (first) {
    // A key the operator supplied is never printed (the terminal may be recorded, its output
    // shipped to a log store); a generated one is shown this once, or nobody could use it.
    if (first.supplied) say(`\nThe sandbox tenant's API key is the one given in PONTE_BOOTSTRAP_KEY.`);
    else say(`\nThe sandbox tenant's API key (shown once; keep it): ${first.apiKey}`);
    const bearer = first.supplied ? '$PONTE_BOOTSTRAP_KEY' : first.apiKey;
    say(`\nTry it: the open bills of a sandbox test customer (${customer?.scenario ?? ''}):\n`);
    say(
      `curl -s ${base}/v1/functions/list_bills -H "Authorization: Bearer ${bearer}" -H "Content-Type: application/json" -d '{"customer_document_number": "${customer?.document_number ?? ''}"}'`,
    );
  } else {
    say(`Tenants exist already; create a key with: npx ponte keys create <tenant>`);
  }
  say('');

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    tlsWatcher?.stop();
    log.info({ signal }, 'shutting down: finishing calls in flight');
    void server
      .close()
      .then(() => app.close())
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return new Promise<number>(() => undefined);
}
