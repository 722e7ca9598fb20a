// Regenerates the console screenshots docs/console.md shows (docs/images/console-*.png): runs the
// console's browser test (test/console/console.test.ts, Debian's Chromium) with
// PONTE_CONSOLE_SCREENSHOTS pointing at docs/images.
//
//   node scripts/console-screenshots.mjs
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', 'test/console/console.test.ts'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, PONTE_CONSOLE_SCREENSHOTS: 'docs/images' } },
);
process.exitCode = result.status ?? 1;
