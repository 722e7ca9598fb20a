// IXC through the simulator with its fault switches on: each fault gives the caller the
// documented error code with a masked upstream excerpt, and no write ever reaches IXC twice.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { formatDocument } from '../../src/brasil/document.js';
import { defaultTenantOptions } from '../../src/providers/tenant-options.js';
import { ixcProvider, ixcSettingsSchema } from '../../src/providers/ixc/index.js';
import { FIXTURES } from '../../simulators/ixc/seed.js';
import { ixcTenantSettings, startIxcSimulator, type IxcSimulator } from '../../simulators/ixc/server.js';
import type { FaultRule } from '../../simulators/ixc/faults.js';
import { assertError } from '../helpers/http.js';
import { startPonte, type Answer, type RunningPonte } from '../helpers/ponte.js';

const TOKEN = '12:9f86d081884c7d65';
let sim: IxcSimulator;
let ponte: RunningPonte;
let key: string;
let shortKey: string;
let pagedKey: string;

const settings = () => ixcTenantSettings(sim.baseUrl, TOKEN);

let tenantId: string;

before(async () => {
  sim = await startIxcSimulator({ token: TOKEN, seed: { customers: 10 } });
  // The settlement worker is driven by hand here (tick), so request counts stay exact.
  ponte = await startPonte({ providers: [ixcProvider], worker: false });
  const main = await ponte.createTenant('isp', 'ixc', settings());
  key = main.key;
  tenantId = main.id;
  // The smallest deadline allowed: the timeout test waits for it, and it is a tenth of a second.
  shortKey = (await ponte.createTenant('isp-short', 'ixc', settings(), { deadline_ms: 100 })).key;
  pagedKey = (
    await ponte.createTenant('isp-paged', 'ixc', { ...settings(), page_size: 2, trust_unlock_days: 3 })
  ).key;
});
after(async () => {
  await ponte.close();
  await sim.close();
});
beforeEach(() => sim.faults.clear());

const call = (name: string, body: unknown, apiKey = key) => ponte.call(name, body, apiKey);
const withFault = async (rule: FaultRule, run: () => Promise<Answer>) => {
  sim.faults.set(rule);
  try {
    return await run();
  } finally {
    sim.faults.clear();
  }
};
const inserts = (table: string) => sim.state.counters.inserts[table] ?? 0;
const maskedCpf = formatDocument(FIXTURES.bills);

function assertUpstream(answer: Answer, pattern: RegExp) {
  const upstream = answer.body.error.upstream;
  assert.ok(upstream, `an upstream excerpt: ${JSON.stringify(answer.body)}`);
  assert.match(upstream.excerpt, pattern);
  assert.ok(!upstream.excerpt.includes(maskedCpf), 'personal data is masked');
  assert.ok(!JSON.stringify(answer.body).includes(TOKEN), 'the token never leaks');
}

