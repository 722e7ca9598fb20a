// The `ponte` command line. Each command returns its exit code: 0 success, 1 a negative answer
// (an invalid value, a failed call), 2 bad usage.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { openApp, type App } from '../app.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { functionNames, functions, PonteError } from '../contract/index.js';
import { createLogger } from '../logging/logger.js';
import { datasetPath } from '../providers/sandbox/connection.js';
import { MasterKeyError } from '../store/index.js';
import { seedSandbox, testCustomers } from '../providers/sandbox/index.js';
import { datasetName, sandboxSettingsSchema } from '../providers/sandbox/settings.js';
import { simUsage, startSimulatorCli } from './sim.js';
import { describeInspection, inspectValue } from './inspect.js';
import { automationDetails, describeAutomations } from './automations.js';
import { CliError, json, parseJsonOption, processIo, table, type Io } from './output.js';
import { serve } from './serve.js';

const usage = `Usage: ponte <command> [options]

Commands:
  serve                                  run the HTTP server (npm start)
  inspect <value> [--reference-date D] [--json]
                                         what a linha digitável, barcode, Pix code, CPF or CNPJ is, and whether it is valid
  tenants create --name N --provider P [--settings JSON] [--options JSON] [--json]
  tenants list [--json]
  tenants show <tenant> [--json]
  tenants update <tenant> [--settings JSON] [--options JSON] [--json]
  keys create <tenant> [--label L] [--functions f1,f2] [--json]
  keys list [tenant] [--json]
  keys revoke <key-id> [--json]
  call <function> [--body BODY] [--tenant T]
                                         call a function as the tenant (default: the only tenant, or 'sandbox')
  audit [--tenant T] [--limit N] [--json]
                                         the audit log: the latest calls (tenant, function, outcome, latency, request id)
  settlements list [--tenant T] [--state S] [--limit N] [--json]
  settlements show <transaction-id> [--tenant T]     a settlement with every attempt made
  settlements retry <transaction-id> [--tenant T]    makes a queued or unknown settlement due now
  webhooks add <tenant> --url URL [--events e1,e2] [--json]
                                         a webhook endpoint; its signing secret is shown once (docs/webhooks.md)
  webhooks list [tenant] [--json]
  webhooks remove <endpoint-id>
  webhooks rotate <endpoint-id> [--json] a new secret (shown once); the old one signs too for 24 h
  webhooks test <endpoint-id>            queues a webhook.test event to that endpoint
  webhooks deliveries [endpoint-id] [--tenant T] [--state S] [--limit N] [--json]
  webhooks show <delivery-id>            a delivery with its body and every attempt (status, latency)
  webhooks redeliver <delivery-id>       sends a delivery again now
  check <tenant> [--json]                verifies the tenant's ERP credentials and lists the ids to choose in its settings
  sim <erp> [--port N] [--customers N] [--seed S] [--today D] [--fault kind[=ms],...] [--variant v,...] [--json]
                                         runs an ERP simulator; prints the tenant settings that point at it and its test customers
  sandbox seed [--customers N] [--tenant T] [--seed S]
                                         regenerates a sandbox tenant's data (default tenant: sandbox)
  sandbox customers [--json]             the fixed test customers and their scenarios
  automations [--tenant T] [--base-url URL] [--json]
                                         the recipe of each platform automation (one per function): docs/platform.md
  bench [--quick] [--only LIST]          measures Ponte on loopback (see docs/performance.md)
  help [command]                         this text, or one command's (also: ponte <command> --help)

Environment: PONTE_DATA_DIR, DATABASE_URL, PONTE_MASTER_KEY, PONTE_ADMIN_TOKEN, PORT, HOST, PONTE_TLS_CERT, PONTE_TLS_KEY, PONTE_WEBHOOKS_ALLOW_PRIVATE, LOG_LEVEL (see README).`;

