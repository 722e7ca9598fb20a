// docs/contract.md, the contract written for people, names exactly what src/contract/ enforces:
// a section for each of the 21 functions (with its page name) and a row for each error code with
// its HTTP status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { errorCatalogue, functionNames, functions } from '../../src/contract/index.js';

const doc = readFileSync(new URL('../../docs/contract.md', import.meta.url), 'utf8');

test('docs/contract.md has a section for every function, with its page name, and no other', () => {
  const sections = [...doc.matchAll(/^#### `([a-z_]+)`$/gm)].map((m) => m[1]);
  assert.deepEqual(sections, [...functionNames]);
  for (const name of functionNames) {
    const start = doc.indexOf(`#### \`${name}\``);
    const section = doc.slice(start, doc.indexOf('\n#', start + 1));
    assert.ok(section.includes(functions[name].pageName.split(' / ')[0] ?? ''), `${name}: page name`);
  }
});

test('docs/contract.md lists every error code with its HTTP status, and no other', () => {
  const rows = [...doc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]);
  assert.deepEqual(
    rows,
    Object.entries(errorCatalogue).map(([code, e]) => [code, e.status]),
  );
});