describe('IXC faults on reads', () => {
  const bills = (apiKey = key) => call('list_bills', { customer_document_number: FIXTURES.bills }, apiKey);

  test('5xx: ERP_UNAVAILABLE with the page excerpt, after the read was retried', async () => {
    for (const kind of ['http500', 'http502', 'http503', 'http504'] as const) {
      const seen = sim.state.log.length;
      const answer = await withFault({ kind, listing: true }, () => bills());
      assertError(answer, 'ERP_UNAVAILABLE');
      assertUpstream(answer, kind === 'http500' ? /Ocorreu um erro/ : new RegExp(kind.slice(4)));
      assert.equal(sim.state.log.length - seen, 3, `${kind}: a read is tried three times`);
    }
  });

  test('HTML page with 200, malformed JSON and type:error on a listing: ERP_BAD_RESPONSE', async () => {
    const html = await withFault({ kind: 'html200' }, () => bills());
    assertError(html, 'ERP_BAD_RESPONSE');
    assertUpstream(html, /Ocorreu um erro ao processar/);
    const broken = await withFault({ kind: 'malformed' }, () => bills());
    assertError(broken, 'ERP_BAD_RESPONSE');
    assertUpstream(broken, /registros/);
    const error = await withFault({ kind: 'error200' }, () => bills());
    assertError(error, 'ERP_BAD_RESPONSE');
    assertUpstream(error, /\*\*\*\.\d{3}\.\*\*\*-\*\*/);
  });

  test('registros as an object and total as a number are read like the normal answer', async () => {
    const normal = await bills();
    assert.equal(normal.status, 200);
    assert.deepEqual((await withFault({ kind: 'registros-object' }, () => bills())).body, normal.body);
    assert.deepEqual((await withFault({ kind: 'total-number' }, () => bills())).body, normal.body);
    assert.deepEqual((await withFault({ kind: 'latency', ms: 100 }, () => bills())).body, normal.body);
  });

  test('revoked token, IP not allowed, resource not released: ERP_UNAVAILABLE naming the fix', async () => {
    const revoked = await withFault({ kind: 'revoked' }, () => bills());
    assertError(revoked, 'ERP_UNAVAILABLE');
    assert.match(revoked.body.error.message, /token/);
    assert.equal(revoked.body.error.upstream.status, 401);
    const ip = await withFault({ kind: 'ip-blocked' }, () => bills());
    assertError(ip, 'ERP_UNAVAILABLE');
    assert.match(ip.body.error.message, /Redes Permitidas/);
    assertUpstream(ip, /IP não está liberado/);
    const resource = await withFault({ kind: 'unavailable', resource: 'fn_areceber' }, () => bills());
    assertError(resource, 'ERP_UNAVAILABLE');
    assert.match(resource.body.error.message, /fn_areceber/);
  });

  test('timeout: ERP_UNAVAILABLE within the tenant deadline', async () => {
    const answer = await withFault({ kind: 'timeout' }, () => bills(shortKey));
    assertError(answer, 'ERP_UNAVAILABLE');
    // The deadline ended it (the simulator never answers), not anything else.
    assert.match(answer.body.error.message, /did not answer within \d+ ms/);
  });

  test('a wrong token set on the tenant is ERP_UNAVAILABLE naming the setting', async () => {
    const bad = (await ponte.createTenant('isp-bad', 'ixc', { ...settings(), token: '12:wrong' })).key;
    const answer = await bills(bad);
    assertError(answer, 'ERP_UNAVAILABLE');
    assert.match(answer.body.error.message, /setting token/);
  });
});