/** Each command's own help: `ponte <command> --help` and `ponte help <command>`. */
const commandHelp: Record<string, string> = {
  serve: `Usage: ponte serve

Runs the HTTP server (what npm start runs, compiled). Listens on HOST:PORT (default 0.0.0.0:8080,
every interface); HTTPS with PONTE_TLS_CERT and PONTE_TLS_KEY. On a new data directory it creates
the 'sandbox' tenant and prints its first API key. The start banner goes to stderr; stdout carries
only the JSON log lines. Settings: README "Configuration".`,
  inspect: `Usage: ponte inspect <value> [--reference-date YYYY-MM-DD] [--json]

Says what a pasted linha digitável (47/48 digits), 44-digit barcode, Pix copia e cola, CPF or CNPJ
is, whether it is valid, and why not. Exit code 0 when valid, 1 when not.

  --reference-date D   the day to compute a boleto's due date and charges from (default: today)
  --json               the result as JSON`,
  tenants: `Usage:
  ponte tenants create --name N --provider P [--settings JSON] [--options JSON] [--json]
  ponte tenants list [--json]
  ponte tenants show <tenant> [--json]
  ponte tenants update <tenant> [--settings JSON] [--options JSON] [--json]

A tenant is one ISP on one ERP (provider: sandbox, ixc, hubsoft, ...). create also makes its first
API key, shown once. --settings are the provider's (docs/erp/<erp>.md); --options the same for
every ERP (README "Configuration"). update merges what it is given into what is there.`,
  keys: `Usage:
  ponte keys create <tenant> [--label L] [--functions f1,f2] [--json]
  ponte keys list [tenant] [--json]
  ponte keys revoke <key-id> [--json]

create prints a new API key once; --functions limits it to those functions (a totem key needs only
billing). A revoked key is refused at once by this process, within PONTE_KEY_CACHE_MS by others.`,
  call: `Usage: ponte call <function> [--body BODY] [--tenant T]

Calls a function through the same pipeline as POST /v1/functions/<function>, as the operator (no
API key), and prints the answer as JSON. Exit code 0 on a 200, 1 on an error answer.

  --body BODY   the request body, a JSON value (default {}); e.g.
                ponte call list_bills --body '{"customer_document_number": "26184703544"}'
  --tenant T    the tenant's id or name (default: the only tenant, or 'sandbox')
  --json BODY   the old name of --body (deprecated: --json means JSON output in other commands)`,
  audit: `Usage: ponte audit [--tenant T] [--limit N] [--json]

The audit log, the latest call first: when, tenant, function, outcome (ok or the error code),
latency and request id. No bodies are kept, so no personal data. GET /admin/v1/audit answers the same.

  --tenant T   only this tenant (id or name)
  --limit N    at most N entries (default 50, at most 1000)
  --json       the entries as JSON, each with tenant_name`,
  settlements: `Usage:
  ponte settlements list [--tenant T] [--state S] [--limit N] [--json]
  ponte settlements show <transaction-id> [--tenant T]
  ponte settlements retry <transaction-id> [--tenant T]

The settle_bill queue (docs/operations.md "Settlements"). States: received, applying, settled,
already_settled, rejected, unknown, queued, failed, waiting_config. retry makes a queued, unknown
or waiting_config settlement due now.`,
  webhooks: `Usage:
  ponte webhooks add <tenant> --url URL [--events e1,e2] [--json]
  ponte webhooks list [tenant] [--json]
  ponte webhooks remove <endpoint-id>
  ponte webhooks rotate <endpoint-id> [--json]
  ponte webhooks test <endpoint-id>
  ponte webhooks deliveries [endpoint-id] [--tenant T] [--state S] [--limit N] [--json]
  ponte webhooks show <delivery-id>
  ponte webhooks redeliver <delivery-id>

Signed webhooks to the platform (docs/webhooks.md). A signing secret is shown once, by add and rotate.`,
  check: `Usage: ponte check <tenant> [--json]

Verifies the tenant's ERP credentials and lists the ids to choose in its settings (branches, cash
accounts, ticket types, ...). Exit code 0 when everything is in order, 1 when not.`,
  sim: `Usage: ${simUsage}

Runs a local simulator of that ERP until Ctrl-C, and prints the tenant settings that point Ponte at
it and its test customers.`,
  sandbox: `Usage:
  ponte sandbox seed [--customers N] [--tenant T] [--seed S]
  ponte sandbox customers [--json]

seed regenerates a sandbox tenant's data (default tenant: sandbox; 1000 customers). customers lists
the fixed test customers (the same in every dataset) and their scenarios.`,
  automations: `Usage: ponte automations [--tenant T] [--base-url URL] [--json]

The recipe of each of the platform's automations, one per function (docs/platform.md). With
--tenant, also the functions its ERP cannot do.`,
  bench: `Usage: ponte bench [--quick] [--only LIST]

Measures Ponte on loopback (docs/performance.md).`,
};

