// Ponte's benchmark: `npm run bench` (or `ponte bench`). Everything runs on loopback and stops by
// itself in about three minutes (`--quick`: about one and a half).
//
// What it starts: Ponte as a child process (`node bin/ponte.js serve`, SQLite store, a fresh data
// directory, the sandbox tenant seeded with 1,000 customers, and a second sandbox tenant seeded
// with 100,000 by `ponte sandbox seed`), the IXC simulator as another child, and autocannon here,
// in the bench process, as the clients. Last, a second Ponte runs on a scratch PostgreSQL
// database (created and dropped; skipped, and said so, when PostgreSQL is not reachable).
//
// What it measures (docs/performance.md explains each figure):
//   - sandbox list_bills at 1, 10 and 100 clients, on 1,000 and on 100,000 customers;
//   - list_bills through Ponte to the IXC simulator against the same IXC requests sent straight
//     to it, and the ERP requests each IXC read function makes;
//   - catalogue reads with the cache: ERP requests per 1,000 calls;
//   - get_boleto_pdf rendered by Ponte: PDFs per CPU-second;
//   - settle_bill per second on the SQLite and on the PostgreSQL store;
//   - fleet mode: three instances on one Redis against one simulator, calls/s and the highest ERP
//     concurrency the simulator observed under a cap of 4 for the fleet;
//   - the Ponte process's peak RSS during every run (read from /proc, not from Ponte).
// It prints one table, checks the targets, and writes bench/results/<date>.json.
//
// Options:
//   --quick            2 s runs, 1 s warm-ups, one round per side
//   --seconds N        length of each measured run (default 5)
//   --customers N      customers of the large dataset (default 100000; 0 skips it)
//   --postgres URL     server for the scratch database (default: DATABASE_URL, else
//                      postgres://postgres@127.0.0.1:5432/postgres); --no-postgres skips it
//   --only LIST        some of: sandbox,pdf,ixc,catalogue,large,settle,fleet (comma-separated)
//   --redis URL        the Redis of the fleet row (default: REDIS_URL, else redis://127.0.0.1:6379;
//                      the row says "not measured" when it cannot be reached)
//   --ponte DIR        run the Ponte of another checkout (before/after a change); default this one
//   --profile          CPU-profile the Ponte processes; prints where their time went during the
//                      measured runs and keeps the .cpuprofile files under bench/results/
//   --out FILE         where to write the JSON (default bench/results/<date>.json)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { datasetName, sandboxSettingsSchema } from '../src/providers/sandbox/settings.js';
import { progress, skipped, type BenchContext, type Figure, type Io } from './context.js';
import { startPonte, runPonteCommand, ROOT, type PonteProcess, type PonteOptions } from './ponte-process.js';
import { createScratchDatabase, DEFAULT_POSTGRES_URL } from './postgres.js';
import { summariseProfiles, type ProfileSummary } from './profile.js';
import { renderProfile, renderTable, targetSummary } from './report.js';
import { customersWithOpenBills, openBills, tenantDatasetPath } from './sandbox-data.js';
import { startSimulator, type SimProcess } from './sim-process.js';
import { boletoPdf } from './scenarios/boleto-pdf.js';
import { catalogue } from './scenarios/catalogue.js';
import { ixcOverhead } from './scenarios/ixc-overhead.js';
import { erpRequestsPerFunction } from './scenarios/erp-requests.js';
import { simulators } from '../simulators/index.js';
import { floor } from './scenarios/floor.js';
import { dataSizeFigure, sandboxListBills, type Dataset } from './scenarios/sandbox-list-bills.js';
import { settle } from './scenarios/settle.js';
import { fleet } from './scenarios/fleet.js';

const GROUPS = ['sandbox', 'pdf', 'ixc', 'catalogue', 'large', 'settle', 'fleet'] as const;
const SMALL_CUSTOMERS = 1000;
/** Added to every simulator request in the realistic-ERP comparison. */
const ERP_LATENCY_MS = 20;

interface TenantView {
  id: string;
  name: string;
  settings: unknown;
}

