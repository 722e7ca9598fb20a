// Ponte as a separate process started as `npm start` starts it (compiled, with its node flags), as
// it runs in production, so its RSS and CPU time are its own and not the load generator's.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { serveArguments } from '../scripts/start-command.mjs';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface PonteOptions {
  /** The checkout whose Ponte runs (default: this one), to compare a change against it. */
  root?: string;
  dataDir: string;
  /** PostgreSQL store; unset: the embedded SQLite. */
  databaseUrl?: string;
  /** Fleet mode: the Redis the instances share, and the key prefix of this run. */
  redisUrl?: string;
  redisPrefix?: string;
  /** The fleet's master key (every instance on one store needs the same). */
  masterKey?: string;
  /** Customers seeded into the sandbox tenant of a new data directory. */
  sandboxCustomers?: number;
  /** Writes a V8 CPU profile of the whole process into this directory when it stops. */
  cpuProfileDir?: string;
}

export interface PonteProcess {
  pid: number;
  url: string;
  adminToken: string;
  /** The key of the sandbox tenant, when this start created it. */
  bootstrapKey: string;
  stop(): Promise<void>;
  /** The end of what the process has written (its warnings and errors: LOG_LEVEL is warn). */
  output(): string;
  /** POST to the admin API; the parsed answer. */
  admin(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<unknown>;
  /** POST /v1/functions/{name} once; the status and parsed answer. */
  call(name: string, body: unknown, key: string): Promise<{ status: number; body: unknown }>;
}

const built = new Set<string>();

/**
 * What `npm start` runs in the checkout at `root`: compiled once per bench run, then node with the
 * start script's flags. An older checkout without a build runs its bin/ponte.js.
 */
function serveCommand(root: string): string[] {
  const args = serveArguments(root);
  if (args === null) return ['bin/ponte.js', 'serve'];
  if (!built.has(root)) {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`the build failed in ${root}:\n${build.stdout}${build.stderr}`);
    built.add(root);
  }
  return args;
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export async function startPonte(options: PonteOptions): Promise<PonteProcess> {
  const adminToken = randomBytes(24).toString('hex');
  const bootstrapKey = `pk_${randomBytes(30).toString('base64url')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    PONTE_DATA_DIR: options.dataDir,
    PONTE_ADMIN_TOKEN: adminToken,
    PONTE_BOOTSTRAP_KEY: bootstrapKey,
    PONTE_SANDBOX_CUSTOMERS: String(options.sandboxCustomers ?? 1000),
    ...(options.masterKey === undefined ? {} : { PONTE_MASTER_KEY: options.masterKey }),
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  if (options.redisUrl !== undefined) {
    env.REDIS_URL = options.redisUrl;
    env.PONTE_REDIS_PREFIX = options.redisPrefix ?? 'ponte-bench:';
  }
  if (options.databaseUrl !== undefined) env.DATABASE_URL = options.databaseUrl;
  const nodeArgs =
    options.cpuProfileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`];
  const root = options.root ?? ROOT;
  const child = spawn(process.execPath, [...nodeArgs, ...serveCommand(root)], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Ponte did not start within 120 s:\n${output}`)),
      120_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Ponte is listening on http:\/\/[^:\s]+:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Ponte exited (${code}) before listening:\n${output}`));
    });
  });
  // Kept short: under load a failing ERP can log a line per call.
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-16_384);
  };
  child.stdout.removeAllListeners('data').on('data', keep);
  child.stderr.removeAllListeners('data').on('data', keep);
  const url = `http://127.0.0.1:${port}`;

  async function request(path: string, method: string, auth: string, body?: unknown) {
    const res = await fetch(url + path, {
      method,
      headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: await res.json() };
  }

  return {
    pid: child.pid!,
    url,
    adminToken,
    bootstrapKey,
    async stop() {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(killer);
    },
    output: () => output,
    async admin(method, path, body) {
      const res = await request(`/admin/v1${path}`, method, adminToken, body);
      if (res.status >= 300) throw new Error(`admin ${method} ${path}: ${JSON.stringify(res.body)}`);
      return res.body;
    },
    call: (name, body, key) => request(`/v1/functions/${name}`, 'POST', key, body),
  };
}

/** Runs a `ponte` command (e.g. sandbox seed) to completion; its output when it fails. */
export function runPonteCommand(args: string[], dataDir: string, root = ROOT): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, PONTE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['bin/ponte.js', ...args], { cwd: root, env, stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`ponte ${args.join(' ')} failed (${code}):\n${output}`)),
    );
  });
}