function functionsHelp(): string {
  const width = Math.max(...functionNames.map((n) => n.length));
  return (
    'Functions (ponte call <function>):\n' +
    functionNames.map((n) => `  ${n.padEnd(width)}  ${functions[n].description}`).join('\n')
  );
}

/** Bad options: reported with the command's help rather than node's parser message. */
class UsageError extends CliError {}

/** node's parseArgs message, made short: "Unknown option '--x'. To specify..." -> "unknown option '--x'". */
function usageMessage(message: string): string {
  const first = message.split(/\.\s/, 1)[0] ?? message;
  return first.charAt(0).toLowerCase() + first.slice(1).replace(/\.$/, '');
}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true as const, strict: true as const });
  } catch (error) {
    throw new UsageError(usageMessage((error as Error).message));
  }
}

async function withApp<T>(config: Config, fn: (app: App) => Promise<T>): Promise<T> {
  const log = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
  const app = await openApp(config, log);
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

async function tenantsCommand(args: string[], config: Config, io: Io): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parse(rest, {
    name: { type: 'string' },
    provider: { type: 'string' },
    settings: { type: 'string' },
    options: { type: 'string' },
    json: { type: 'boolean' },
  });
  return withApp(config, async (app) => {
    switch (sub) {
      case 'create': {
        if (!values.name || !values.provider)
          throw new CliError('tenants create needs --name and --provider');
        const created = await app.admin.createTenant({
          name: values.name,
          provider: values.provider,
          settings: parseJsonOption('settings', values.settings),
          options: parseJsonOption('options', values.options),
        });
        if (values.json) json(io, { tenant: created.tenant, api_key: created.api_key });
        else {
          io.out(
            `Created tenant ${created.tenant.name} (${created.tenant.id}) on ${created.tenant.provider}.`,
          );
          io.out(`API key (shown once): ${created.api_key}`);
        }
        return 0;
      }
      case 'list': {
        const tenants = await app.admin.listTenants();
        if (values.json) json(io, tenants);
        else
          table(io, tenants as unknown as Record<string, unknown>[], [
            'id',
            'name',
            'provider',
            'updated_at',
          ]);
        return 0;
      }
      case 'show': {
        if (!positionals[0]) throw new CliError('tenants show needs a tenant id or name');
        json(io, await app.admin.showTenant(positionals[0]));
        return 0;
      }
      case 'update': {
        if (!positionals[0]) throw new CliError('tenants update needs a tenant id or name');
        const updated = await app.admin.updateTenant(positionals[0], {
          settings: parseJsonOption('settings', values.settings),
          options: parseJsonOption('options', values.options),
        });
        if (values.json) json(io, updated);
        else io.out(`Updated tenant ${updated.name}.`);
        return 0;
      }
      default:
        throw new CliError('usage: ponte tenants create|list|show|update ...');
    }
  });
}

async function keysCommand(args: string[], config: Config, io: Io): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parse(rest, {
    label: { type: 'string' },
    functions: { type: 'string' },
    json: { type: 'boolean' },
  });
  return withApp(config, async (app) => {
    switch (sub) {
      case 'create': {
        if (!positionals[0]) throw new CliError('keys create needs a tenant id or name');
        const allowed = values.functions ? values.functions.split(',').map((s) => s.trim()) : null;
        const created = await app.admin.createKey(positionals[0], {
          label: values.label ?? '',
          allowed_functions: allowed,
        });
        if (values.json) json(io, created);
        else io.out(`API key (shown once): ${created.api_key}\nKey id: ${created.key.id}`);
        return 0;
      }
      case 'list': {
        const keys = await app.admin.listKeys(positionals[0]);
        if (values.json) json(io, keys);
        else
          table(io, keys as unknown as Record<string, unknown>[], [
            'id',
            'tenant_id',
            'prefix',
            'label',
            'allowed_functions',
            'revoked_at',
          ]);
        return 0;
      }
      case 'revoke': {
        if (!positionals[0]) throw new CliError('keys revoke needs a key id');
        const info = await app.admin.revokeKey(positionals[0]);
        if (values.json) json(io, info);
        else io.out(`Revoked key ${info.id}.`);
        return 0;
      }
      default:
        throw new CliError('usage: ponte keys create|list|revoke ...');
    }
  });
}

