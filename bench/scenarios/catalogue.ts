// Catalogue reads with the cache on IXC: ERP requests per 1,000 calls under load. Each function
// runs cold on a tenant created for it (its first call misses), and the ERP requests are counted
// by the simulator. The short-TTL run shows the cache expiring and refilling under concurrency.
import type { LoadResult } from '../load.js';
import { failureNote, loadData, measure, loadColumns, type BenchContext, type Figure } from '../context.js';
import type { PonteProcess } from '../ponte-process.js';
import type { SimProcess } from '../sim-process.js';
import { quiet } from './ixc-overhead.js';

const CLIENTS = 10;

export interface CatalogueInput {
  ponte: PonteProcess;
  sim: SimProcess;
  /** Makes a new IXC tenant with these options; its API key. */
  newTenant(options: Record<string, unknown>): Promise<string>;
  /** ERP requests of one uncached call, per function. */
  uncached: Record<string, number>;
}

async function run(
  ctx: BenchContext,
  input: CatalogueInput,
  name: string,
  ttlSeconds: number,
): Promise<{ result: LoadResult; erpRequests: number }> {
  const key = await input.newTenant({ cache_ttl_seconds: ttlSeconds });
  await quiet(input.sim);
  const before = await input.sim.requests();
  const result = await measure(
    ctx,
    `IXC ${name}, cache TTL ${ttlSeconds} s`,
    {
      url: input.ponte.url,
      connections: CLIENTS,
      seconds: ctx.seconds,
      requests: [
        {
          method: 'POST',
          path: `/v1/functions/${name}`,
          headers: { authorization: `Bearer ${key}` },
          body: '{}',
        },
      ],
      watch: { ponte: input.ponte.pid },
    },
    { cold: true },
  );
  return { result, erpRequests: (await input.sim.requests()) - before };
}

export async function catalogue(ctx: BenchContext, input: CatalogueInput): Promise<Figure[]> {
  const figures: Figure[] = [];
  const runs: [string, number][] = [
    ['list_products', 300],
    ['list_due_dates', 300],
    ['list_products', 1],
  ];
  for (const [name, ttl] of runs) {
    const { result, erpRequests } = await run(ctx, input, name, ttl);
    const perFetch = input.uncached[name] ?? 1;
    // A function the provider answers from the tenant's settings makes no ERP request at all.
    const fetches = perFetch === 0 ? 0 : erpRequests / perFetch;
    const calls = result.calls + result.failed;
    const perThousand = calls === 0 ? 0 : (erpRequests / calls) * 1000;
    // Fetches allowed: the first call's, then one each time the TTL runs out during the run (a
    // 5 s run with a 1 s TTL may fetch at 0, 1, 2, 3, 4 and 5 s: six fetches, one per TTL).
    const allowed = Math.floor(result.seconds / ttl) + 1;
    figures.push({
      id: `ixc.catalogue.${name}.ttl${ttl}`,
      label: `IXC ${name} cached (TTL ${ttl} s)`,
      ...loadColumns(result),
      // Per 1,000 calls in the detail: per call it would print as 0.00.
      erpPerCall: null,
      detail:
        perFetch === 0
          ? `${perThousand.toFixed(2)} ERP requests per 1,000 calls (${erpRequests} for ${calls} calls: IXC's provider answers it from the tenant's settings)${failureNote(result)}`
          : `${perThousand.toFixed(2)} ERP requests per 1,000 calls (${erpRequests} for ${calls} calls: ${fetches} fetch${fetches === 1 ? '' : 'es'} of ${perFetch} request${perFetch === 1 ? '' : 's'})${failureNote(result)}`,
      targets: [
        {
          text: `≤ 1 ERP fetch per TTL (≤ ${allowed} in ${result.seconds.toFixed(1)} s)`,
          met: fetches <= allowed,
        },
      ],
      data: {
        ttl_seconds: ttl,
        erp_requests: erpRequests,
        erp_requests_per_1000_calls: perThousand,
        erp_requests_per_uncached_call: perFetch,
        fetches,
        ...loadData(result),
      },
    });
  }
  return figures;
}
