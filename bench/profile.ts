// Reads the V8 CPU profiles Ponte wrote (`node --cpu-prof`) and says where its CPU time went
// during the measured runs only (start-up and idle time left out): self time by file and by
// function. Profile timestamps and process.hrtime share Linux's monotonic clock, so the bench's
// recorded windows select the samples.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './ponte-process.js';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  /** Busy milliseconds inside the windows (idle excluded). */
  busyMs: number;
  byFile: { name: string; percent: number }[];
  byFunction: { name: string; percent: number }[];
}

function fileOf(url: string, fallback: string): string {
  if (url === '') return `(${fallback || 'native'})`;
  const path = url.replace(/^file:\/\//, '');
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (modules) return `${modules[1]}/${modules[2]}`;
  return path.startsWith(ROOT) ? path.slice(ROOT.length) : path;
}

function top(map: Map<string, number>, total: number, n: number): { name: string; percent: number }[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, t]) => ({ name, percent: Math.round((1000 * t) / total) / 10 }));
}

export function summariseProfiles(dir: string, windows: [number, number][], n = 15): ProfileSummary {
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  const inWindow = (t: number) => windows.some(([a, b]) => t >= a && t <= b);
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, name), 'utf8')) as CpuProfile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      const dt = profile.timeDeltas[i] ?? 0;
      t += dt;
      const frame = nodes.get(profile.samples[i]!);
      if (frame === undefined || frame.functionName === '(idle)' || !inWindow(t)) continue;
      const file = fileOf(frame.url, frame.functionName);
      const fn = `${frame.functionName || '(anonymous)'} ${file}`;
      byFile.set(file, (byFile.get(file) ?? 0) + dt);
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
      busy += dt;
    }
  }
  return { busyMs: busy / 1000, byFile: top(byFile, busy, n), byFunction: top(byFunction, busy, n) };
}