async function callCommand(args: string[], config: Config, io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    body: { type: 'string' },
    json: { type: 'string' },
    tenant: { type: 'string' },
  });
  const name = positionals[0];
  if (!name) throw new CliError(`call needs a function name.\n${functionsHelp()}`);
  if (values.body !== undefined && values.json !== undefined)
    throw new CliError('give the request body once, with --body');
  if (values.json !== undefined)
    io.err('ponte: call --json BODY is deprecated: use --body BODY (--json means JSON output elsewhere)');
  const option = values.body !== undefined ? 'body' : 'json';
  const text = values.body ?? values.json;
  let body: unknown = {};
  if (text !== undefined) {
    try {
      body = JSON.parse(text);
    } catch {
      throw new CliError(
        `--${option} must be a JSON value, e.g. --body '{"customer_document_number": "26184703544"}'`,
      );
    }
  }
  return withApp(config, async (app) => {
    let tenant = values.tenant;
    if (tenant === undefined) {
      const all = await app.store.tenants.list();
      tenant = all.length === 1 ? all[0]?.id : all.find((t) => t.name === 'sandbox')?.id;
      if (all.length === 0) {
        throw new CliError('no tenant yet: start Ponte once (npm start) or run ponte tenants create');
      }
      if (tenant === undefined) throw new CliError('several tenants exist: choose one with --tenant');
    }
    const result = await app.gateway.call({
      functionName: name,
      body,
      requestId: `cli-${Date.now()}`,
      tenant,
    });
    json(io, result.body);
    return result.status === 200 ? 0 : 1;
  });
}

