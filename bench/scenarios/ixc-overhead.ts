// What Ponte costs over the ERP: list_bills through Ponte to the IXC simulator, against a client
// that sends the same IXC requests straight to the simulator (what it would do without Ponte).
// A direct "call" is that sequence on one connection; its latency is the sum of the three.
// Both sides run `rounds` times, alternating, and keep their best round: on a shared machine the
// worst rounds measure the neighbours.
import { setTimeout as sleep } from 'node:timers/promises';
import { formatDocument } from '../../src/brasil/document.js';
import { FIXTURES } from '../../simulators/ixc/seed.js';
import type { LoadRequest, LoadResult } from '../load.js';
import {
  cpuUsPerCall,
  failureNote,
  loadData,
  measure,
  round,
  loadColumns,
  rssTarget,
  type BenchContext,
  type Figure,
} from '../context.js';
import type { PonteProcess } from '../ponte-process.js';
import type { SimProcess } from '../sim-process.js';

/** The customer with exactly one open bill: three ERP requests, none of them in parallel. */
const IXC_CUSTOMER = FIXTURES.otherBills;
const CLIENTS = 10;
const PAGE_SIZE = '500';

interface Listing {
  total: string;
  registros?: Record<string, string>[];
}

/**
 * The requests IXC's list_bills sends (src/providers/ixc: the customer by masked document, the
 * customer's released bills that are neither received nor cancelled, then get_pix per open bill),
 * made once here to learn the ids the sequence needs.
 */
export async function directRequests(sim: SimProcess, document: string): Promise<LoadRequest[]> {
  const headers = { authorization: `Basic ${Buffer.from(sim.token).toString('base64')}` };
  const listing = { ...headers, ixcsoft: 'listar' };
  const path = (resource: string) => `${new URL(sim.baseUrl).pathname}/${resource}`;
  const customerBody = JSON.stringify({
    qtype: 'cliente.cnpj_cpf',
    query: formatDocument(document),
    oper: '=',
    sortname: 'cliente.id',
    sortorder: 'asc',
    page: '1',
    rp: PAGE_SIZE,
  });
  const post = async (resource: string, body: string, h: Record<string, string>) => {
    const res = await fetch(`${sim.baseUrl}/${resource}`, {
      method: 'POST',
      headers: { ...h, 'content-type': 'application/json' },
      body,
    });
    return (await res.json()) as Listing;
  };
  const customer = (await post('cliente', customerBody, listing)).registros?.[0];
  if (customer?.id === undefined) throw new Error('the IXC simulator has no bench customer');
  const billsBody = JSON.stringify({
    qtype: 'fn_areceber.id_cliente',
    query: customer.id,
    oper: '=',
    grid_param: JSON.stringify([
      { TB: 'fn_areceber.liberado', OP: '=', P: 'S' },
      { TB: 'fn_areceber.status', OP: '!=', P: 'R' },
      { TB: 'fn_areceber.status', OP: '!=', P: 'C' },
    ]),
    sortname: 'fn_areceber.data_vencimento',
    sortorder: 'asc',
    page: '1',
    rp: PAGE_SIZE,
  });
  const bills = (await post('fn_areceber', billsBody, listing)).registros ?? [];
  if (bills.length !== 1) throw new Error(`the bench customer has ${bills.length} open bills, not 1`);
  const pixBody = JSON.stringify({ id_areceber: bills[0]!.id });
  return [
    { method: 'POST', path: path('cliente'), headers: listing, body: customerBody },
    { method: 'POST', path: path('fn_areceber'), headers: listing, body: billsBody },
    { method: 'POST', path: path('get_pix'), headers, body: pixBody },
  ];
}

/**
 * Waits until the simulator has received nothing for 100 ms: calls a load run's clients abandoned
 * may still be finishing their ERP requests, which would count against the next measurement.
 */
export async function quiet(sim: SimProcess): Promise<void> {
  let last = await sim.requests();
  for (let i = 0; i < 30; i++) {
    await sleep(100);
    const now = await sim.requests();
    if (now === last) return;
    last = now;
  }
}

/** ERP requests one call of `name` makes, read from the simulator's counter. */
export async function erpRequestsOf(
  ponte: PonteProcess,
  sim: SimProcess,
  key: string,
  name: string,
  body: unknown,
): Promise<{ requests: number; status: number; body: unknown }> {
  await quiet(sim);
  const before = await sim.requests();
  const answer = await ponte.call(name, body, key);
  return { requests: (await sim.requests()) - before, ...answer };
}

function signed(ms: number): string {
  return `${ms >= 0 ? '+' : '−'}${Math.abs(ms).toFixed(2)}`;
}