interface Options {
  seconds: number;
  warmupSeconds: number;
  warmupCalls: number;
  maxWarmupSeconds: number;
  rounds: number;
  customers: number;
  postgres: string | null;
  redis: string;
  only: Set<string>;
  profile: boolean;
  ponteRoot: string;
  out: string | undefined;
}

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      quick: { type: 'boolean' },
      seconds: { type: 'string' },
      customers: { type: 'string' },
      postgres: { type: 'string' },
      'no-postgres': { type: 'boolean' },
      redis: { type: 'string' },
      only: { type: 'string' },
      profile: { type: 'boolean' },
      ponte: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const quick = values.quick ?? false;
  const seconds = Number(values.seconds ?? (quick ? 2 : 5));
  const customers = Number(values.customers ?? 100_000);
  if (!(seconds > 0 && seconds <= 60)) throw new Error('--seconds must be from 1 to 60');
  if (!Number.isInteger(customers) || customers < 0) throw new Error('--customers must be a whole number');
  const only = new Set(values.only === undefined ? GROUPS : values.only.split(',').map((s) => s.trim()));
  for (const group of only) {
    if (!(GROUPS as readonly string[]).includes(group)) {
      throw new Error(`--only takes some of ${GROUPS.join(',')}; not '${group}'`);
    }
  }
  return {
    seconds,
    // Ponte's JIT needs a few thousand calls before a path runs at its steady cost: measured on
    // IXC list_bills, a 1 s warm-up left it at twice its steady CPU per call.
    warmupSeconds: quick ? 1 : 2,
    warmupCalls: quick ? 3_000 : 6_000,
    maxWarmupSeconds: quick ? 5 : 10,
    rounds: quick ? 1 : 2,
    customers,
    postgres: values['no-postgres']
      ? null
      : (values.postgres ?? (process.env.DATABASE_URL || undefined) ?? DEFAULT_POSTGRES_URL),
    redis: values.redis ?? (process.env.REDIS_URL || 'redis://127.0.0.1:6379'),
    only,
    profile: values.profile ?? false,
    ponteRoot: resolve(values.ponte ?? ROOT),
    out: values.out,
  };
}

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
}

interface SandboxTenant {
  key: string;
  /** Its dataset's name and file. */
  dataset: string;
  path: string;
  documents: string[];
  billsEach: number;
}

/** A sandbox tenant of the running Ponte, and the customers with open bills to ask for. */
async function sandboxTenant(
  ponte: PonteProcess,
  key: string,
  name: string,
  dataDir: string,
): Promise<SandboxTenant> {
  const tenant = ((await ponte.admin('GET', '/tenants')) as TenantView[]).find((t) => t.name === name);
  if (tenant === undefined) throw new Error(`Ponte has no tenant '${name}'`);
  // Its first call connects it: the dataset file exists (and is seeded) from then on.
  await ponte.call('list_due_dates', {}, key);
  const dataset = datasetName(sandboxSettingsSchema.parse(tenant.settings), tenant.id);
  const path = tenantDatasetPath(dataDir, tenant);
  return { key, dataset, path, ...customersWithOpenBills(path, 1000) };
}

function dataset(t: SandboxTenant, customers: number, size: string): Dataset {
  return { key: t.key, documents: t.documents, billsEach: t.billsEach, customers, size };
}

/** The mean size of list_bills answers for these customers, for the floor server to match. */
async function answerBytes(ponte: PonteProcess, key: string, documents: string[]): Promise<number> {
  const sample = documents.slice(0, 20);
  let total = 0;
  for (const document of sample) {
    const answer = await ponte.call('list_bills', { customer_document_number: document }, key);
    total += Buffer.byteLength(JSON.stringify(answer.body));
  }
  return sample.length === 0 ? 2000 : Math.round(total / sample.length);
}

