// The MK protocol over real HTTP against the simulator, with one injected clock for both: the
// session token kept until its Expire and renewed on 999/001 (one more try), the servlet 500, a
// refused profile, services the profile does not authorize, and the charset repair end to end.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PonteError } from '../../contract/index.js';
import { defaultTenantOptions } from '../tenant-options.js';
import { mkTenantSettings } from '../../../simulators/mk/index.js';
import { seedMk, startMkSimulator } from '../../../simulators/mk/server.js';
import type { RunningMkSimulator } from '../../../simulators/mk/server.js';
import { checkMk } from './check.js';
import { connectMk } from './connect.js';
import type { MkConnection } from './connect.js';
import { createLead } from './functions/create_lead.js';
import { getBoletoPdf } from './functions/get_boleto_pdf.js';
import { getCustomer } from './functions/get_customer.js';
import { listBills } from './functions/list_bills.js';
import { SERVICES } from './services.js';
import { mkSettingsSchema } from './settings.js';
import { testCall } from './test-call.js';

const fixtures = seedMk({ customers: 0 }).fixtures;
let clock = Date.parse('2026-11-30T15:00:00Z');
const now = () => clock;
let sim: RunningMkSimulator;
const open: MkConnection[] = [];

function connection(overrides: Record<string, unknown> = {}, url = sim.url): MkConnection {
  const settings = mkSettingsSchema.parse({ ...mkTenantSettings(url), ...overrides });
  const conn = connectMk(
    { tenantId: 't', settings, options: defaultTenantOptions, dataDir: '', log: testCall().log },
    { now },
  );
  open.push(conn);
  return conn;
}

async function rejects(promise: Promise<unknown>, code: string, message?: RegExp): Promise<PonteError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PonteError, String(error));
    assert.equal(error.code, code, error.message);
    if (message) assert.match(error.message, message);
    return error;
  }
  assert.fail(`expected ${code}`);
}

const doc = { doc: fixtures.withBills };

before(async () => {
  sim = await startMkSimulator({ seed: { customers: 5 }, now });
});
after(async () => {
  await Promise.all(open.map((c) => c.client.close()));
  await sim.close();
});

describe('the session token', () => {
  test('is kept until shortly before its Expire, then renewed before MK would refuse it', async () => {
    const conn = connection();
    const auths = sim.state.counters.authentications;
    for (let i = 0; i < 3; i++) await conn.client.read(SERVICES.consultaDoc, doc, testCall());
    assert.equal(sim.state.counters.authentications, auths + 1);
    clock += 59 * 60_000;
    await conn.client.read(SERVICES.consultaDoc, doc, testCall());
    assert.equal(sim.state.counters.authentications, auths + 1);
    clock += 60_000;
    const before999 = sim.state.totalRequests();
    await conn.client.read(SERVICES.consultaDoc, doc, testCall());
    assert.equal(sim.state.counters.authentications, auths + 2);
    // One authentication and one request: no 999 was needed.
    assert.equal(sim.state.totalRequests(), before999 + 2);
  });

  for (const [fault, code] of [
    ['expire', '999'],
    ['invalidate', '001'],
  ] as const) {
    test(`a ${code} answer (${fault}) costs one authentication and one more try`, async () => {
      const conn = connection();
      await conn.client.read(SERVICES.consultaDoc, doc, testCall());
      const auths = sim.state.counters.authentications;
      sim.faults.set({ kind: fault, service: 'WSMKConsultaDoc', times: 1 });
      const body = await conn.client.read(SERVICES.consultaDoc, doc, testCall());
      assert.equal(body.Nome, 'JOSÉ ÂNGELO CONCEIÇÃO ÁVILA');
      assert.equal(sim.state.counters.authentications, auths + 1);
      sim.faults.clear();
    });
  }

  test('a token refused again right after it was issued is ERP_UNAVAILABLE', async () => {
    const conn = connection();
    sim.faults.set({ kind: 'invalidate', service: 'WSMKConsultaDoc' });
    try {
      await rejects(
        conn.client.read(SERVICES.consultaDoc, doc, testCall()),
        'ERP_UNAVAILABLE',
        /just issued/,
      );
    } finally {
      sim.faults.clear();
    }
  });

  test('a wrong contra-senha is ERP_UNAVAILABLE naming the settings, without the secret', async () => {
    const conn = connection({ contra_senha: 'senha-errada-123' });
    const error = await rejects(
      conn.client.token(testCall()),
      'ERP_UNAVAILABLE',
      /profile_token.*contra_senha/,
    );
    assert.ok(!JSON.stringify(error).includes('senha-errada-123'));
  });
});

