// `ponte <command> --help` and `ponte help <command>`: every command has its own help, printed on
// stdout with exit code 0, and bad options are reported in one line with that help (never node's
// raw parser message).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../src/cli/main.js';

/** The command as bin/ponte.js runs it, in this process (none of these opens a data directory). */
async function ponte(args: string[]) {
  let out = '';
  let err = '';
  const io = {
    out: (t: string) => void (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t: string) => void (err += t.endsWith('\n') ? t : `${t}\n`),
  };
  const code = await main(args, io, { PONTE_DATA_DIR: '/nonexistent/ponte-help-test', LOG_LEVEL: 'silent' });
  return { code, out, err };
}

/** The commands the main help lists (the first word of each line under "Commands:"). */
async function listedCommands(): Promise<string[]> {
  const { out } = await ponte(['help']);
  const section = out.slice(out.indexOf('Commands:'), out.indexOf('\n\nEnvironment'));
  return [...new Set([...section.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!))].filter(
    (c) => c !== 'help',
  );
}

test('every command listed in ponte help answers --help with its own usage', async () => {
  const commands = await listedCommands();
  for (const c of ['serve', 'call', 'audit', 'tenants', 'keys', 'settlements', 'webhooks', 'sim'])
    assert.ok(commands.includes(c), c);
  for (const command of commands) {
    const r = await ponte([command, '--help']);
    assert.equal(r.code, 0, `${command}: ${r.err}`);
    assert.match(r.out, new RegExp(`ponte ${command}\\b`), command);
    assert.doesNotMatch(r.out, /^Commands:/m, `${command} prints its own help, not the whole list`);
    assert.deepEqual((await ponte(['help', command])).out, r.out, `ponte help ${command}`);
  }
});

test('ponte call --help explains --body and lists the functions, without a parse error', async () => {
  for (const args of [
    ['call', '--help'],
    ['call', '-h'],
    ['call', 'list_bills', '--help'],
  ]) {
    const r = await ponte(args);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    assert.match(r.out, /--body BODY/);
    assert.match(r.out, /list_bills/);
    assert.doesNotMatch(r.out + r.err, /To specify a positional argument/);
  }
  // A subcommand's --help too: the whole command's help.
  assert.match((await ponte(['tenants', 'create', '--help'])).out, /ponte tenants create --name N/);
});

test('an unknown option is one line and the command help, exit code 2', async () => {
  const r = await ponte(['call', 'list_bills', '--bogus']);
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  const [first] = r.err.split('\n');
  assert.equal(first, "ponte: unknown option '--bogus'");
  assert.match(r.err, /Usage: ponte call <function>/);
  assert.doesNotMatch(r.err, /To specify a positional argument/);
  const missing = await ponte(['audit', '--limit']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /^ponte: option '--limit <value>' argument missing/);
});

test('help of an unknown command says so', async () => {
  const r = await ponte(['help', 'nope']);
  assert.equal(r.code, 2);
  assert.match(r.err, /unknown command 'nope'/);
});