/**
 * The ERP simulator's own CPU per call: set against Ponte's (the CPU column), it says how much of
 * the machine each side needs; on a machine with fewer cores than busy processes they compete.
 */
function simulatorCpu(result: LoadResult): string {
  const us = cpuUsPerCall(result, 'simulator');
  return us === null ? 'simulator CPU not measured' : `simulator ${Math.round(us)} µs CPU/call`;
}

function best(results: LoadResult[]): LoadResult {
  return results.reduce((a, b) => (b.callsPerSecond > a.callsPerSecond ? b : a));
}

export interface OverheadInput {
  ponte: PonteProcess;
  sim: SimProcess;
  key: string;
  /** ERP latency added by the simulator to every request, ms (0: as fast as it goes). */
  erpLatencyMs: number;
}

export async function ixcOverhead(ctx: BenchContext, input: OverheadInput): Promise<Figure[]> {
  const { ponte, sim, key } = input;
  await sim.setFaults(input.erpLatencyMs > 0 ? [{ kind: 'latency', ms: input.erpLatencyMs }] : []);
  const direct = await directRequests(sim, IXC_CUSTOMER);
  const probe = await erpRequestsOf(ponte, sim, key, 'list_bills', {
    customer_document_number: IXC_CUSTOMER,
  });
  if (probe.status !== 200) throw new Error(`list_bills on IXC failed: ${JSON.stringify(probe.body)}`);
  const suffix = input.erpLatencyMs > 0 ? `, ERP +${input.erpLatencyMs} ms/request` : '';
  const rounds = input.erpLatencyMs > 0 ? 1 : ctx.rounds;
  const directRuns: LoadResult[] = [];
  const ponteRuns: LoadResult[] = [];
  for (let i = 0; i < rounds; i++) {
    directRuns.push(
      await measure(ctx, `IXC list_bills direct${suffix} (round ${i + 1})`, {
        url: sim.origin,
        connections: CLIENTS,
        seconds: ctx.seconds,
        requests: direct,
        watch: { simulator: sim.pid },
      }),
    );
    const run = await measure(ctx, `IXC list_bills via Ponte${suffix} (round ${i + 1})`, {
      url: ponte.url,
      connections: CLIENTS,
      seconds: ctx.seconds,
      requests: [
        {
          method: 'POST',
          path: '/v1/functions/list_bills',
          headers: { authorization: `Bearer ${key}` },
          body: JSON.stringify({ customer_document_number: IXC_CUSTOMER }),
        },
      ],
      watch: { ponte: ponte.pid, simulator: sim.pid },
    });
    ponteRuns.push(run);
  }
  await sim.setFaults([]);
  const d = best(directRuns);
  const p = best(ponteRuns);
  const ratio = p.callsPerSecond / d.callsPerSecond;
  const clean = p.failed + p.errors === 0 && d.failed + d.errors === 0;
  const addedP50 = p.p50 - d.p50;
  const addedP99 = p.p99 - d.p99;
  const id = input.erpLatencyMs > 0 ? `ixc.list_bills.latency${input.erpLatencyMs}` : 'ixc.list_bills';
  const directFigure: Figure = {
    id: `${id}.direct`,
    label: `IXC list_bills direct to simulator${suffix}`,
    ...loadColumns(d),
    erpPerCall: direct.length,
    detail: `the same ${direct.length} IXC requests in sequence, best of ${rounds}; ${simulatorCpu(d)}${failureNote(d)}`,
    targets: [],
    data: { rounds: directRuns.map(loadData) },
  };
  const targets =
    input.erpLatencyMs > 0
      ? [rssTarget(p)]
      : [
          { text: 'adds ≤ 1 ms at p50', met: clean && addedP50 <= 1 },
          { text: 'adds ≤ 5 ms at p99', met: clean && addedP99 <= 5 },
          { text: '≥ 80 % of direct throughput', met: clean && ratio >= 0.8 },
          rssTarget(p),
        ];
  const ponteFigure: Figure = {
    id: `${id}.ponte`,
    label: `IXC list_bills via Ponte${suffix}`,
    ...loadColumns(p),
    erpPerCall: probe.requests,
    detail: `${(ratio * 100).toFixed(0)} % of direct throughput, ${signed(addedP50)} ms p50, ${signed(addedP99)} ms p99, best of ${rounds}; ${simulatorCpu(p)}${failureNote(p)}`,
    targets,
    data: {
      throughput_ratio: round(ratio, 3),
      added_p50_ms: round(addedP50, 3),
      added_p99_ms: round(addedP99, 3),
      erp_requests_per_call: probe.requests,
      rounds: ponteRuns.map(loadData),
    },
  };
  return [directFigure, ponteFigure];
}