/** Runs the whole benchmark; 0 when every scenario ran (met targets or not), 1 when one broke. */
export async function runBench(args: string[], io: Io): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(args);
  } catch (error) {
    io.err(`ponte bench: ${(error as Error).message}`);
    return 2;
  }
  const wants = (group: (typeof GROUPS)[number]) => options.only.has(group);
  const ctx: BenchContext = {
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
    warmupCalls: options.warmupCalls,
    maxWarmupSeconds: options.maxWarmupSeconds,
    rounds: options.rounds,
    io,
    windows: [],
  };
  const started = new Date();
  const loadAtStart = loadavg();
  const results = join(ROOT, 'bench', 'results');
  // Kept for Chrome DevTools (Performance -> Load profile) or speedscope.
  const profileDir = join(results, `profiles-${stamp(started)}`);
  const work = mkdtempSync(join(tmpdir(), 'ponte-bench-'));
  const dataDir = join(work, 'data');
  const figures: Figure[] = [];
  const profiles: Record<string, ProfileSummary> = {};
  const running = new Set<{ stop(): Promise<void> }>();
  let failure: Error | null = null;

  async function launch(name: string, o: Omit<PonteOptions, 'cpuProfileDir'>): Promise<PonteProcess> {
    const ponte = await startPonte({
      ...o,
      root: options.ponteRoot,
      ...(options.profile ? { cpuProfileDir: join(profileDir, name) } : {}),
    });
    running.add(ponte);
    return ponte;
  }
  async function stop(name: string, p: PonteProcess | SimProcess): Promise<void> {
    await p.stop();
    running.delete(p);
    if (options.profile && 'bootstrapKey' in p) {
      profiles[name] = summariseProfiles(join(profileDir, name), ctx.windows);
    }
  }

  try {
    progress(
      ctx,
      `Starting Ponte (SQLite store, sandbox with ${SMALL_CUSTOMERS.toLocaleString('en')} customers)...`,
    );
    let ponte = await launch('sqlite', { dataDir, sandboxCustomers: SMALL_CUSTOMERS });
    const small = await sandboxTenant(ponte, ponte.bootstrapKey, 'sandbox', dataDir);
    // The large dataset is a second sandbox tenant of the same process, seeded by `ponte sandbox
    // seed` as an operator would, so both datasets are measured side by side.
    let large: SandboxTenant | null = null;
    if (wants('large') && options.customers > 0) {
      const name = `sandbox-${Math.round(options.customers / 1000)}k`;
      const created = (await ponte.admin('POST', '/tenants', {
        name,
        provider: 'sandbox',
        settings: { dataset: name, customers: 0 },
      })) as { api_key: string };
      progress(ctx, `Seeding tenant ${name} with ${options.customers.toLocaleString('en')} customers...`);
      const seedStarted = performance.now();
      await runPonteCommand(
        ['sandbox', 'seed', '--customers', String(options.customers), '--tenant', name],
        dataDir,
        options.ponteRoot,
      );
      progress(ctx, `  seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
      large = await sandboxTenant(ponte, created.api_key, name, dataDir);
    }

    if (wants('sandbox') || large !== null) {
      const datasets: Dataset[] = [];
      if (wants('sandbox')) datasets.push(dataset(small, SMALL_CUSTOMERS, '1k'));
      if (large !== null) {
        datasets.push(dataset(large, options.customers, `${Math.round(options.customers / 1000)}k`));
      }
      figures.push(await floor(ctx, await answerBytes(ponte, small.key, small.documents)));
      const measured = await sandboxListBills(ctx, ponte, datasets);
      for (const list of measured) figures.push(...list);
      if (measured.length === 2) figures.push(dataSizeFigure(measured[0]!, measured[1]!, datasets[1]!.size));
    }
    if (wants('pdf')) figures.push(await boletoPdf(ctx, ponte, small.key, openBills(small.path, 2000)));

    if (wants('ixc') || wants('catalogue')) {
      progress(ctx, 'Starting the IXC simulator...');
      const sim = await startSimulator();
      running.add(sim);
      let tenants = 0;
      const ixcTenant = async (opts: Record<string, unknown>) => {
        const created = (await ponte.admin('POST', '/tenants', {
          name: `ixc-${++tenants}`,
          provider: 'ixc',
          settings: { base_url: sim.baseUrl, token: sim.token },
          // The breaker is not what is measured here: a moment when the shared machine stalls the
          // simulator past a deadline must not open the circuit for the rest of a run. (Calls
          // autocannon abandons when a run ends no longer count against the ERP.)
          options: { circuit_failure_threshold: 1000, ...opts },
        })) as { api_key: string };
        return created.api_key;
      };
      // ERP requests per call, for every ERP with a simulator (the registry).
      let ixcCounts: Record<string, number> = {};
      for (const simulator of simulators) {
        // A Ponte of another checkout (--ponte) may not have this ERP yet: its row is left out.
        const survey = await erpRequestsPerFunction(ctx, ponte, simulator).catch((error: unknown) => {
          progress(ctx, `  ${simulator.displayName}: not measured (${(error as Error).message})`);
          return null;
        });
        if (survey === null) continue;
        if (simulator.id === 'ixc') ixcCounts = survey.counts;
        if (wants('ixc')) figures.push(survey.figure);
      }
      if (wants('ixc')) {
        const ixcKey = await ixcTenant({});
        figures.push(...(await ixcOverhead(ctx, { ponte, sim, key: ixcKey, erpLatencyMs: 0 })));
        figures.push(...(await ixcOverhead(ctx, { ponte, sim, key: ixcKey, erpLatencyMs: ERP_LATENCY_MS })));
      }
      if (wants('catalogue')) {
        figures.push(...(await catalogue(ctx, { ponte, sim, newTenant: ixcTenant, uncached: ixcCounts })));
      }
      await stop('simulator', sim);
    }

    if (wants('settle')) {
      // The large dataset has open bills for any rate; the small one runs out and then answers
      // already_settled (still a full write: the outcome is stored under the transaction id).
      const target = large ?? small;
      const bills = openBills(target.path, 60_000);
      const half = Math.ceil(bills.length / 2);
      figures.push(
        await settle(ctx, {
          ponte,
          key: target.key,
          store: 'SQLite',
          bills: bills.slice(0, half),
          datasetPath: target.path,
        }),
      );
      await stop('sqlite', ponte);
      const label = 'sandbox settle_bill, PostgreSQL store';
      const scratch =
        options.postgres === null
          ? { error: 'skipped (--no-postgres)' }
          : await createScratchDatabase(options.postgres);
      if ('error' in scratch) {
        const reason =
          options.postgres === null ? scratch.error : `PostgreSQL not reachable (${scratch.error})`;
        progress(ctx, `settle_bill on PostgreSQL not measured: ${reason}`);
        figures.push(skipped('sandbox.settle_bill.postgresql', label, reason));
      } else {
        try {
          progress(ctx, 'Starting Ponte on a scratch PostgreSQL database...');
          ponte = await launch('postgresql', { dataDir, databaseUrl: scratch.url, sandboxCustomers: 0 });
          // A tenant on the same sandbox dataset, so both stores settle bills of the same data.
          const created = (await ponte.admin('POST', '/tenants', {
            name: 'bench-postgresql',
            provider: 'sandbox',
            settings: { dataset: target.dataset },
          })) as { api_key: string };
          figures.push(
            await settle(ctx, {
              ponte,
              key: created.api_key,
              store: 'PostgreSQL',
              bills: bills.slice(half),
              datasetPath: target.path,
            }),
          );
          await stop('postgresql', ponte);
        } finally {
          await scratch.drop();
        }
      }
    }
    if (running.has(ponte)) await stop('sqlite', ponte);
    if (wants('fleet')) figures.push(await fleet(ctx, { redisUrl: options.redis, work, launch, stop }));
  } catch (error) {
    failure = error as Error;
    io.err(`ponte bench: ${failure.stack ?? failure.message}`);
  } finally {
    for (const p of running) await p.stop().catch(() => undefined);
  }

  const summary = targetSummary(figures);
  io.out('');
  io.out(renderTable(figures));
  io.out('');
  io.out(
    `Targets: ${summary.met} met, ${summary.missed.length} missed${summary.unknown.length > 0 ? `, ${summary.unknown.length} not measured` : ''}.`,
  );
  for (const m of summary.missed) io.out(`  MISSED ${m}`);
  for (const [name, p] of Object.entries(profiles)) io.out(`\n${renderProfile(`Ponte (${name})`, p)}`);
  if (options.profile) io.out(`\nCPU profiles: ${profileDir}`);

  const out = options.out ?? join(results, `${stamp(started)}.json`);
  mkdirSync(dirname(out), { recursive: true });
  const cpu = cpus();
  writeFileSync(
    out,
    JSON.stringify(
      {
        date: started.toISOString(),
        seconds_total: Math.round((Date.now() - started.getTime()) / 1000),
        machine: {
          cpus: cpu.length,
          cpu_model: cpu[0]?.model ?? '',
          memory_gb: Math.round(totalmem() / 1024 ** 3),
          node: process.version,
          platform: `${process.platform} ${process.arch}`,
          // Other work on the machine shows here: the figures are only as quiet as it was.
          load_average_at_start: loadAtStart.map((l) => Math.round(l * 100) / 100),
          load_average_at_end: loadavg().map((l) => Math.round(l * 100) / 100),
        },
        options: { ...options, only: [...options.only] },
        figures,
        targets: summary,
        profiles,
        error: failure?.message ?? null,
      },
      null,
      2,
    ),
  );
  io.out(`\nWritten: ${out}`);
  rmSync(work, { recursive: true, force: true });
  return failure === null ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const io: Io = {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  };
  process.exitCode = await runBench(process.argv.slice(2), io);
}