describe('IXC writes are sent once', () => {
  const ticket = (id: string, apiKey = key) =>
    call(
      'create_ticket',
      { customer_document_number: FIXTURES.notes, subject: 'Sem conexão', message: 'Caiu', request_id: id },
      apiKey,
    );

  test("a ticket carries its subject's workflow process and origem_endereco; a subject without one opens without", async () => {
    const answer = await ticket(`wfl-${Date.now()}`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const row = sim.state.tables.su_ticket!.rows.find((r) => r.id === answer.body.remote_id)!;
    const subject = sim.state.tables.su_oss_assunto!.rows.find((r) => r.id === row.id_assunto)!;
    assert.notEqual(subject.id_wfl_processo, '');
    assert.deepEqual([row.id_wfl_processo, row.origem_endereco], [subject.id_wfl_processo, 'CC']);
    const bare = sim.state.tables.su_oss_assunto!.rows.find((r) => r.id_wfl_processo === '')!;
    const mapped = (
      await ponte.createTenant('isp-no-wfl', 'ixc', {
        ...settings(),
        ticket_subjects: { mudanca: { subject_id: bare.id!, department_id: '1' } },
      })
    ).key;
    const moved = await call(
      'create_ticket',
      {
        customer_document_number: FIXTURES.notes,
        subject: 'mudanca',
        message: 'Mudança',
        request_id: `m-${Date.now()}`,
      },
      mapped,
    );
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const movedRow = sim.state.tables.su_ticket!.rows.find((r) => r.id === moved.body.remote_id)!;
    assert.deepEqual([movedRow.id_assunto, movedRow.id_wfl_processo], [bare.id, '']);
  });

  test('a 5xx after IXC opened the ticket: ERP_UNAVAILABLE, one insert; the retry finds that ticket', async () => {
    for (const kind of ['http500', 'http502', 'http503', 'http504'] as const) {
      const id = `fault-${kind}-${Date.now()}`;
      const before = inserts('su_ticket');
      const answer = await withFault({ kind, resource: 'su_ticket', listing: false }, () => ticket(id));
      assertError(answer, 'ERP_UNAVAILABLE');
      assert.equal(inserts('su_ticket'), before + 1, kind);
      const retry = await ticket(id);
      assert.equal(retry.status, 200, JSON.stringify(retry.body));
      assert.equal(inserts('su_ticket'), before + 1, `${kind}: the retry inserts nothing`);
      const row = sim.state.tables.su_ticket!.rows.find((r) => r.id === retry.body.remote_id)!;
      assert.equal(retry.body.protocol, row.protocolo);
    }
  });

  test('the answer to the insert is lost: ERP_UNAVAILABLE, exactly one insert, never resent', async () => {
    const before = inserts('su_ticket');
    const sent = () => sim.state.log.filter((r) => r.resource === 'su_ticket' && !r.listing).length;
    const posted = sent();
    const answer = await withFault({ kind: 'drop', resource: 'su_ticket', listing: false }, () =>
      ticket(`fault-drop-${Date.now()}`),
    );
    assertError(answer, 'ERP_UNAVAILABLE');
    assert.equal(inserts('su_ticket'), before + 1);
    assert.equal(sent(), posted + 1, 'a write that may have arrived is not sent again');
  });

  test('type:error, HTML and malformed answers to an insert: ERP_REJECTED / ERP_BAD_RESPONSE, one request each', async () => {
    const cases = [
      ['error200', 'ERP_REJECTED'],
      ['html200', 'ERP_BAD_RESPONSE'],
      ['malformed', 'ERP_BAD_RESPONSE'],
    ] as const;
    for (const [kind, code] of cases) {
      const before = sim.state.log.filter((r) => r.resource === 'su_ticket' && !r.listing).length;
      const answer = await withFault({ kind, resource: 'su_ticket', listing: false }, () =>
        ticket(`fault-${kind}-${Date.now()}`),
      );
      assertError(answer, code);
      assert.ok(answer.body.error.upstream, kind);
      assert.ok(!answer.body.error.upstream.excerpt.includes(maskedCpf));
      assert.equal(
        sim.state.log.filter((r) => r.resource === 'su_ticket' && !r.listing).length,
        before + 1,
        kind,
      );
    }
  });

  test('a tenant without ticket ids: NOT_SUPPORTED naming the setting, nothing sent', async () => {
    const { ticket_subject_id: _s, ...rest } = settings();
    const bare = (await ponte.createTenant('isp-bare', 'ixc', rest)).key;
    const before = inserts('su_ticket');
    const answer = await ticket(`bare-${Date.now()}`, bare);
    assertError(answer, 'NOT_SUPPORTED');
    assert.match(answer.body.error.message, /ticket_subject_id/);
    assert.equal(inserts('su_ticket'), before);
  });
});

describe('IXC settlement', () => {
  const paidAt = new Date().toISOString();
  const openBill = async (document: string) => {
    const bills = (await call('list_bills', { customer_document_number: document })).body;
    return bills[bills.length - 1];
  };
  const settle = (document: string, bill: { remote_id: string; valor_final: string }, id: string) =>
    call('settle_bill', {
      customer_document_number: document,
      boleto_id: bill.remote_id,
      transaction: { id, method: 'pix', amount: bill.valor_final, paid_at: paidAt, end_to_end_id: `E${id}` },
    });

  test('a 504 after IXC recorded the settlement: queued, then settled by reading the bill, one baixa', async () => {
    const bill = await openBill(FIXTURES.manyBills);
    const id = `tx-lost-${Date.now()}`;
    const baixas = sim.state.counters.baixas;
    const first = await withFault({ kind: 'http504', resource: 'fn_areceber_recebimentos_baixas_novo' }, () =>
      settle(FIXTURES.manyBills, bill, id),
    );
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual([first.body.success, first.body.status], [false, 'queued']);
    assert.equal(sim.state.counters.baixas, baixas + 1);
    const stored = await ponte.app.gateway.settlements.show(tenantId, id);
    assert.equal(stored?.state, 'unknown');

    // The worker reads the bill before anything else: it is paid, so no baixa is sent again.
    await ponte.app.gateway.settlements.retry(tenantId, id);
    assert.equal(await ponte.app.gateway.settlements.tick(), 1);
    const retry = await settle(FIXTURES.manyBills, bill, id);
    assert.equal(retry.body.status, 'settled', JSON.stringify(retry.body));
    assert.equal(retry.body.success, true);
    assert.equal(sim.state.counters.baixas, baixas + 1);
    assert.equal(sim.state.counters.actions.fn_areceber_recebimentos_baixas_novo, baixas + 1);
    const view = await ponte.app.gateway.settlements.show(tenantId, id);
    assert.deepEqual(
      view?.attempts_made.map((a) => [a.kind, a.result]),
      [
        ['apply', 'unknown'],
        ['read', 'settled'],
      ],
    );
    const receipt = sim.state.tables.fn_areceber_baixas!.rows.find((r) => r.id_receber === bill.remote_id)!;
    // The money goes to the cash account; the receipt is booked to the bill's planning account.
    const row = sim.state.tables.fn_areceber!.rows.find((r) => r.id === bill.remote_id)!;
    assert.deepEqual([receipt.conta_, receipt.id_conta], ['3', row.id_conta]);
    assert.notEqual(receipt.id_conta, receipt.conta_);
    assert.deepEqual([receipt.tipo_recebimento, receipt.tipo_lanc], ['Pix', 'R']);
    assert.deepEqual([receipt.credito, receipt.debito], [bill.valor_final, bill.valor_final]);
    assert.equal(receipt.valor_total_recebido, bill.valor_final);
  });

  test('a bill paid in IXC by something else: already_settled, nothing posted', async () => {
    const bill = await openBill(FIXTURES.company);
    sim.state.tables.fn_areceber!.rows.find((r) => r.id === bill.remote_id)!.status = 'R';
    const posted = sim.state.counters.actions.fn_areceber_recebimentos_baixas_novo ?? 0;
    const answer = await settle(FIXTURES.company, bill, `tx-paid-${Date.now()}`);
    assert.deepEqual([answer.body.success, answer.body.status], [false, 'already_settled']);
    assert.equal(typeof answer.body.api_response, 'string');
    assert.equal(sim.state.counters.actions.fn_areceber_recebimentos_baixas_novo ?? 0, posted);
  });

  test("IXC's refusal is rejected with its answer as api_response, and is not retried", async () => {
    const bill = await openBill(FIXTURES.otherBills);
    const sent = () =>
      sim.state.log.filter((r) => r.resource === 'fn_areceber_recebimentos_baixas_novo').length;
    const posted = sent();
    const id = `tx-refused-${Date.now()}`;
    const answer = await withFault(
      { kind: 'error200', resource: 'fn_areceber_recebimentos_baixas_novo' },
      () => settle(FIXTURES.otherBills, bill, id),
    );
    assert.equal(answer.status, 200);
    assert.deepEqual([answer.body.success, answer.body.status], [false, 'rejected']);
    assert.match(answer.body.api_response, /type/);
    assert.equal(sent(), posted + 1);
    const again = await settle(FIXTURES.otherBills, bill, id);
    assert.deepEqual(again.body, answer.body);
    assert.equal(sent(), posted + 1);
  });
});

describe('IXC specifics', () => {
  test('listings page through rp-sized pages', async () => {
    const before = sim.state.log.filter((r) => r.resource === 'fn_areceber').length;
    const answer = await call('list_bills', { customer_document_number: FIXTURES.manyBills }, pagedKey);
    assert.equal(answer.status, 200);
    const all = sim.state.tables.fn_areceber!.rows.filter(
      (r) =>
        r.id_cliente ===
          sim.state.tables.cliente!.rows.find((c) => c.cnpj_cpf === formatDocument(FIXTURES.manyBills))!.id &&
        r.status === 'A',
    );
    assert.equal(answer.body.length, all.length);
    assert.ok(
      sim.state.log.filter((r) => r.resource === 'fn_areceber').length - before >= Math.ceil(all.length / 2),
    );
  });

  test('every listing carries ixcsoft: listar and no write does', () => {
    const tables = new Set(Object.keys(sim.state.tables));
    for (const r of sim.state.log) {
      if (r.method === 'PUT') assert.equal(r.listing, false);
      if (r.method === 'POST' && tables.has(r.resource) && !r.listing) {
        assert.ok(['su_ticket', 'cliente', 'cliente_contrato', 'contato'].includes(r.resource), r.resource);
      }
    }
  });

  test('a customer stored with digits only is found too; an overdue bill carries fees and a valid Pix', async () => {
    const row = sim.state.tables.cliente!.rows.find(
      (c) => c.cnpj_cpf === formatDocument(FIXTURES.unlockUsed),
    )!;
    row.cnpj_cpf = FIXTURES.unlockUsed;
    const answer = await call('list_bills', { customer_document_number: FIXTURES.unlockUsed });
    assert.equal(answer.status, 200);
    const bill = answer.body[0];
    assert.notEqual(bill.multa, '0.00');
    assert.notEqual(bill.juros, '0.00');
    assert.notEqual(bill.pix_code, '');
    assert.match(bill.pix_code, new RegExp(bill.valor_final.replace('.', '\\.')));
  });

  test('update_customer sends the whole record once and changes only the phone', async () => {
    const row = sim.state.tables.cliente!.rows.find(
      (c) => c.cnpj_cpf === formatDocument(FIXTURES.otherBills),
    )!;
    const before = { ...row };
    const updates = sim.state.counters.updates.cliente ?? 0;
    const answer = await call('update_customer', {
      customer_document_number: FIXTURES.otherBills,
      changes: { phone: '(11) 91234-5678' },
    });
    assert.equal(answer.body.success, true);
    assert.equal(sim.state.counters.updates.cliente, updates + 1);
    assert.deepEqual(row, { ...before, telefone_celular: '(11) 91234-5678' });
    const city = await call('update_customer', {
      customer_document_number: FIXTURES.otherBills,
      changes: { address: { city: 'Atlântida', state: 'SC' } },
    });
    assert.equal(city.body.success, false);
    assert.equal(sim.state.counters.updates.cliente, updates + 1);
  });

  test('update_customer reads the record back: a field IXC silently did not write is success false', async () => {
    const row = sim.state.tables.cliente!.rows.find((c) => c.cnpj_cpf === formatDocument(FIXTURES.notes))!;
    row.data_nascimento = '1985-03-07';
    const before = { ...row };
    sim.state.variants.ignoredOnUpdate = ['email'];
    try {
      const answer = await call('update_customer', {
        customer_document_number: FIXTURES.notes,
        changes: { email: 'novo.endereco@example.com', phone: '(11) 97777-1234' },
      });
      assert.equal(answer.body.success, false, JSON.stringify(answer.body));
      assert.match(answer.body.api_response, /não gravou: email/);
    } finally {
      sim.state.variants.ignoredOnUpdate = [];
    }
    // Dates went back in a form IXC reads (dd/mm/yyyy, "" for none): the record keeps them.
    assert.deepEqual(row, { ...before, telefone_celular: '(11) 97777-1234' });
  });

  test('trust unlock: the list answer (v2) and the refusals', async () => {
    sim.state.variants.trustUnlock = 'v2';
    try {
      const ok = await call('trust_unlock', { customer_document_number: FIXTURES.unlockable }, pagedKey);
      assert.equal(ok.body.success, true, JSON.stringify(ok.body));
      assert.match(ok.body.unlocked_until, /^\d{4}-\d{2}-\d{2}$/);
      const manual = await call('trust_unlock', { customer_document_number: FIXTURES.blockedManual });
      assert.equal(manual.body.success, false);
      assert.match(manual.body.message, /bloqueio manual/);
    } finally {
      sim.state.variants.trustUnlock = 'v1';
    }
    const blocked = await call('list_blocked_plans', { customer_document_number: FIXTURES.blockedManual });
    assert.equal(blocked.body[0].block_reason, 'manual');
  });

  test('create_order: customer and pre-contract once; an existing customer becomes a ticket', async () => {
    const order = {
      id: `order-${Date.now()}`,
      customer: {
        name: 'Rafael Nunes',
        document_number: '11144477735',
        phone: '19991234567',
        email: 'rafael@example.com',
      },
      address: {
        zip_code: '13015100',
        street: 'Rua Um',
        number: '10',
        neighborhood: 'Centro',
        city: 'Campinas',
        state: 'SP',
      },
      items: [{ product_code: '2' }],
      due_date_code: '10',
    };
    const [clientes, contratos] = [inserts('cliente'), inserts('cliente_contrato')];
    const created = await call('create_order', { order, message: 'via site' });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.equal(created.body.is_issue, false);
    const contract = sim.state.tables.cliente_contrato!.rows.find((r) => r.id === created.body.remote_id)!;
    assert.deepEqual([contract.status, contract.id_tipo_contrato, contract.id_vd_contrato], ['P', '11', '2']);
    assert.deepEqual([inserts('cliente'), inserts('cliente_contrato')], [clientes + 1, contratos + 1]);
    const customer = sim.state.tables.cliente!.rows.find((r) => r.id === contract.id_cliente)!;
    assert.equal(customer.cnpj_cpf, '111.444.777-35');
    // The city with its state's id, and the SCM customer type, as a client of IXC's PHP class sends them.
    const city = sim.state.tables.cidade!.rows.find((r) => r.id === customer.cidade)!;
    assert.deepEqual([city.nome, customer.uf, customer.tipo_cliente_scm], ['Campinas', city.uf, '01']);
    assert.notEqual(customer.uf, '');
    const existing = await call('create_order', {
      order: {
        ...order,
        id: `${order.id}-b`,
        customer: { ...order.customer, document_number: FIXTURES.bills },
      },
      message: '',
    });
    assert.equal(existing.body.is_issue, true);
    const invalid = await call('create_order', {
      order: { ...order, id: `${order.id}-c`, due_date_code: '7' },
      message: '',
    });
    assertError(invalid, 'INVALID_INPUT');
    assert.equal(invalid.body.error.details[0].path, 'order.due_date_code');
  });

  test('check lists the choices and flags an id IXC does not have', async () => {
    const parsed = ixcSettingsSchema.parse({ ...settings(), cash_account_id: '99' });
    const log = pino({ level: 'silent' });
    const conn = await ixcProvider.connect({
      tenantId: 't',
      settings: parsed,
      options: defaultTenantOptions,
      dataDir: '',
      log,
    });
    const ctx = {
      requestId: 'r',
      tenantId: 't',
      signal: AbortSignal.timeout(5000),
      now: new Date(),
      log,
      warn: () => undefined,
    };
    try {
      const report = await ixcProvider.check!(conn, ctx);
      assert.equal(report.ok, false);
      assert.ok(report.messages.some((m) => /cash_account_id: 99/.test(m)));
      assert.deepEqual(
        report.choices.branch_id?.map((c) => c.id),
        ['1', '2'],
      );
      assert.ok((report.choices.ticket_department_id ?? []).length >= 3);
      assert.ok((report.choices.due_day_contract_types ?? []).some((c) => c.id === '11'));
      // Only URL and token: every setting some function needs is named with what it blocks.
      const bare = await ixcProvider.connect({
        tenantId: 't',
        settings: ixcSettingsSchema.parse({ base_url: sim.baseUrl, token: TOKEN, branch_id: 1 }),
        options: defaultTenantOptions,
        dataDir: '',
        log,
      });
      try {
        const unready = await ixcProvider.check!(bare, ctx);
        assert.equal(unready.ok, false);
        const line = (setting: string) =>
          unready.messages.find((m) => m.startsWith(`${setting} is not set`)) ?? '';
        assert.match(line('cash_account_id'), /settle_bill/);
        assert.match(line('ticket_subject_id'), /create_ticket.*create_order_existing_customer/);
        assert.match(line('due_day_contract_types'), /list_due_dates/);
        assert.match(line('contract_model_id'), /create_order \(order_mode "contract"\)/);
        assert.equal(line('branch_id'), '', 'an id given as a number counts as set');
      } finally {
        await ixcProvider.close!(bare);
      }
      sim.faults.set({ kind: 'revoked' });
      const denied = await ixcProvider.check!(conn, ctx);
      assert.equal(denied.ok, false);
      assert.match(denied.messages[0]!, /token/);
    } finally {
      sim.faults.clear();
      await ixcProvider.close!(conn);
    }
  });
});