describe('answers', () => {
  test('an HTTP 500 servlet trace is ERP_BAD_RESPONSE', async () => {
    const conn = connection();
    sim.faults.set({ kind: 'servlet500', service: 'WSMKFaturasPendentes' });
    try {
      await rejects(
        conn.client.read(SERVICES.faturasPendentes, { cd_cliente: '1' }, testCall()),
        'ERP_BAD_RESPONSE',
        /servlet/,
      );
    } finally {
      sim.faults.clear();
    }
  });

  test('accented capitals survive the charset bug, escaped or as raw UTF-8', async () => {
    const conn = connection();
    const input = { customer_document_number: fixtures.withBills };
    const escaped = await getCustomer.run(conn, input, testCall(new Date(clock)));
    assert.equal(escaped.nome_completo, 'JOSÉ ÂNGELO CONCEIÇÃO ÁVILA');
    assert.equal(escaped.cidade_endereco, 'CHAPECÓ');
    sim.faults.set({ kind: 'raw-utf8' });
    try {
      assert.deepEqual(await getCustomer.run(conn, input, testCall(new Date(clock))), escaped);
    } finally {
      sim.faults.clear();
    }
  });

  test('bills of both registrations of a shared CPF, the broken linha digitável dropped', async () => {
    const conn = connection();
    const bills = await listBills.run(
      conn,
      { customer_document_number: fixtures.withBills },
      testCall(new Date(clock)),
    );
    assert.equal(bills.length, 4);
    const call = testCall(new Date(clock));
    const broken = await listBills.run(conn, { customer_document_number: fixtures.brokenLine }, call);
    assert.equal(broken[0]!.linha_digitavel, '');
    assert.ok(call.warnings.some((w) => w.includes('linha digitável')));
  });
});

describe('a profile that authorizes some services only', () => {
  let limited: RunningMkSimulator;
  before(async () => {
    limited = await startMkSimulator({ seed: { customers: 0 }, profile: { services: [6, 8, 9] }, now });
  });
  after(() => limited.close());

  test('a service it does not authorize is NOT_SUPPORTED before anything is sent', async () => {
    const conn = connection({}, limited.url);
    await conn.client.token(testCall());
    const sent = limited.state.totalRequests();
    await rejects(
      listBills.run(conn, { customer_document_number: fixtures.withBills }, testCall()),
      'NOT_SUPPORTED',
      /WSMKFaturasPendentes \(cd_servico 7\)/,
    );
    assert.equal(limited.state.totalRequests(), sent + 1, 'only ConsultaDoc was sent');
  });

  test('ponte check says which functions are not ready', async () => {
    const report = await checkMk(connection({}, limited.url), testCall());
    assert.equal(report.ok, false);
    assert.ok(report.messages.includes('services authorized: 6, 8, 9'));
    assert.ok(
      report.messages.some((m) => m.startsWith('list_bills: not ready') && m.includes('cd_servico 7')),
    );
    assert.ok(report.messages.includes('list_plans: ready'));
  });
});

