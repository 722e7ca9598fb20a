// What every scenario shares: the run's timing, where progress goes, and the shape of a figure
// (one row of the printed table and one entry of the JSON file).
import type { Io } from '../src/cli/output.js';
import { runLoad, type LoadOptions, type LoadResult } from './load.js';

export type { Io };

export interface BenchContext {
  /** Length of each measured load run. */
  seconds: number;
  /**
   * Unmeasured load before each run, so the JIT and the caches are warm: at least `warmupSeconds`,
   * then more until `warmupCalls` calls were answered (the JIT needs calls, not seconds: a path
   * that makes three ERP requests gets far fewer per second), up to `maxWarmupSeconds`.
   */
  warmupSeconds: number;
  warmupCalls: number;
  maxWarmupSeconds: number;
  /** Rounds of the direct-versus-Ponte comparison (best of N per side). */
  rounds: number;
  io: Io;
  /** Monotonic-clock windows (µs) of the measured runs, to read CPU profiles over them only. */
  windows: [number, number][];
}

export interface Target {
  text: string;
  /** null: could not be measured here. */
  met: boolean | null;
}

export interface Figure {
  /** Stable key, e.g. sandbox.list_bills.c10. */
  id: string;
  label: string;
  clients: number | null;
  callsPerSecond: number | null;
  p50: number | null;
  p99: number | null;
  /** ERP requests each call made (the simulator's count). */
  erpPerCall: number | null;
  /** Peak RSS of the Ponte process during the run, in MB. */
  rssMb: number | null;
  /** CPU time of the Ponte process per successful call, µs: what a call costs whatever the load around. */
  cpuUs: number | null;
  detail: string;
  targets: Target[];
  /** Everything measured, for the JSON file. */
  data: Record<string, unknown>;
}

export function progress(ctx: BenchContext, text: string): void {
  ctx.io.err(text);
}

function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * A warm-up, then the measured run, its window recorded for the profile. `cold`: no warm-up (the
 * run must see the first call); `warmupSeconds`: a path the JIT needs longer for.
 */
export async function measure(
  ctx: BenchContext,
  name: string,
  options: LoadOptions,
  warmup: { cold?: boolean; warmupSeconds?: number } = {},
): Promise<LoadResult> {
  const seconds = warmup.cold ? 0 : (warmup.warmupSeconds ?? ctx.warmupSeconds);
  if (seconds > 0) {
    let calls = (await runLoad({ ...options, seconds, watch: {} })).calls;
    for (let spent = seconds; calls < ctx.warmupCalls && spent < ctx.maxWarmupSeconds; spent++) {
      calls += (await runLoad({ ...options, seconds: 1, watch: {} })).calls;
    }
  }
  const start = monotonicMicros();
  const result = await runLoad(options);
  ctx.windows.push([start, monotonicMicros()]);
  const failures = result.failed + result.errors;
  progress(
    ctx,
    `  ${name}: ${Math.round(result.callsPerSecond)} calls/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms${failures > 0 ? `, ${failures} FAILED` : ''}`,
  );
  return result;
}

/** A body maker that walks round a list, one item per request. */
export function cycle<T>(items: readonly T[], body: (item: T, n: number) => unknown): () => string {
  if (items.length === 0) throw new Error('nothing to ask for: the list is empty');
  let n = 0;
  return () => {
    const item = items[n % items.length]!;
    return JSON.stringify(body(item, n++));
  };
}

export const MB = 1024 * 1024;

function rssMb(result: LoadResult, name = 'ponte'): number | null {
  const peak = result.usage[name]?.peakRss;
  return peak === null || peak === undefined ? null : peak / MB;
}

export function cpuUsPerCall(result: LoadResult, name = 'ponte'): number | null {
  const cpu = result.usage[name]?.cpu;
  return cpu === null || cpu === undefined || result.calls === 0 ? null : (cpu * 1e6) / result.calls;
}

/** The table columns a load run fills; `process` names the one whose RSS and CPU are shown. */
export function loadColumns(
  result: LoadResult,
  process = 'ponte',
): Pick<Figure, 'clients' | 'callsPerSecond' | 'p50' | 'p99' | 'rssMb' | 'cpuUs'> {
  return {
    clients: result.connections,
    callsPerSecond: result.callsPerSecond,
    p50: result.p50,
    p99: result.p99,
    rssMb: rssMb(result, process),
    cpuUs: cpuUsPerCall(result, process),
  };
}

/** The figures of a load run as stored in the JSON file. */
export function loadData(result: LoadResult): Record<string, unknown> {
  return {
    connections: result.connections,
    seconds: round(result.seconds, 2),
    calls: result.calls,
    calls_per_second: round(result.callsPerSecond, 1),
    latency_ms: {
      p50: round(result.p50, 3),
      p99: round(result.p99, 3),
      mean: round(result.mean, 3),
      max: round(result.max, 3),
    },
    failed_calls: result.failed,
    transport_errors: result.errors,
    status_codes: result.statusCodes,
    processes: Object.fromEntries(
      Object.entries(result.usage).map(([name, u]) => [
        name,
        {
          peak_rss_mb: u.peakRss === null ? null : round(u.peakRss / MB, 1),
          peak_rss_anon_mb: u.peakParts === null ? null : round(u.peakParts.anon / MB, 1),
          peak_rss_file_mb: u.peakParts === null ? null : round(u.peakParts.file / MB, 1),
          cpu_seconds: u.cpu === null ? null : round(u.cpu, 2),
        },
      ]),
    ),
  };
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The RSS target, checked on every run. */
export function rssTarget(result: LoadResult): Target {
  const mb = rssMb(result);
  return { text: 'RSS ≤ 200 MB', met: mb === null ? null : mb <= 200 };
}

/** A load run that failed calls measures something else: the figure must say so. */
export function failureNote(result: LoadResult): string {
  const failures = result.failed + result.errors;
  if (failures === 0) return '';
  const codes = Object.entries(result.statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, n]) => `${n}×${code}`)
    .join(' ');
  return ` — ${failures} calls FAILED ${codes}`;
}

/** A row with no measurement in it yet: what rows that only count or only report start from. */
export function blankFigure(id: string, label: string): Figure {
  return {
    id,
    label,
    clients: null,
    callsPerSecond: null,
    p50: null,
    p99: null,
    erpPerCall: null,
    rssMb: null,
    cpuUs: null,
    detail: '',
    targets: [],
    data: {},
  };
}

/** A row that could not be measured, and why. */
export function skipped(id: string, label: string, reason: string, targets: Figure['targets'] = []): Figure {
  return { ...blankFigure(id, label), detail: `not measured: ${reason}`, targets, data: { skipped: reason } };
}
