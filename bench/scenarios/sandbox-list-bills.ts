// list_bills on the sandbox (the embedded ERP): Ponte's whole pipeline plus an indexed SQLite
// read, at 1, 10 and 100 concurrent clients, on each dataset given (1,000 and 100,000 customers,
// two tenants of one Ponte process). The datasets take turns at each client count, so the two
// figures of a pair are measured a few seconds apart and the machine's mood cancels out: a
// call's cost must not grow with the data.
import type { LoadResult } from '../load.js';
import {
  blankFigure,
  cycle,
  failureNote,
  loadColumns,
  loadData,
  measure,
  rssTarget,
  type BenchContext,
  type Figure,
  type Target,
} from '../context.js';
import type { PonteProcess } from '../ponte-process.js';

const CLIENTS = [1, 10, 100] as const;

export interface Dataset {
  key: string;
  documents: string[];
  billsEach: number;
  customers: number;
  /** Part of the figure ids: "1k", "100k". */
  size: string;
}

function throughputTarget(result: LoadResult): Target {
  return {
    text: '≥ 5,000 calls/s at p99 ≤ 20 ms (10 clients)',
    met: result.callsPerSecond >= 5000 && result.p99 <= 20 && result.failed + result.errors === 0,
  };
}

function figure(dataset: Dataset, result: LoadResult, first: boolean): Figure {
  const targets = [rssTarget(result)];
  if (result.connections === 10 && first) targets.unshift(throughputTarget(result));
  return {
    id: `sandbox.list_bills.${dataset.size}.c${result.connections}`,
    label: `sandbox list_bills (${dataset.size} customers)`,
    ...loadColumns(result),
    erpPerCall: null,
    detail: `${dataset.documents.length} customers asked in turn, ${dataset.billsEach.toFixed(1)} open bills each${failureNote(result)}`,
    targets,
    data: { customers: dataset.customers, ...loadData(result) },
  };
}

/** The figures of each dataset, in the order given (the first carries the throughput target). */
export async function sandboxListBills(
  ctx: BenchContext,
  ponte: PonteProcess,
  datasets: Dataset[],
): Promise<Figure[][]> {
  const figures: Figure[][] = datasets.map(() => []);
  const bodies = datasets.map((d) =>
    cycle(d.documents, (document) => ({ customer_document_number: document })),
  );
  for (const clients of CLIENTS) {
    for (const [i, dataset] of datasets.entries()) {
      const result = await measure(ctx, `sandbox list_bills, ${dataset.size} customers, ${clients} clients`, {
        url: ponte.url,
        connections: clients,
        seconds: ctx.seconds,
        requests: [
          {
            method: 'POST',
            path: '/v1/functions/list_bills',
            headers: { authorization: `Bearer ${dataset.key}` },
            body: bodies[i]!,
          },
        ],
        watch: { ponte: ponte.pid },
      });
      figures[i]!.push(figure(dataset, result, i === 0));
    }
  }
  return figures;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The large dataset against the small one. Each pair of runs is back to back, and the median over
 * the client counts keeps one disturbed run (a neighbour's burst) from deciding.
 */
export function dataSizeFigure(small: Figure[], large: Figure[], size: string): Figure {
  const pairs = small.flatMap((s) => {
    const l = large.find((f) => f.clients === s.clients);
    return l === undefined ? [] : [[s, l] as const];
  });
  const ratio = median(
    pairs.flatMap(([s, l]) =>
      s.callsPerSecond && l.callsPerSecond ? [l.callsPerSecond / s.callsPerSecond] : [],
    ),
  );
  const cpu = median(pairs.flatMap(([s, l]) => (s.cpuUs && l.cpuUs ? [l.cpuUs / s.cpuUs] : [])));
  const percent = (r: number | null) => (r === null ? '?' : `${(r * 100).toFixed(0)} %`);
  return {
    ...blankFigure('sandbox.list_bills.data_size', 'list_bills cost vs data size'),
    detail:
      ratio === null
        ? 'not measured'
        : `${size} against 1k, median over ${pairs.length} client counts: throughput ${percent(ratio)}, CPU per call ${percent(cpu)}`,
    // A cost that grew with the data (a scan instead of an index) would show as several times
    // slower; back-to-back runs on a shared machine still differ by up to ~15 %.
    targets: [{ text: 'does not grow with data size (±15 %)', met: ratio === null ? null : ratio >= 0.85 }],
    data: { throughput_ratio: ratio, cpu_per_call_ratio: cpu },
  };
}
