// A platform's webhook endpoint for tests: a real HTTP server on 127.0.0.1 that records every
// delivery (headers and the raw body, as a receiver must verify it) and answers 200, or what the
// test says.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted field by field
  json: any;
}

export interface Receiver {
  url: string;
  port: number;
  received: Delivery[];
  /** The status the next deliveries get (200 by default). */
  answer: number;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Delivery[] = [];
  const state = { answer: 200 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = null;
      }
      received.push({ headers: req.headers, body, json });
      res.writeHead(state.answer, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    get answer() {
      return state.answer;
    },
    set answer(status: number) {
      state.answer = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls `probe` until it gives a value (a count at the receiver, a state in the store). */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  ms = 20_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
