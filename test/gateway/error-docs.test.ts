// The error catalogue, the /docs page and the README's error table tell the same story: the same
// codes, with the same HTTP statuses.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { errorCatalogue } from '../../src/contract/index.js';
import { send } from '../helpers/http.js';
import { startPonte, type RunningPonte } from '../helpers/ponte.js';

const catalogue = Object.fromEntries(Object.entries(errorCatalogue).map(([code, e]) => [code, e.status]));

/** Code -> status of every row of a markdown table whose cells are "| `CODE` | 400 | ... |". */
function errorRows(markdown: string): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const line of markdown.split('\n')) {
    const cells = line
      .trim()
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const status = cells[1];
    if (cells.length < 2 || status === undefined || !/^[45]\d\d$/.test(status)) continue;
    const codes = [...cells[0]!.matchAll(/`([A-Z][A-Z_]+)`/g)].map((m) => m[1]!);
    for (const code of codes) {
      assert.ok(!(code in rows), `${code} is listed twice`);
      rows[code] = Number(status);
    }
  }
  return rows;
}

/** The body of the `## Errors` section of the README. */
function errorsSection(readme: string): string {
  const start = readme.search(/^## Errors\b/m);
  assert.ok(start >= 0, 'the README has an "## Errors" section');
  const rest = readme.slice(start + 1);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('error codes are documented consistently', () => {
  let ponte: RunningPonte;
  before(async () => {
    ponte = await startPonte();
  });
  after(() => ponte.close());

  test('/docs lists every catalogue code with its status', async () => {
    const page = await send(ponte.url, '/docs');
    assert.equal(page.status, 200);
    const listed: Record<string, number> = {};
    for (const m of page.text.matchAll(/<tr><td><code>([A-Z_]+)<\/code><\/td><td>(\d{3})<\/td>/g)) {
      listed[m[1]!] = Number(m[2]);
    }
    assert.deepEqual(listed, catalogue);
  });

  test("the README's error table lists exactly the catalogue's codes with the same statuses", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    assert.deepEqual(errorRows(errorsSection(readme)), catalogue);
  });

  test('the table reader understands the README row format', () => {
    const rows = errorRows(
      [
        '| code | HTTP | when |',
        '|---|---|---|',
        '| `A_B` | 404 | x |',
        '| `C_X` / `D_E` | 409 | |',
        '| `PORT` | `8080` | |',
      ].join('\n'),
    );
    assert.deepEqual(rows, { A_B: 404, C_X: 409, D_E: 409 });
  });
});
