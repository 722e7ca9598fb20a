// Which of a tenant's functions are ready to call: the settings each one always needs (the
// provider's `needs`, as Gateway.readiness reports them), and what the provider's check said. The
// checks also write one line per missing setting, "<setting> is not set: f1, f2 (when ...) cannot
// run until it is" (older wording: "... is not set (needed by f1, f2)"), which names settings only
// some modes need: the functions named in such a line wait for that setting too. A failed check
// that found nothing (credentials refused, ERP unreachable) leaves every function blocked.
import type { CheckReport } from '../providers/types.js';

export interface FunctionReadiness {
  name: string;
  ready: boolean;
  /** The settings it still needs, when not ready for that reason. */
  missing: string[];
}

const NOT_SET = /^([\w.]+) is not set\b(.*)$/;

export function readiness(
  supported: readonly string[],
  report: CheckReport,
  declared: Partial<Record<string, { missing_settings: readonly string[] }>> = {},
): FunctionReadiness[] {
  const missing = new Map<string, string[]>(
    supported.map((fn) => [fn, [...(declared[fn]?.missing_settings ?? [])]]),
  );
  for (const message of report.messages) {
    const m = NOT_SET.exec(message);
    if (!m) continue;
    const clause = m[2]!.split(' cannot ', 1)[0]!;
    const named = new Set(clause.match(/\b[a-z][a-z_]*\b/g) ?? []);
    for (const fn of supported) {
      const list = missing.get(fn) ?? [];
      if (named.has(fn) && !list.includes(m[1]!)) missing.set(fn, [...list, m[1]!]);
    }
  }
  const credentialsFailed = !report.ok && Object.keys(report.choices).length === 0;
  return supported.map((name) => {
    const needs = missing.get(name) ?? [];
    return { name, ready: !credentialsFailed && needs.length === 0, missing: needs };
  });
}
