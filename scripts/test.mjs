// Runs every *.test.ts under src/, test/ and simulators/ with node's test runner (through tsx),
// on the embedded SQLite store; then, when DATABASE_URL names a PostgreSQL server, runs the tests
// under test/ (everything that goes through the store) again on PostgreSQL. Node 20 has no glob
// support in `--test`, so the files are listed here.
// Extra arguments filter by path: `npm test -- src/brasil` runs only the files below that path.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const roots = ['src', 'test', 'simulators'];

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out;
}

/** Runs the files, echoing the output, and returns the runner's pass/fail counts. */
function run(files, env) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      // A test that hangs fails after 3 minutes instead of holding CI until its own limit.
      [
        '--import',
        'tsx',
        '--test',
        '--test-concurrency=2',
        '--test-timeout=180000',
        '--test-reporter=spec',
        ...files,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env },
    );
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on('close', (code) => {
      const count = (word) => Number(new RegExp(`ℹ ${word} (\\d+)`).exec(tail)?.[1] ?? 0);
      resolve({ code: code ?? 1, passed: count('pass'), failed: count('fail') });
    });
  });
}

const filters = process.argv.slice(2).map((p) => p.replace(/^\.\//, ''));
const files = roots
  .flatMap((r) => walk(join(root, r), []))
  .filter((f) => filters.length === 0 || filters.some((p) => f.startsWith(p)))
  .sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

const databaseUrl = process.env.DATABASE_URL;
const { DATABASE_URL: _omit, ...sqliteEnv } = process.env;
const results = [];
console.log(`\n== ${files.length} test files on SQLite`);
results.push(await run(files, { ...sqliteEnv, NODE_ENV: 'test' }));

const storeFiles = files.filter((f) => f.startsWith('test/'));
if (!databaseUrl) {
  console.log(
    '\nPostgreSQL suite skipped: DATABASE_URL is not set. To run it, point DATABASE_URL at a PostgreSQL\n' +
      'server where the user may create databases, e.g.\n' +
      '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm test',
  );
} else if (storeFiles.length > 0) {
  console.log(`\n== ${storeFiles.length} test files on PostgreSQL`);
  results.push(await run(storeFiles, { ...process.env, NODE_ENV: 'test' }));
}

if (!process.env.REDIS_URL && files.some((f) => f.startsWith('test/fleet/'))) {
  console.log(
    '\nFleet-mode tests (test/fleet) skipped: REDIS_URL is not set. To run them, point REDIS_URL at a\n' +
      'Redis server, e.g. REDIS_URL=redis://127.0.0.1:6379 npm test (each test uses a key prefix of its own).',
  );
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`\nall runs: ${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
