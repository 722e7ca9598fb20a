// The Voalle simulator's own behaviour over HTTP: the token flow, the envelope and its variants,
// the recorded answers, the asynchronous payment and its idempotency key, and the fault switches.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSlip } from '../../src/brasil/slip.js';
import { isValidPix } from '../../src/brasil/pix.js';
import { defaultVoalleCredentials, startVoalleSimulator, type VoalleSimulator } from './server.js';
import { seedVoalle } from './seed.js';

const F = seedVoalle().fixtures;
const API = '/external/integrations/thirdparty';
let sim: VoalleSimulator;

async function tokenFor(base: string, form: Record<string, string> = {}) {
  const res = await fetch(`${base}/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      scope: 'syngw',
      client_id: defaultVoalleCredentials.client_id,
      client_secret: defaultVoalleCredentials.client_secret,
      syndata: defaultVoalleCredentials.syndata,
      ...form,
    }),
  });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are asserted field by field
  const json: any = text === '' ? null : JSON.parse(text);
  return { status: res.status, json };
}

let bearer = '';
async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  base = sim.url,
) {
  const res = await fetch(`${base}${path.startsWith('/') ? path : `${API}/${path}`}`, {
    method,
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    json = undefined;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are asserted field by field
  return { status: res.status, json: json as any, bytes, headers: res.headers };
}

before(async () => {
  sim = await startVoalleSimulator({ today: '2026-06-15', seed: { customers: 5 } });
  bearer = (await tokenFor(sim.url)).json.access_token;
});
after(() => sim.close());

describe('Voalle simulator: token flow', () => {
  test('client_credentials with scope syngw and syndata gives a bearer token of 3600 s', async () => {
    const t = await tokenFor(sim.url);
    assert.equal(t.status, 200);
    assert.equal(t.json.token_type, 'Bearer');
    assert.equal(t.json.expires_in, 3600);
    assert.equal(t.json.scope, 'syngw');
    assert.equal(typeof t.json.refresh_token, 'string');
  });

  test('a bad secret or a missing syndata is 401; a call without a valid token is 401', async () => {
    assert.equal((await tokenFor(sim.url, { client_secret: 'wrong' })).status, 401);
    assert.equal((await tokenFor(sim.url, { syndata: '' })).status, 401);
    assert.equal((await tokenFor(sim.url, { scope: 'other' })).status, 400);
    const refused = await call('GET', `people/txid/${F.withBills}`, undefined, {
      authorization: 'Bearer nope',
    });
    assert.equal(refused.status, 401);
  });

  test('a separate auth port serves only /connect/token; the API port answers 404 there', async () => {
    const split = await startVoalleSimulator({ separateAuthPort: true });
    try {
      assert.notEqual(split.authUrl, split.url);
      assert.equal((await tokenFor(split.url)).status, 404);
      const t = await tokenFor(split.authUrl);
      assert.equal(t.status, 200);
      const res = await fetch(`${split.url}${API}/people/txid/${F.withBills}`, {
        headers: { authorization: `Bearer ${t.json.access_token}` },
      });
      assert.equal(res.status, 200);
      const onApi = await fetch(`${split.url}/connect/token`, { method: 'POST' });
      assert.equal(onApi.status, 404);
    } finally {
      await split.close();
    }
  });
});

describe('Voalle simulator: recorded answers', () => {
  test('people/txid answers one object in the envelope with messages null; a prospect is not found', async () => {
    const a = await call('GET', `people/txid/${F.withBills}`);
    assert.equal(a.json.success, true);
    assert.equal(a.json.messages, null);
    assert.equal(a.json.dataResponseType, 'List<Int64>');
    assert.equal(a.json.response.txId, F.withBills);
    assert.equal(typeof a.json.response.status, 'number');
    const prospect = await call('GET', `people/txid/${F.prospectOnly}`);
    assert.equal(prospect.status, 200);
    assert.equal(prospect.json.success, false);
    assert.equal(prospect.json.messages[0].message, 'Registro não encontrado.');
  });

  test('getopentitlesbytxid: fine and interest split, finalValue adds up, slips and Pix valid', async () => {
    const a = await call('GET', `getopentitlesbytxid/${F.withBills}`);
    assert.equal(a.json.response.length, 3);
    for (const item of a.json.response) {
      const m = item.billet.amount;
      assert.equal(
        Math.round(m.finalValue * 100),
        Math.round((m.value + m.fine + m.interest - m.discount) * 100),
      );
      assert.ok(parseSlip(item.billet.typefulLine).ok);
      assert.ok(isValidPix(item.billet.pixQRCode));
    }
    assert.ok(
      a.json.response.some((i: { billet: { amount: { fine: number } } }) => i.billet.amount.fine > 0),
    );
    const none = await call('GET', `getopentitlesbytxid/${F.withoutBills}`);
    assert.equal(none.json.messages[0].message, 'Cliente não possui títulos em aberto.');
  });

  test('contracttypesandservices answers messages "" and collectionDays', async () => {
    const a = await call('GET', 'crm/contracttypesandservices');
    assert.equal(a.json.messages, '');
    assert.deepEqual(a.json.response[0].collectionDays, [5, 10, 15, 20]);
    assert.equal(a.json.response[0].contractTypesServiceProduct[0].code, '1.1');
  });

  test('variants: messages as [] or "", and the bare open-titles shape', async () => {
    const v = await startVoalleSimulator({ variants: ['messages-array', 'open-bare'] });
    try {
      const t = (await tokenFor(v.url)).json.access_token as string;
      const res = await fetch(`${v.url}${API}/getopentitlesbytxid/${F.withBills}`, {
        headers: { authorization: `Bearer ${t}` },
      });
      const body = (await res.json()) as {
        messages: unknown;
        response: { contractNumber?: unknown; billet: { status?: unknown } }[];
      };
      assert.deepEqual(body.messages, []);
      assert.equal(body.response[0]!.contractNumber, undefined);
      assert.equal(body.response[0]!.billet.status, undefined);
    } finally {
      await v.close();
    }
  });

  test('/contracts and /crm/campaigns are 404, as on a real ERP', async () => {
    assert.equal((await call('GET', 'contracts')).status, 404);
    assert.equal((await call('GET', 'crm/campaigns')).status, 404);
  });
});

describe('Voalle simulator: asynchronous payment', () => {
  test('receivepayment queues, consultpayment processes after a wait; the same transactionId is the same payment', async () => {
    const open = (await call('GET', `getopentitlesbytxid/${F.manyBills}`)).json.response;
    const title = open[0];
    const body = {
      transactionId: '3f2c8a8e-5b1d-4c1e-9a7e-0c9d1f2e3a4b',
      financialReceivableTitleId: title.id,
      paidAmount: title.billet.amount.finalValue,
      BankAccountCode: 3,
      PaymentFormCode: 12,
      ReceiptDate: '2026-06-15',
      ClientPaidDate: '2026-06-15',
    };
    const first = await call('POST', 'receivepayment', body);
    assert.equal(first.json.success, true);
    const id = first.json.response.synGwTransactionId as string;
    const again = await call('POST', 'receivepayment', body);
    assert.equal(again.json.response.synGwTransactionId, id);
    const waiting = await call('GET', `consultpayment?syngwtransactionid=${id}`);
    assert.equal(waiting.json.response.processed, false);
    const done = await call('GET', `consultpayment?syngwtransactionid=${id}`);
    assert.equal(done.json.response.processed, true);
    assert.equal(done.json.response.status.label, 'Processado com sucesso');
    assert.equal(sim.state.counters.baixas, 1);
    const other = await call('POST', 'receivepayment', {
      ...body,
      transactionId: '3f2c8a8e-5b1d-4c1e-9a7e-0c9d1f2e3a4c',
    });
    assert.equal(other.json.success, false);
  });
});

describe('Voalle simulator: faults', () => {
  test('error200 is HTTP 200 success:false; http504 is an HTML page; malformed is cut JSON', async () => {
    const e = await call('GET', `people/txid/${F.withBills}`, undefined, { 'x-sim-fault': 'error200' });
    assert.equal(e.status, 200);
    assert.equal(e.json.success, false);
    const g = await call('GET', `people/txid/${F.withBills}?sim_fault=http504`);
    assert.equal(g.status, 504);
    const m = await call('GET', `people/txid/${F.withBills}`, undefined, { 'x-sim-fault': 'malformed' });
    assert.equal(m.json, undefined);
  });

  test('rate-limit: beyond n requests a minute per integrator is 429 with Retry-After', async () => {
    sim.faults.set({ kind: 'rate-limit', n: 3 });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await call('GET', 'crm/contracttypesandservices')).status);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      const limited = await call('GET', 'crm/contracttypesandservices');
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    } finally {
      sim.faults.clear();
    }
  });

  test('revoked revokes every token', async () => {
    const r = await call('GET', 'crm/contracttypesandservices', undefined, { 'x-sim-fault': 'revoked' });
    assert.equal(r.status, 401);
    bearer = (await tokenFor(sim.url)).json.access_token;
  });
});
