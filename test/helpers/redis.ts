// Redis for the fleet tests: the machine's server named by REDIS_URL (tests skip without it, as
// the PostgreSQL ones do without DATABASE_URL), with a key prefix per test so that tests never
// see each other's keys; and a private redis-server on a free port, for a test that stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { freePort } from './ponte-process.js';

export const redisUrl = process.env.REDIS_URL || undefined;

/** For `describe(..., { skip })`: false when Redis is there, else why the test cannot run. */
export const skipWithoutRedis: string | false = redisUrl
  ? false
  : 'needs REDIS_URL (a Redis server, e.g. REDIS_URL=redis://127.0.0.1:6379)';

/** A key prefix no other test uses. */
export function testPrefix(name: string): string {
  return `ponte-test:${name}:${randomBytes(4).toString('hex')}:`;
}

/** A client of the test Redis, to read the shared state and to delete a test's keys after it. */
export function redisClient(url = redisUrl): Redis {
  if (url === undefined) throw new Error('REDIS_URL is not set');
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
}

export async function dropPrefix(client: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length > 0) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

export interface PrivateRedis {
  url: string;
  /** Starts it (again) on its port; resolves once it answers. */
  start(): Promise<void>;
  /** Kills it (SIGKILL: as a crash, nothing said to the clients). */
  kill(): Promise<void>;
}

/** A redis-server of the test's own, keeping nothing on disk, started and killed by the test. */
export async function privateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const ping = async () => {
    const c = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    c.on('error', () => undefined);
    try {
      await c.connect();
      return (await c.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      c.disconnect();
    }
  };
  return {
    url,
    async start() {
      child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      );
      for (let i = 0; i < 100 && !(await ping()); i++) await new Promise((r) => setTimeout(r, 50));
      if (!(await ping())) throw new Error(`redis-server did not start on port ${port}`);
    },
    async kill() {
      const c = child;
      child = null;
      if (c === null || c.exitCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      await exited;
    },
  };
}