async function auditCommand(args: string[], config: Config, io: Io): Promise<number> {
  const { values } = parse(args, {
    tenant: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  });
  const limit = Number(values.limit ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new CliError('--limit must be a whole number from 1 to 1000');
  return withApp(config, async (app) => {
    const tenant = values.tenant === undefined ? undefined : await app.gateway.tenants.find(values.tenant);
    if (values.tenant !== undefined && !tenant)
      throw new CliError(`no tenant '${values.tenant}' (see: ponte tenants list)`);
    const names = new Map((await app.admin.listTenants()).map((t) => [t.id, t.name]));
    const rows = (await app.store.audit.list({ ...(tenant ? { tenantId: tenant.id } : {}), limit })).map(
      (row) => ({ ...row, tenant_name: names.get(row.tenant_id) ?? '' }),
    );
    if (values.json) json(io, rows);
    else
      table(
        io,
        rows.map((r) => ({ ...r, tenant: r.tenant_name || r.tenant_id, latency: `${r.latency_ms} ms` })),
        ['at', 'tenant', 'function', 'outcome', 'latency', 'request_id'],
      );
    return 0;
  });
}

async function sandboxCommand(args: string[], config: Config, io: Io): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parse(rest, {
    customers: { type: 'string' },
    tenant: { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (sub === 'customers') {
    if (values.json)
      json(
        io,
        testCustomers.map(({ document_number, name, scenario }) => ({ document_number, name, scenario })),
      );
    else
      table(io, testCustomers as unknown as Record<string, unknown>[], [
        'document_number',
        'name',
        'scenario',
      ]);
    return 0;
  }
  if (sub === 'seed') {
    const customers = Number(values.customers ?? 1000);
    if (!Number.isInteger(customers) || customers < 0)
      throw new CliError('--customers must be a whole number');
    const seed = values.seed === undefined ? undefined : Number(values.seed);
    if (seed !== undefined && !Number.isInteger(seed)) throw new CliError('--seed must be a whole number');
    return withApp(config, async (app) => {
      const tenant = await app.gateway.tenants.find(values.tenant ?? 'sandbox');
      if (!tenant) throw new CliError(`no tenant '${values.tenant ?? 'sandbox'}' (see: ponte tenants list)`);
      if (tenant.provider !== 'sandbox')
        throw new CliError(`tenant ${tenant.name} is not on the sandbox provider`);
      const settings = sandboxSettingsSchema.parse(tenant.settings);
      const path = datasetPath(config.dataDir, datasetName(settings, tenant.id));
      let lastShown = 0;
      const report = await seedSandbox(path, {
        customers,
        seed: seed ?? settings.seed,
        onProgress: (done, total) => {
          const now = Date.now();
          if (done === total || now - lastShown > 500) {
            lastShown = now;
            io.err(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} customers`);
          }
        },
      });
      io.out(
        `Seeded tenant ${tenant.name}: ${report.customers} customers, ${report.contracts} contracts, ${report.bills} bills in ${(report.milliseconds / 1000).toFixed(1)} s (${path}).`,
      );
      return 0;
    });
  }
  throw new CliError('usage: ponte sandbox seed|customers ...');
}

async function settlementsCommand(args: string[], config: Config, io: Io): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parse(rest, {
    tenant: { type: 'string' },
    state: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  });
  return withApp(config, async (app) => {
    const tenant = values.tenant === undefined ? undefined : await app.gateway.tenants.find(values.tenant);
    if (values.tenant !== undefined && !tenant) throw new CliError(`no tenant '${values.tenant}'`);
    const service = app.gateway.settlements;
    const tenantOf = async () => {
      if (tenant) return tenant.id;
      const all = await app.store.tenants.list();
      if (all.length === 1) return all[0]!.id;
      throw new CliError('several tenants exist: choose one with --tenant');
    };
    switch (sub) {
      case 'list': {
        const limit = Number(values.limit ?? 100);
        if (!Number.isInteger(limit) || limit < 1)
          throw new CliError('--limit must be a positive whole number');
        const rows = await app.store.settlements.list({
          ...(tenant ? { tenantId: tenant.id } : {}),
          ...(values.state ? { state: values.state } : {}),
          limit,
        });
        const view = rows.map(({ input: _input, fingerprint: _fp, outcome: _o, ...row }) => row);
        if (values.json) json(io, view);
        else
          table(io, view, [
            'transaction_id',
            'state',
            'attempts',
            'boleto_id',
            'next_attempt_at',
            'updated_at',
          ]);
        return 0;
      }
      case 'show': {
        if (!positionals[0]) throw new CliError('settlements show needs a transaction id');
        const view = await service.show(await tenantOf(), positionals[0]);
        if (!view) throw new CliError(`no settlement with transaction id '${positionals[0]}'`, 1);
        const { input: _input, fingerprint: _fp, ...rest } = view;
        json(io, { ...rest, outcome: view.outcome === null ? null : (JSON.parse(view.outcome) as unknown) });
        return 0;
      }
      case 'retry': {
        if (!positionals[0]) throw new CliError('settlements retry needs a transaction id');
        const row = await service.retry(await tenantOf(), positionals[0]);
        io.out(`Settlement ${row.transaction_id} is due now; a running Ponte applies it within seconds.`);
        return 0;
      }
      default:
        throw new CliError('usage: ponte settlements list|show|retry ...');
    }
  });
}

async function webhooksCommand(args: string[], config: Config, io: Io): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parse(rest, {
    url: { type: 'string' },
    events: { type: 'string' },
    tenant: { type: 'string' },
    state: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  });
  const deliveryId = (raw: string | undefined) => {
    const id = Number(raw);
    if (raw === undefined || !Number.isSafeInteger(id) || id < 1)
      throw new CliError(`webhooks ${sub} needs a delivery id`);
    return id;
  };
  return withApp(config, async (app) => {
    const webhooks = app.gateway.webhooks;
    const tenantId = async (idOrName: string) => (await app.gateway.tenants.require(idOrName)).id;
    switch (sub) {
      case 'add': {
        if (!positionals[0] || !values.url) throw new CliError('webhooks add needs a tenant and --url');
        const created = await webhooks.add(await tenantId(positionals[0]), {
          url: values.url,
          ...(values.events ? { events: values.events.split(',').map((e) => e.trim()) } : {}),
        });
        if (values.json) json(io, created);
        else {
          io.out(`Webhook endpoint ${created.endpoint.id} -> ${created.endpoint.url}`);
          io.out(`Events: ${created.endpoint.events.join(', ')}`);
          io.out(`Signing secret (shown once; keep it): ${created.secret}`);
        }
        return 0;
      }
      case 'list': {
        const list = await webhooks.list(positionals[0] ? await tenantId(positionals[0]) : undefined);
        if (values.json) json(io, list);
        else
          table(io, list as unknown as Record<string, unknown>[], [
            'id',
            'tenant_id',
            'url',
            'events',
            'created_at',
          ]);
        return 0;
      }
      case 'remove': {
        if (!positionals[0]) throw new CliError('webhooks remove needs an endpoint id');
        const removed = await webhooks.remove(positionals[0]);
        io.out(`Removed webhook endpoint ${removed.id}.`);
        return 0;
      }
      case 'rotate': {
        if (!positionals[0]) throw new CliError('webhooks rotate needs an endpoint id');
        const rotated = await webhooks.rotate(positionals[0]);
        if (values.json) json(io, rotated);
        else {
          io.out(`New signing secret (shown once; keep it): ${rotated.secret}`);
          io.out(`The previous secret also signs until ${rotated.endpoint.previous_secret_until ?? ''}.`);
        }
        return 0;
      }
      case 'test': {
        if (!positionals[0]) throw new CliError('webhooks test needs an endpoint id');
        const { event_id } = await webhooks.test(positionals[0]);
        io.out(`Queued webhook.test event ${event_id}; a running Ponte delivers it within seconds.`);
        return 0;
      }
      case 'deliveries': {
        const limit = Number(values.limit ?? 100);
        if (!Number.isInteger(limit) || limit < 1)
          throw new CliError('--limit must be a positive whole number');
        const rows = await webhooks.deliveries({
          ...(values.tenant ? { tenantId: await tenantId(values.tenant) } : {}),
          ...(positionals[0] ? { endpointId: positionals[0] } : {}),
          ...(values.state ? { state: values.state } : {}),
          limit,
        });
        if (values.json) json(io, rows);
        else
          table(io, rows, [
            'id',
            'type',
            'event_id',
            'endpoint_id',
            'state',
            'attempts',
            'last_status',
            'next_attempt_at',
          ]);
        return 0;
      }
      case 'show': {
        json(io, await webhooks.showDelivery(deliveryId(positionals[0])));
        return 0;
      }
      case 'redeliver': {
        const row = await webhooks.redeliver(deliveryId(positionals[0]));
        io.out(
          `Delivery ${row.id} (event ${row.event_id}) is due now; a running Ponte sends it within seconds.`,
        );
        return 0;
      }
      default:
        throw new CliError('usage: ponte webhooks add|list|remove|rotate|test|deliveries|show|redeliver ...');
    }
  });
}

async function checkCommand(args: string[], config: Config, io: Io): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (!positionals[0]) throw new CliError('check needs a tenant id or name');
  return withApp(config, async (app) => {
    const report = await app.gateway.check(positionals[0]!);
    if (values.json) json(io, report);
    else {
      io.out(report.ok ? 'OK' : 'PROBLEMS FOUND');
      for (const m of report.messages) io.out(`  ${m}`);
      for (const [setting, choices] of Object.entries(report.choices)) {
        io.out(`\n${setting}:`);
        if (choices.length === 0) io.out('  (none found)');
        for (const c of choices) io.out(`  ${c.id.padEnd(8)} ${c.label}`);
      }
    }
    return report.ok ? 0 : 1;
  });
}

async function automationsCommand(args: string[], config: Config, io: Io): Promise<number> {
  const { values } = parse(args, {
    tenant: { type: 'string' },
    'base-url': { type: 'string' },
    json: { type: 'boolean' },
  });
  let baseUrl = `${config.tls ? 'https' : 'http'}://localhost:${config.port}`;
  if (values['base-url'] !== undefined) {
    let url: URL;
    try {
      url = new URL(values['base-url']);
    } catch {
      throw new CliError('--base-url must be a URL, e.g. https://ponte.provedor.com.br');
    }
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '' || url.hash !== '')
      throw new CliError('--base-url must be an http(s) URL without query or fragment');
    baseUrl = url.href.replace(/\/+$/, '');
  }
  const print = (context: Parameters<typeof automationDetails>[0]) => {
    const details = automationDetails(context);
    if (values.json)
      json(
        io,
        details.map((d) => d.recipe),
      );
    else io.out(describeAutomations(details, context));
    return 0;
  };
  if (values.tenant === undefined) return print({ baseUrl });
  return withApp(config, async (app) => {
    const tenant = await app.gateway.tenants.find(values.tenant!);
    if (!tenant) throw new CliError(`no tenant '${values.tenant}' (see: ponte tenants list)`);
    return print({ baseUrl, tenant, supported: app.gateway.supported(tenant) });
  });
}

/** Runs a simulator until Ctrl-C. */
async function simCommand(args: string[], io: Io): Promise<number> {
  const sim = await startSimulatorCli(args, io);
  if (!args.includes('--json')) io.out('Ctrl-C stops it.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await sim.close();
  return 0;
}

function inspectCommand(args: string[], io: Io): number {
  const { values, positionals } = parse(args, {
    'reference-date': { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length === 0) throw new CliError('inspect needs a value, e.g. ponte inspect 52998224725');
  const referenceDate = values['reference-date'];
  if (referenceDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(referenceDate)) {
    throw new CliError('--reference-date must be YYYY-MM-DD');
  }
  const result = inspectValue(positionals.join(' '), referenceDate ? { referenceDate } : {});
  if (values.json) io.out(JSON.stringify(result));
  else io.out(describeInspection(result));
  return result.valid ? 0 : 1;
}

export async function main(
  argv: string[],
  io: Io = processIo,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [command, ...args] = argv;
  // `ponte <command> --help` (before any `--`), and `ponte help <command>`.
  const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  const helpOf =
    command === 'help' || command === '--help' || command === '-h'
      ? args[0]
      : options.includes('--help') || options.includes('-h')
        ? command
        : undefined;
  if (helpOf !== undefined) {
    const help = commandHelp[helpOf];
    if (help === undefined) {
      io.err(`unknown command '${helpOf}'\n\n${usage}`);
      return 2;
    }
    io.out(helpOf === 'call' ? `${help}\n\n${functionsHelp()}` : help);
    return 0;
  }
  try {
    switch (command) {
      case 'inspect':
        return inspectCommand(args, io);
      case 'serve':
        return await serve(loadConfig(env), io);
      case 'tenants':
        return await tenantsCommand(args, loadConfig(env), io);
      case 'keys':
        return await keysCommand(args, loadConfig(env), io);
      case 'call':
        return await callCommand(args, loadConfig(env), io);
      case 'sandbox':
        return await sandboxCommand(args, loadConfig(env), io);
      case 'settlements':
        return await settlementsCommand(args, loadConfig(env), io);
      case 'webhooks':
        return await webhooksCommand(args, loadConfig(env), io);
      case 'check':
        return await checkCommand(args, loadConfig(env), io);
      case 'audit':
        return await auditCommand(args, loadConfig(env), io);
      case 'automations':
        return await automationsCommand(args, loadConfig(env), io);
      case 'sim':
        return await simCommand(args, io);
      case 'bench': {
        // Loaded on demand: the benchmark pulls in autocannon, a dev dependency.
        const { runBench } = await import('../../bench/run.js');
        return await runBench(args, io);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(`${usage}\n\n${functionsHelp()}`);
        return command === undefined ? 2 : 0;
      default:
        io.err(`unknown command '${command}'\n\n${usage}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      const help = command === undefined ? undefined : commandHelp[command];
      io.err(`ponte: ${error.message}\n\n${help ?? usage}`);
      return error.exitCode;
    }
    if (error instanceof CliError) {
      io.err(`ponte: ${error.message}`);
      return error.exitCode;
    }
    if (error instanceof ConfigError) {
      io.err(`ponte: ${error.message}`);
      return 2;
    }
    if (error instanceof MasterKeyError) {
      io.err(`ponte: ${error.message}`);
      return 1;
    }
    if (error instanceof PonteError) {
      const details = error.details === undefined ? '' : `\n${JSON.stringify(error.details, null, 2)}`;
      io.err(`ponte: ${error.code}: ${error.message}${details}`);
      return 1;
    }
    throw error;
  }
}
