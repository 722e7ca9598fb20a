// How `npm start` runs Ponte, read from package.json's start script so that the benchmark and the
// tests start it exactly the same way: compile (scripts/build.mjs), then node with the V8 flags
// the script gives (docs/performance.md says why) on dist/ponte.js.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const START = /^node scripts\/build\.mjs && node ((?:--[\w=-]+ )*)dist\/ponte\.js serve$/;

/**
 * The node arguments (flags, then the script) that `npm start` runs `serve` with in the checkout
 * at `root`, or null when its start script has another shape (an older checkout: run bin/ponte.js).
 */
export function serveArguments(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const m = START.exec(pkg.scripts?.start ?? '');
  if (!m) return null;
  return [...m[1].split(' ').filter((f) => f !== ''), 'dist/ponte.js', 'serve'];
}
