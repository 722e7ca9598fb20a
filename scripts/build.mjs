// Compiles Ponte's TypeScript to plain JavaScript in dist/ (about half a second), so that
// `npm start` runs without a TypeScript loader: tsx's loader thread costs ~55 MB of memory and
// some CPU on every call. Types are checked by `npm run typecheck`, not here: esbuild only strips
// them, file by file, keeping the layout (src/, simulators/) so relative imports stay as written.
//
//   node scripts/build.mjs [--out DIR]      (default: dist/ beside this script's checkout)
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = resolve(values.out ?? join(root, 'dist'));

/** The .ts files that ship: sources, not tests or test helpers. */
function sources(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .filter((f) => !/\.(test|test-helper|d)\.ts$/.test(f));
}

const started = performance.now();
const entryPoints = ['src', 'simulators'].flatMap(sources);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints,
  outdir: out,
  outbase: '.',
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
// The console's front end (console/, Preact) as one script and one stylesheet, served at /console.
const { buildConsoleUi } = await import(pathToFileURL(join(out, 'src/console/assets.js')).href);
await buildConsoleUi(root, join(out, 'console-ui'), { build });
// What the compiled code reads at run time: its name and version (serve prints them), and that
// its .js files are ES modules. Dependencies are found in the checkout's node_modules, above dist/.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
writeFileSync(
  join(out, 'package.json'),
  JSON.stringify({ name: pkg.name, version: pkg.version, private: true, type: 'module' }, null, 2) + '\n',
);
writeFileSync(
  join(out, 'ponte.js'),
  [
    '#!/usr/bin/env node',
    '// The `ponte` command, compiled by scripts/build.mjs (bin/ponte.js runs the sources instead).',
    "const { main } = await import('./src/cli/main.js');",
    'process.exitCode = await main(process.argv.slice(2));',
    '',
  ].join('\n'),
);
const ms = Math.round(performance.now() - started);
console.log(`Built ${entryPoints.length} files into ${relative(process.cwd(), out) || '.'} in ${ms} ms`);
