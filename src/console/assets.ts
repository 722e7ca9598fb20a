// The console's front end (console/ at the repository root, Preact) as the browser gets it: one
// JavaScript and one CSS file. `npm start` builds them into dist/console-ui/ (scripts/build.mjs
// calls buildConsoleUi); run from the sources (tests, bin/ponte.js) they are built in memory with
// esbuild on the first request, in well under a second.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { build } from 'esbuild';

export interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

export type Assets = Record<'app.js' | 'app.css', Asset>;

/** dist/ when compiled, the checkout when run from the sources. */
const root = fileURLToPath(new URL('../../', import.meta.url));
const PREBUILT = 'console-ui';

const TYPES = { 'app.js': 'text/javascript; charset=utf-8', 'app.css': 'text/css; charset=utf-8' } as const;

function asset(name: keyof typeof TYPES, body: Buffer): Asset {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  return { body, type: TYPES[name], etag };
}

/**
 * Bundles console/main.tsx of the checkout at `from` into app.js and app.css: written into
 * `outdir` when given (the build, which passes its own esbuild: its output may be outside the
 * checkout's node_modules), otherwise returned.
 */
export async function buildConsoleUi(
  from: string,
  outdir?: string,
  esbuild?: { build: typeof build },
): Promise<Assets> {
  const run = esbuild?.build ?? (await import('esbuild')).build;
  const result = await run({
    absWorkingDir: from,
    entryPoints: { app: join(from, 'console', 'main.tsx') },
    outdir: outdir ?? join(from, PREBUILT),
    write: outdir !== undefined,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const files = outdir === undefined ? result.outputFiles : undefined;
  const read = (name: keyof typeof TYPES) => {
    const file = files?.find((f) => f.path.endsWith(name));
    return asset(name, file ? Buffer.from(file.contents) : readFileSync(join(outdir!, name)));
  };
  return { 'app.js': read('app.js'), 'app.css': read('app.css') };
}

let loading: Promise<Assets> | undefined;

/** The console's files: prebuilt ones when there are, built from the sources otherwise (once). */
export function consoleAssets(): Promise<Assets> {
  loading ??= (async () => {
    const prebuilt = join(root, PREBUILT);
    if (existsSync(join(prebuilt, 'app.js'))) {
      return {
        'app.js': asset('app.js', readFileSync(join(prebuilt, 'app.js'))),
        'app.css': asset('app.css', readFileSync(join(prebuilt, 'app.css'))),
      };
    }
    return buildConsoleUi(root);
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
