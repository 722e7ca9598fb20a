// One load run: autocannon drives `connections` clients in a closed loop for a fixed time. A
// "call" is one pass over `requests` on one connection (one request for a Ponte function; the
// several ERP requests a client would send itself for the direct baseline), and its latency is
// the sum of its requests' response times, measured at full precision.
import autocannon from 'autocannon';
import type { AutocannonRequest, AutocannonResult } from 'autocannon';
import { Samples, type LatencySummary } from './stats.js';
import { watchProcess, type Usage } from './proc.js';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** A fixed body, or one made for each request (each call its own customer, transaction id...). */
  body?: string | (() => string);
}

export interface LoadOptions {
  /** Origin, e.g. http://127.0.0.1:8080. */
  url: string;
  connections: number;
  seconds: number;
  requests: LoadRequest[];
  /** Processes whose RSS and CPU time are recorded during the run. */
  watch?: Record<string, number>;
}

export interface LoadResult extends LatencySummary {
  connections: number;
  seconds: number;
  /** Calls whose every request answered 2xx. */
  calls: number;
  callsPerSecond: number;
  /** Calls with a non-2xx answer, and transport errors or timeouts. */
  failed: number;
  errors: number;
  statusCodes: Record<string, number>;
  usage: Record<string, Usage>;
}

function toAutocannon(r: LoadRequest): AutocannonRequest {
  const headers = { 'content-type': 'application/json', ...r.headers };
  const { body } = r;
  if (typeof body === 'function') {
    return {
      method: r.method,
      path: r.path,
      headers,
      setupRequest: (req) => {
        req.body = body();
        return req;
      },
    };
  }
  return { method: r.method, path: r.path, headers, ...(body === undefined ? {} : { body }) };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const perCall = options.requests.length;
  const samples = new Samples();
  const progress = new Map<object, { n: number; ms: number; ok: boolean }>();
  let failed = 0;
  const watchers = Object.entries(options.watch ?? {}).map(
    ([name, pid]) => [name, watchProcess(pid)] as const,
  );
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        timeout: 30,
        requests: options.requests.map(toAutocannon),
      },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on('response', (client: object, status: number, _bytes: number, ms: number) => {
      let p = progress.get(client);
      if (p === undefined) {
        p = { n: 0, ms: 0, ok: true };
        progress.set(client, p);
      }
      p.n++;
      p.ms += ms;
      if (status < 200 || status >= 300) p.ok = false;
      if (p.n === perCall) {
        if (p.ok) samples.add(p.ms);
        else failed++;
        p.n = 0;
        p.ms = 0;
        p.ok = true;
      }
    });
  });
  const seconds = result.duration;
  const usage = Object.fromEntries(watchers.map(([name, w]) => [name, w.stop()]));
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]),
  );
  return {
    connections: options.connections,
    seconds,
    calls: samples.count,
    callsPerSecond: samples.count / seconds,
    failed,
    errors: result.errors + result.timeouts,
    statusCodes,
    usage,
    ...samples.summary(),
  };
}
