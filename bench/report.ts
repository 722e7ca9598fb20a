// The one table the bench prints, the targets it checks, and where the CPU went.
import type { Figure } from './context.js';
import type { ProfileSummary } from './profile.js';

const COLUMNS = [
  'figure',
  'clients',
  'calls/s',
  'p50 ms',
  'p99 ms',
  'ERP req/call',
  'RSS MB',
  'CPU µs/call',
  'detail',
  'targets',
];

function num(value: number | null, digits: number): string {
  if (value === null) return '';
  return value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function targets(f: Figure): string {
  return f.targets.map((t) => `${t.met === null ? '?' : t.met ? 'met' : 'MISSED'}: ${t.text}`).join('; ');
}

export function renderTable(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.label,
    f.clients === null ? '' : String(f.clients),
    num(f.callsPerSecond, 0),
    num(f.p50, 2),
    num(f.p99, 2),
    f.erpPerCall === null ? '' : num(f.erpPerCall, f.erpPerCall < 0.1 ? 4 : f.erpPerCall % 1 === 0 ? 0 : 2),
    num(f.rssMb, 0),
    num(f.cpuUs, 0),
    f.detail,
    targets(f),
  ]);
  const widths = COLUMNS.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i]!.length)));
  const numeric = new Set([1, 2, 3, 4, 5, 6, 7]);
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric.has(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(COLUMNS), rule, ...rows.map(line)].join('\n');
}

export function targetSummary(figures: Figure[]): { met: number; missed: string[]; unknown: string[] } {
  let met = 0;
  const missed: string[] = [];
  const unknown: string[] = [];
  for (const f of figures) {
    for (const t of f.targets) {
      if (t.met === true) met++;
      else if (t.met === false)
        missed.push(`${f.label}${f.clients === null ? '' : ` (${f.clients} clients)`}: ${t.text}`);
      else unknown.push(`${f.label}: ${t.text}`);
    }
  }
  return { met, missed, unknown };
}

export function renderProfile(title: string, p: ProfileSummary): string {
  const lines = [
    `${title}: ${(p.busyMs / 1000).toFixed(1)} CPU-seconds in the measured runs, self time by file:`,
  ];
  for (const f of p.byFile) lines.push(`  ${f.percent.toFixed(1).padStart(5)} %  ${f.name}`);
  lines.push('  by function:');
  for (const f of p.byFunction) lines.push(`  ${f.percent.toFixed(1).padStart(5)} %  ${f.name}`);
  return lines.join('\n');
}
