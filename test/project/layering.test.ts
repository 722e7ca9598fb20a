// The shape of the code, checked: no import circles, no upward imports (a provider never reaches
// into the gateway, the HTTP server or the CLI; the contract and the Brazilian helpers depend on
// nothing above them), no provider's name outside its own folders and the registries, and every
// dependency in package.json imported somewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(new URL('../..', import.meta.url).pathname);

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else if (/\.(ts|tsx|mjs|js)$/.test(name)) out.push(path);
  }
  return out;
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)|(?:^|\n)\s*import\s+'([^']+)'/g;

function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

/** Relative imports resolved to repository paths (.js written for .ts files). */
function localImports(path: string): string[] {
  return importsOf(path)
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(root, resolve(dirname(path), s)).replace(/\.js$/, '.ts'));
}

const sources = files(join(root, 'src')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

test('no import circles among the sources', () => {
  const graph = new Map(sources.map((f) => [relative(root, f), localImports(f)]));
  const circles: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'visiting')
        circles.push([...stack.slice(stack.indexOf(next)), next].join(' -> '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  assert.deepEqual(circles, []);
});

const LAYERS: [string, string[]][] = [
  ['src/brasil/', ['src/contract/', 'src/providers/', 'src/gateway/', 'src/http/', 'src/cli/', 'src/store/']],
  ['src/contract/', ['src/providers/', 'src/gateway/', 'src/http/', 'src/cli/', 'src/store/']],
  ['src/providers/', ['src/gateway/', 'src/http/', 'src/cli/', 'src/store/', 'src/webhooks/']],
  ['src/store/', ['src/gateway/', 'src/http/', 'src/cli/', 'src/providers/']],
  ['src/gateway/', ['src/http/', 'src/cli/']],
];

test('no upward imports', () => {
  const wrong: string[] = [];
  for (const file of sources) {
    const from = relative(root, file);
    const rule = LAYERS.find(([layer]) => from.startsWith(layer));
    if (!rule) continue;
    for (const target of localImports(file)) {
      if (rule[1].some((forbidden) => target.startsWith(forbidden))) wrong.push(`${from} imports ${target}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('a provider is imported only from its own folder and the registries', () => {
  const providers = readdirSync(join(root, 'src/providers')).filter(
    (name) => statSync(join(root, 'src/providers', name)).isDirectory() && name !== 'kit',
  );
  const wrong: string[] = [];
  for (const file of sources) {
    const from = relative(root, file);
    for (const target of localImports(file)) {
      const m = /^src\/providers\/([^/]+)\//.exec(target);
      if (!m || !providers.includes(m[1]!)) continue;
      const own = from.startsWith(`src/providers/${m[1]}/`);
      const registry = from === 'src/providers/index.ts';
      // The sandbox is Ponte's embedded default: the CLI seeds and lists it (`ponte sandbox ...`).
      const sandboxCli = m[1] === 'sandbox' && from.startsWith('src/cli/');
      if (!own && !registry && !sandboxCli) wrong.push(`${from} imports ${target}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('every dependency in package.json is imported somewhere', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const everything = ['src', 'test', 'bench', 'scripts', 'simulators', 'console']
    .flatMap((d) => {
      try {
        return files(join(root, d));
      } catch {
        return [];
      }
    })
    .concat(
      [join(root, 'eslint.config.js'), join(root, 'bin/ponte.js')].filter((f) => {
        try {
          return statSync(f).isFile();
        } catch {
          return false;
        }
      }),
    );
  const used = new Set(
    everything
      .flatMap(importsOf)
      .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!)),
  );
  // Used by name rather than by import: tools run from package.json scripts or by other packages.
  const byTool = new Set(['tsx', 'typescript', 'prettier', 'eslint', '@types/node']);
  const unused = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)].filter(
    (name) =>
      !used.has(name) && !byTool.has(name) && !(name.startsWith('@types/') && used.has(name.slice(7))),
  );
  assert.deepEqual(unused, []);
});
