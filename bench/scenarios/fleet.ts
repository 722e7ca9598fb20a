// Fleet mode: three Ponte processes on one Redis (REDIS_URL) and one store (a shared SQLite data
// directory), each under its own autocannon load, against one IXC simulator answering 20 ms late.
// The tenant is capped at 4 concurrent ERP calls: the figure is the fleet's calls per second and
// the highest number of requests the simulator ever had in flight at once, which the cap must
// hold at 4 for the three together (without Redis it would be up to 12).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { runLoad } from '../load.js';
import { failureNote, progress, round, skipped, type BenchContext, type Figure } from '../context.js';
import type { PonteOptions, PonteProcess } from '../ponte-process.js';
import { startSimulator } from '../sim-process.js';

const INSTANCES = 3;
const CLIENTS_EACH = 10;
const CAP = 4;
const ERP_LATENCY_MS = 20;

export interface FleetInput {
  redisUrl: string;
  /** A scratch folder for the fleet's data directory. */
  work: string;
  launch(name: string, o: Omit<PonteOptions, 'cpuProfileDir'>): Promise<PonteProcess>;
  stop(name: string, p: PonteProcess): Promise<void>;
}

async function redisAnswers(url: string): Promise<string | null> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    client.disconnect();
  }
}

async function dropKeys(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}

export async function fleet(ctx: BenchContext, input: FleetInput): Promise<Figure> {
  const id = 'fleet.ixc.list_products.c4';
  const label = `fleet: ${INSTANCES} instances on one Redis, IXC capped at ${CAP} (ERP +${ERP_LATENCY_MS} ms)`;
  const unreachable = await redisAnswers(input.redisUrl);
  if (unreachable !== null) {
    return skipped(id, label, `Redis not reachable at ${input.redisUrl} (${unreachable})`, [
      { text: `≤ ${CAP} ERP requests in flight at once`, met: null },
    ]);
  }
  const prefix = `ponte-bench:${process.pid}:${randomBytes(3).toString('hex')}:`;
  const dataDir = join(input.work, 'fleet-data');
  const options = { dataDir, sandboxCustomers: 10, redisUrl: input.redisUrl, redisPrefix: prefix };
  progress(ctx, `Starting ${INSTANCES} Ponte instances on one Redis and the IXC simulator...`);
  const sim = await startSimulator();
  const instances: PonteProcess[] = [];
  try {
    // The first creates the data directory; the others join it.
    instances.push(await input.launch('fleet-1', options));
    for (let i = 2; i <= INSTANCES; i++) instances.push(await input.launch(`fleet-${i}`, options));
    const created = (await instances[0]!.admin('POST', '/tenants', {
      name: 'ixc-fleet',
      provider: 'ixc',
      settings: { base_url: sim.baseUrl, token: sim.token },
      options: { max_concurrent_calls: CAP, cache_ttl_seconds: 0, circuit_failure_threshold: 1000 },
    })) as { api_key: string };
    await sim.setFaults([{ kind: 'latency', ms: ERP_LATENCY_MS }]);
    const load = (seconds: number, watch: boolean) =>
      Promise.all(
        instances.map((p, i) =>
          runLoad({
            url: p.url,
            connections: CLIENTS_EACH,
            seconds,
            requests: [
              {
                method: 'POST',
                path: '/v1/functions/list_products',
                headers: { authorization: `Bearer ${created.api_key}` },
                body: '{}',
              },
            ],
            watch: watch ? { [`ponte${i}`]: p.pid } : {},
          }),
        ),
      );
    await load(ctx.warmupSeconds, false);
    await sim.highWater();
    const before = await sim.requests();
    const results = await load(ctx.seconds, true);
    const highest = await sim.highWater();
    const erpRequests = (await sim.requests()) - before;
    const calls = results.reduce((n, r) => n + r.calls, 0);
    const failed = results.reduce((n, r) => n + r.failed + r.errors, 0);
    const seconds = Math.max(...results.map((r) => r.seconds));
    const cpu = results.reduce((n, r, i) => n + (r.usage[`ponte${i}`]?.cpu ?? 0), 0);
    const callsPerSecond = calls / seconds;
    const notes = results.map(failureNote).filter((n) => n !== '');
    progress(ctx, `  fleet: ${Math.round(callsPerSecond)} calls/s, highest ERP concurrency ${highest}`);
    return {
      id,
      label,
      clients: INSTANCES * CLIENTS_EACH,
      callsPerSecond,
      p50: null,
      p99: Math.max(...results.map((r) => r.p99)),
      erpPerCall: calls === 0 ? null : erpRequests / calls,
      rssMb: null,
      cpuUs: calls === 0 ? null : (cpu * 1e6) / calls,
      detail:
        `highest ERP concurrency the simulator saw: ${highest} (cap ${CAP} for the fleet; ${INSTANCES}×${CLIENTS_EACH} clients, ` +
        `p99 the worst instance's, CPU the three instances' together)${notes.join('')}`,
      targets: [{ text: `≤ ${CAP} ERP requests in flight at once`, met: highest <= CAP }],
      data: {
        instances: INSTANCES,
        clients_each: CLIENTS_EACH,
        cap: CAP,
        erp_latency_ms: ERP_LATENCY_MS,
        highest_erp_concurrency: highest,
        erp_requests: erpRequests,
        calls,
        failed_calls: failed,
        calls_per_second: round(callsPerSecond, 1),
        p99_ms_per_instance: results.map((r) => round(r.p99, 3)),
        cpu_seconds: round(cpu, 2),
      },
    };
  } finally {
    for (const [i, p] of instances.entries()) await input.stop(`fleet-${i + 1}`, p);
    await sim.stop();
    await dropKeys(input.redisUrl, prefix).catch(() => undefined);
  }
}
