// Wires Ponte together from its configuration: store, providers, gateway. Used by `ponte serve`,
// the other CLI commands and the tests, so all run the same code.
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { Admin } from './gateway/admin.js';
import { FleetProtection } from './gateway/fleet-protection.js';
import { Gateway } from './gateway/gateway.js';
import { GatewayMetrics, readStoreInto } from './gateway/metrics.js';
import { MemoryProtection, type ErpProtection } from './gateway/protection.js';
import { ProviderRegistry } from './gateway/registry.js';
import { defaultProviders } from './providers/index.js';
import type { AnyProvider } from './providers/types.js';
import { Store } from './store/index.js';

export interface App {
  config: Config;
  store: Store;
  registry: ProviderRegistry;
  gateway: Gateway;
  admin: Admin;
  log: Logger;
  close(): Promise<void>;
}

export async function openApp(
  config: Config,
  log: Logger,
  options: {
    providers?: AnyProvider[];
    defaultMetrics?: boolean;
    /** The clock of the gateway (circuits, settlements, audit): tests move it instead of waiting. */
    now?: () => Date;
  } = {},
): Promise<App> {
  const store = await Store.open({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    masterKey: config.masterKey,
    keyCacheMs: config.keyCacheMs,
    log,
  });
  // Providers given here (tests) take the place of a shipped provider with the same id.
  const extra = options.providers ?? [];
  const registry = new ProviderRegistry([
    ...defaultProviders().filter((p) => !extra.some((e) => e.id === p.id)),
    ...extra,
  ]);
  // Chosen once: with REDIS_URL the ERP's limits hold across every instance (fleet mode).
  const now = options.now ?? (() => new Date());
  let protection: ErpProtection = new MemoryProtection(() => now().getTime());
  if (config.redisUrl !== undefined) {
    const fleet = new FleetProtection({ url: config.redisUrl, prefix: config.redisPrefix, log });
    await fleet.ready(2_000);
    protection = fleet;
  }
  const gateway = new Gateway({
    now,
    protection,
    store,
    registry,
    log,
    dataDir: config.dataDir,
    metrics: new GatewayMetrics({ defaultMetrics: options.defaultMetrics ?? false }),
    settlement: { workerIntervalMs: config.workerIntervalMs, retryBaseMs: config.settlementRetryMs },
    webhooks: {
      allowPrivate: config.webhooksAllowPrivate,
      options: { intervalMs: config.webhookIntervalMs, retryBaseMs: config.webhookRetryMs },
    },
  });
  // The metrics that read the store or hear the settlement service: queue gauges, tenant names,
  // settlement outcomes.
  readStoreInto(gateway.metrics, store);
  gateway.settlements.onOutcome = (change) => gateway.metrics.recordSettlement(change);
  return {
    config,
    store,
    registry,
    gateway,
    admin: new Admin(gateway, store),
    log,
    async close() {
      await gateway.close();
      await store.close();
    },
  };
}
