// Ponte as its own process (`ponte serve`), for tests that kill it or run several side by side.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

const root = new URL('../..', import.meta.url).pathname;

export interface PonteProcess {
  url: string;
  child: ChildProcess;
  /** Everything it has written to stdout and stderr. */
  output(): string;
  /** Ends it with the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A TCP port nothing listens on now (for a server a test starts). */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts `ponte serve` from the sources (bin/ponte.js), or with `args` instead: the node arguments
 * of another way to start it (the compiled one of `npm start`), run in the checkout's root.
 */
export async function startPonteProcess(
  env: Record<string, string>,
  args: string[] = [`${root}bin/ponte.js`, 'serve'],
): Promise<PonteProcess> {
  const port = await freePort();
  // The store and fleet mode are each test's choice, never inherited from the test run.
  const { DATABASE_URL: _inherited, REDIS_URL: _fleet, ...base } = process.env;
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...base, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ponte serve did not start:\n${output}`)), 30_000);
    const check = () => {
      if (output.includes('Ponte is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', () => {
      clearTimeout(timer);
      reject(new Error(`ponte serve exited:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}

export async function callProcess(
  url: string,
  name: string,
  body: unknown,
  key: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are asserted field by field
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/v1/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