describe('ponte check', () => {
  test('a full profile: ready, with the process and classification codes to pick', async () => {
    const report = await checkMk(connection(), testCall());
    assert.equal(report.ok, true, report.messages.join('\n'));
    assert.deepEqual(
      report.choices.ticket_process_id?.map((c) => c.id),
      ['12', '14', '15'],
    );
    assert.equal(report.choices.ticket_classification_id?.[0]?.label, 'SOLICITAÇÃO');
  });

  test('unset ticket codes and unknown ones are reported', async () => {
    const report = await checkMk(
      connection({
        ticket_process_id: '99',
        ticket_classification_id: undefined,
        order_ticket_process_id: undefined,
      }),
      testCall(),
    );
    assert.equal(report.ok, false);
    assert.ok(report.messages.includes('ticket_process_id 99 is not known to MK'));
    assert.ok(report.messages.some((m) => m.startsWith('create_ticket: not ready')));
  });

  test('a refused profile is a failed check, not an exception', async () => {
    const report = await checkMk(connection({ profile_token: 'outro' }), testCall());
    assert.equal(report.ok, false);
    assert.match(report.messages[0]!, /refused the webservice profile/);
  });
});

describe('the paid "APIs especiais"', () => {
  const lead = { id: 'lead-1', name: 'Ana Souza', phone: '49991112222' };

  test('without apis_especiais, create_lead and create_order are NOT_SUPPORTED naming the setting', async () => {
    const conn = connection({ apis_especiais: false });
    await rejects(createLead.run(conn, { lead }, testCall()), 'NOT_SUPPORTED', /apis_especiais/);
  });

  test('a lead of someone who is no customer goes on lead_customer_id; without it NOT_SUPPORTED', async () => {
    const leads = sim.state.leads.length;
    const answer = await createLead.run(connection(), { lead }, testCall());
    assert.match(answer.remote_id ?? '', /^\d+$/);
    assert.equal(sim.state.leads.length, leads + 1);
    assert.equal(String(sim.state.leads.at(-1)!.cd_cliente), fixtures.leadHolderCode);
    assert.match(sim.state.leads.at(-1)!.info, /\[ponte:lead:lead-1\]/);
    await rejects(
      createLead.run(connection({ lead_customer_id: undefined }), { lead }, testCall()),
      'NOT_SUPPORTED',
      /lead_customer_id/,
    );
  });

  test('an MK without the module answers a servlet 500: ERP_BAD_RESPONSE', async () => {
    const bare = await startMkSimulator({ seed: { customers: 0 }, profile: { apisEspeciais: false }, now });
    try {
      await rejects(
        createLead.run(connection({}, bare.url), { lead }, testCall()),
        'ERP_BAD_RESPONSE',
        /WSMKNovaLead/,
      );
    } finally {
      await bare.close();
    }
  });
});

test('a profile without the per-bill services still lists bills, those fields empty', async () => {
  const partial = await startMkSimulator({ seed: { customers: 0 }, profile: { services: [6, 7] }, now });
  try {
    const call = testCall(new Date(clock));
    const bills = await listBills.run(
      connection({}, partial.url),
      { customer_document_number: fixtures.otherWithBills },
      call,
    );
    assert.equal(bills.length, 2);
    assert.ok(bills.every((b) => b.link_boleto === '' && b.linha_digitavel === ''));
    assert.ok(
      bills.some((b) => b.pix_code !== ''),
      'the Pix service has no code to refuse it by',
    );
    assert.ok(call.warnings.some((w) => w.includes('WSMKLDViaSMS is not authorized')));
  } finally {
    await partial.close();
  }
});

test('a 2ª via without PathDownload: Ponte renders the boleto from the linha digitável', async () => {
  const conn = connection();
  const input = { customer_document_number: fixtures.otherWithBills };
  const bills = await listBills.run(conn, input, testCall(new Date(clock)));
  const bare = bills.find((b) => b.link_boleto === '');
  assert.ok(bare !== undefined && bare.linha_digitavel !== '');
  const call = testCall(new Date(clock));
  const pdf = await getBoletoPdf.run(conn, { boleto_id: bare.remote_id, ...input }, call);
  assert.equal(Buffer.from(pdf.base_64, 'base64').subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(call.warnings.some((w) => w.includes('rendered the boleto')));
  await rejects(
    getBoletoPdf.run(
      conn,
      { boleto_id: bare.remote_id, customer_document_number: fixtures.withBills },
      testCall(),
    ),
    'BILL_NOT_FOUND',
  );
});
