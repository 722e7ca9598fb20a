// docs/grafana-dashboard.json and docs/alerts.yml only read metrics Ponte exports, and
// docs/operations.md describes every metric Ponte exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { GatewayMetrics } from '../../src/gateway/metrics.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** Every series name Ponte's registry can expose (histograms with their _bucket, _sum, _count). */
async function exported(): Promise<{ families: string[]; series: Set<string> }> {
  const metrics = new GatewayMetrics({ defaultMetrics: true });
  const all = await metrics.registry.getMetricsAsJSON();
  const families = all.map((m) => m.name);
  const series = new Set<string>();
  for (const m of all) {
    series.add(m.name);
    if (String(m.type) === 'histogram') for (const s of ['_bucket', '_sum', '_count']) series.add(m.name + s);
  }
  return { families, series };
}

const ponteNames = (expr: string) => [...expr.matchAll(/\bponte_[a-z0-9_]+/g)].map((m) => m[0]);

test('the Grafana dashboard is valid JSON and reads only metrics Ponte exports', async () => {
  const { series } = await exported();
  const dashboard = JSON.parse(read('docs/grafana-dashboard.json')) as {
    title: string;
    panels: { type: string; title: string; targets?: { expr: string }[] }[];
  };
  assert.equal(dashboard.title, 'Ponte');
  const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
  assert.ok(exprs.length >= 10);
  for (const name of exprs.flatMap(ponteNames)) assert.ok(series.has(name), `${name} is exported`);
  for (const needed of [
    'ponte_erp_request_duration_seconds_bucket',
    'ponte_settlement_queue',
    'ponte_settlement_oldest_age_seconds',
    'ponte_settlement_outcomes_total',
    'ponte_tenant_info',
  ])
    assert.ok(
      exprs.some((e) => e.includes(needed)),
      `the dashboard shows ${needed}`,
    );
});

test('the alert rules have a name, an expression on exported metrics, a severity and a summary', async () => {
  const { series } = await exported();
  const text = read('docs/alerts.yml');
  const rules = text.split(/^ {6}- alert: /m).slice(1);
  assert.ok(rules.length >= 8, `${rules.length} rules`);
  const names = new Set<string>();
  for (const rule of rules) {
    const name = rule.split('\n', 1)[0]!.trim();
    assert.match(name, /^Ponte[A-Za-z]+$/);
    assert.ok(!names.has(name), `${name} once`);
    names.add(name);
    const expr = /^ {8}expr: (?:\|\n((?: {10}.*\n)+)|(.*)\n)/m.exec(rule);
    assert.ok(expr, `${name}: expr`);
    const body = expr[1] ?? expr[2] ?? '';
    for (const metric of ponteNames(body)) assert.ok(series.has(metric), `${name}: ${metric} is exported`);
    assert.match(rule, /^ {10}severity: (critical|warning|info)$/m, `${name}: severity`);
    assert.match(rule, /^ {10}summary: /m, `${name}: summary`);
    // Balanced parentheses and braces, a cheap check that the expression is whole.
    for (const [open, close] of [
      ['(', ')'],
      ['{', '}'],
    ] as const)
      assert.equal(body.split(open).length, body.split(close).length, `${name}: ${open}${close}`);
  }
  for (const needed of ['PonteErpCircuitOpen', 'PonteSettlementsQueuedTooLong', 'PonteSettlementsNeedAHuman'])
    assert.ok(names.has(needed), needed);
});

test('docs/operations.md describes every metric family Ponte exports (beside the process ones)', async () => {
  const { families } = await exported();
  const operations = read('docs/operations.md');
  const own = families.filter((f) => !/^ponte_(process|nodejs)_/.test(f));
  for (const family of own) assert.ok(operations.includes(`\`${family}`), `${family} in docs/operations.md`);
  assert.match(operations, /grafana-dashboard\.json/);
  assert.match(operations, /alerts\.yml/);
});
