import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { holderIsDead, newHolderName } from './process-identity.js';

const linux = existsSync('/proc/self/stat') && existsSync('/proc/sys/kernel/random/boot_id');

async function child() {
  const p = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await new Promise((resolve) => p.once('spawn', resolve));
  const exited = new Promise((resolve) => p.once('exit', resolve));
  return { pid: p.pid!, kill: async () => (p.kill('SIGKILL'), await exited) };
}

test(
  'a holder on this machine is dead once its process is gone',
  { skip: !linux && 'needs /proc' },
  async () => {
    const self = newHolderName();
    const c = await child();
    const holder = newHolderName(c.pid);
    assert.equal(holderIsDead(holder, self), false, 'a running process is alive');
    await c.kill();
    assert.equal(holderIsDead(holder, self), true, 'a killed process is dead');
  },
);

test(
  'a pid now used by a process started at another time is a dead holder',
  { skip: !linux && 'needs /proc' },
  async () => {
    const self = newHolderName();
    const c = await child();
    try {
      const [boot, ns, pid, start, rand] = newHolderName(c.pid).split('/');
      const reused = [boot, ns, pid, String(Number(start) - 1), rand].join('/');
      assert.equal(holderIsDead(reused, self), true);
    } finally {
      await c.kill();
    }
  },
);

test("this process's own pid under another name is a dead predecessor; its own name is not", () => {
  const self = newHolderName();
  assert.equal(holderIsDead(self, self), false);
  if (linux) assert.equal(holderIsDead(newHolderName(), self), true);
});

test('nothing is known of holders elsewhere: another boot, another PID namespace, other formats', async () => {
  const self = newHolderName();
  const c = await child();
  await c.kill();
  const [boot, ns, pid, start, rand] = newHolderName(c.pid).split('/');
  assert.equal(holderIsDead([`x${boot}`, ns, pid, start, rand].join('/'), self), false, 'another machine');
  assert.equal(holderIsDead([boot, `x${ns}`, pid, start, rand].join('/'), self), false, 'another container');
  assert.equal(holderIsDead(`${c.pid}-1a2b3c4d`, self), false, 'the format of earlier versions');
  assert.equal(holderIsDead('', self), false);
});
