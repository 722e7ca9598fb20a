// Every example call in the README and on /docs runs, as written, against the sandbox and
// succeeds: the shell lines are taken from the README's text and from the page Ponte serves, and
// run by `sh` with `curl`, with only the key and the address filled in.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { functionNames } from '../../src/contract/index.js';
import { startPonte, type RunningPonte } from '../helpers/ponte.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** Runs a shell script; asynchronously, since the Ponte it calls answers from this process. */
async function run(script: string, env: Record<string, string>): Promise<string> {
  const { stdout } = await promisify(execFile)('sh', ['-c', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return stdout;
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** What a successful example answers: JSON, not an error body, and not a business refusal. */
function assertSucceeded(label: string, output: string): unknown {
  let body: unknown;
  try {
    body = JSON.parse(output);
  } catch {
    assert.fail(`${label}: not JSON: ${output.slice(0, 300)}`);
  }
  assert.ok(body !== null && typeof body === 'object', `${label}: ${output.slice(0, 300)}`);
  assert.equal((body as { error?: unknown }).error, undefined, `${label}: ${output.slice(0, 500)}`);
  if ('success' in body) assert.equal(body.success, true, `${label}: ${output}`);
  return body;
}

/** The README's `call <function> '<json>'` lines (a body may go on over several lines). */
function readmeCalls(): { name: string; line: string }[] {
  return [...readme.matchAll(/^call ([a-z_]+) '[^']*'/gms)].map((m) => ({ name: m[1]!, line: m[0] }));
}

describe('the examples run against the sandbox', () => {
  let ponte: RunningPonte;
  before(async () => {
    ponte = await startPonte();
  });
  after(() => ponte.close());

  test('the README has one call per function, and each one succeeds as written', async () => {
    const calls = readmeCalls();
    assert.deepEqual([...new Set(calls.map((c) => c.name))].sort(), [...functionNames].sort());
    const setup = /^export PONTE=\S+ KEY=\S+.*\n(call\(\) \{.*\})$/m.exec(readme);
    assert.ok(setup, 'the README defines PONTE, KEY and call()');
    const { key } = await ponte.createTenant('sandbox', 'sandbox', { customers: 5 });
    for (const { name, line } of calls) {
      const output = await run(`${setup[1]}\n${line}`, { PONTE: ponte.url, KEY: key });
      const body = assertSucceeded(`README ${name}`, output);
      if (name === 'list_bills')
        assert.deepEqual(
          (body as { fatura: string }[]).map((b) => b.fatura),
          ['202', '203', '204'],
        );
      if (name === 'settle_bill') assert.equal((body as { status: string }).status, 'settled');
    }
  });

  test('/docs shows a call per function with $KEY, and each one succeeds as written', async () => {
    const { key } = await ponte.createTenant('sandbox-docs', 'sandbox', { customers: 5 });
    const page = await (await fetch(`${ponte.url}/docs`)).text();
    assert.doesNotMatch(page, /PONTE_KEY/);
    const examples = [
      ...page.matchAll(/<section id="([a-z_]+)">[\s\S]*?<pre class="example">([\s\S]*?)<\/pre>/g),
    ];
    assert.deepEqual(examples.map((m) => m[1]).sort(), [...functionNames].sort());
    assert.equal(examples.length, functionNames.length);
    for (const [, name, escaped] of examples) {
      const command = unescapeHtml(escaped!);
      assert.match(command, /Bearer \$KEY/);
      const body = assertSucceeded(`/docs ${name}`, await run(command, { KEY: key }));
      if (name === 'list_bills') assert.ok((body as unknown[]).length > 0, 'a customer with open bills');
    }
  });

  test('/docs shows an example answer for every function, and no literal backticks', async () => {
    const page = await (await fetch(`${ponte.url}/docs`)).text();
    const answers = [...page.matchAll(/<pre class="answer">([\s\S]*?)<\/pre>/g)];
    assert.equal(answers.length, functionNames.length);
    for (const [, text] of answers) JSON.parse(unescapeHtml(text!));
    const visible = page.replace(/<pre[\s\S]*?<\/pre>/g, '');
    assert.doesNotMatch(visible, /`/);
    assert.match(page, /<td>[^<]*<code>details<\/code>/);
  });
});
