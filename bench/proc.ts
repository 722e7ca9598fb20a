// What Linux says about a process: resident memory and CPU time, read from /proc so the process
// measured does nothing to report them. Elsewhere both read as null and the figures say so.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

export interface Rss {
  /** VmRSS: what the RSS target is about. */
  total: number;
  /** RssAnon: the JavaScript heap, native allocations (SQLite's page cache...). */
  anon: number;
  /** RssFile: mapped files (the node binary, memory-mapped SQLite databases). */
  file: number;
}

/** The process's resident memory in bytes, or null when it is gone or /proc is not there. */
export function rss(pid: number): Rss | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    const total = kb('VmRSS');
    return Number.isNaN(total) ? null : { total, anon: kb('RssAnon'), file: kb('RssFile') };
  } catch {
    return null;
  }
}

/** User plus system CPU time of every thread of the process, in seconds. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after it are plain.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return (utime + stime) / clockTicks();
  } catch {
    return null;
  }
}

export interface Usage {
  /** Highest RSS seen while watching, in bytes (null: not measurable here). */
  peakRss: number | null;
  /** Its parts at that moment. */
  peakParts: Rss | null;
  /** CPU seconds spent while watching (null: not measurable here). */
  cpu: number | null;
}

/** Samples a process's RSS every `everyMs` until stopped; CPU time is the difference across. */
export function watchProcess(pid: number, everyMs = 50): { stop(): Usage } {
  const cpuAtStart = cpuSeconds(pid);
  let peak: Rss | null = null;
  const sample = () => {
    const now = rss(pid);
    if (now !== null && (peak === null || now.total > peak.total)) peak = now;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const cpuAtEnd = cpuSeconds(pid);
      return {
        peakRss: peak === null ? null : peak.total,
        peakParts: peak,
        cpu: cpuAtStart === null || cpuAtEnd === null ? null : cpuAtEnd - cpuAtStart,
      };
    },
  };
}
