import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { checkWebhookUrl, guardedLookup, isPrivateAddress, parseWebhookUrl } from './address.js';

test('private, loopback and reserved addresses are recognised, public ones pass', () => {
  for (const ip of [
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    'not an ip',
  ]) {
    assert.equal(isPrivateAddress(ip), true, ip);
  }
  for (const ip of ['8.8.8.8', '200.160.2.3', '2001:4860:4860::8888', '::ffff:8.8.8.8']) {
    assert.equal(isPrivateAddress(ip), false, ip);
  }
});

test('webhook URLs must be http(s), without credentials', () => {
  assert.equal(parseWebhookUrl('https://platform.example/hooks').hostname, 'platform.example');
  assert.throws(() => parseWebhookUrl('ftp://platform.example/'), /http/);
  assert.throws(() => parseWebhookUrl('file:///etc/passwd'), /http/);
  assert.throws(() => parseWebhookUrl('https://user:pw@platform.example/'), /credentials/);
  assert.throws(() => parseWebhookUrl('nonsense'), /not a URL/);
});

test('a host that resolves to a private address is refused unless allowed', async () => {
  await assert.rejects(checkWebhookUrl('http://127.0.0.1:9/x', false), /PONTE_WEBHOOKS_ALLOW_PRIVATE/);
  await assert.rejects(checkWebhookUrl('http://[::1]:9/x', false), /private/);
  await assert.rejects(checkWebhookUrl('http://localhost:9/x', false), /resolves to/);
  assert.equal((await checkWebhookUrl('http://127.0.0.1:9/x', true)).port, '9');
});

test("the connection's own lookup refuses a name that resolves to a private address", async () => {
  let reached = 0;
  const server = createServer((_req, res) => {
    reached++;
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const strict = new Agent({ connect: { lookup: guardedLookup(false) } });
  const open = new Agent({ connect: { lookup: guardedLookup(true) } });
  try {
    await assert.rejects(
      request(`http://localhost:${port}/`, { dispatcher: strict }),
      /private, loopback or reserved/,
    );
    assert.equal(reached, 0);
    const res = await request(`http://localhost:${port}/`, { dispatcher: open });
    assert.equal(await res.body.text(), 'ok');
    assert.equal(reached, 1);
  } finally {
    await strict.close();
    await open.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
