// The Hubsoft provider against the Hubsoft simulator, through Ponte over real HTTP: token
// revocation and expiry, refused credentials, every fault switch, and writes never sent twice.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultHubsoftCredentials,
  seedHubsoft,
  startHubsoftSimulator,
} from '../../simulators/hubsoft/server.js';
import type { RunningHubsoftSimulator } from '../../simulators/hubsoft/server.js';
import pino from 'pino';
import { defaultTenantOptions } from '../../src/providers/tenant-options.js';
import { hubsoftProvider, hubsoftSettingsSchema } from '../../src/providers/hubsoft/index.js';
import { startPonte, type Answer } from '../helpers/ponte.js';
import type { RunningPonte } from '../helpers/ponte.js';

const LIQUIDAR = 'POST /api/v1/integracao/financeiro/fatura/liquidar';
const CLIENTE = 'GET /api/v1/integracao/cliente';
const data = seedHubsoft({ seed: 11, customers: 10 });
const f = data.fixtures;

let sim: RunningHubsoftSimulator;
let ponte: RunningPonte;
let key: string;
let tenants = 0;

async function tenant(settings: Record<string, unknown> = {}, options: Record<string, unknown> = {}) {
  const created = await ponte.createTenant(
    `isp-${++tenants}`,
    'hubsoft',
    { base_url: sim.url, ...defaultHubsoftCredentials, caixa_financeiro_id: 139, ...settings },
    options,
  );
  return created.key;
}

const call = (name: string, body: unknown, k = key) => ponte.call(name, body, k);

/** An order for a plan sold at the simulator's Divinópolis CEP. */
const order = (id: string, document: string, message: string) => ({
  message,
  order: {
    id,
    customer: { name: 'Maria das Graças Fonseca', document_number: document, phone: '37999887766' },
    address: {
      zip_code: '35500100',
      street: 'Rua Goiás',
      number: '86',
      neighborhood: 'Centro',
      city: 'Divinópolis',
      state: 'MG',
    },
    items: [{ product_code: '1302' }],
    due_date_code: '61',
  },
});

before(async () => {
  sim = await startHubsoftSimulator({ seed: data });
  // No settlement worker: these tests count the requests each call sends.
  ponte = await startPonte({ providers: [hubsoftProvider], worker: false });
  key = await tenant();
});
after(async () => {
  await ponte.close();
  await sim.close();
});

describe('tokens', () => {
  test('a revoked token is renewed transparently, once per request', async () => {
    assert.equal((await call('get_customer', { customer_document_number: f.withBills })).status, 200);
    const issued = sim.state.counters.tokensIssued;
    sim.state.revokeAllTokens();
    const answer = await call('get_customer', { customer_document_number: f.withBills });
    assert.equal(answer.status, 200);
    assert.equal(sim.state.counters.tokensIssued, issued + 1);
    // The next request uses the new token: no more token requests.
    await call('get_customer_contacts', { customer_document_number: f.withBills });
    assert.equal(sim.state.counters.tokensIssued, issued + 1);
  });

  test('concurrent requests refused together share one renewal', async () => {
    await call('get_customer', { customer_document_number: f.withBills });
    const issued = sim.state.counters.tokensIssued;
    sim.state.revokeAllTokens();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        call('get_internal_pending', { customer_document_number: f.withNotes }),
      ),
    );
    for (const a of answers) assert.equal(a.status, 200);
    assert.equal(sim.state.counters.tokensIssued, issued + 1);
  });

  test('an expired token is renewed the same way', async () => {
    await call('get_customer', { customer_document_number: f.withBills });
    const issued = sim.state.counters.tokensIssued;
    sim.state.expireAllTokens();
    assert.equal((await call('list_plans', { customer_document_number: f.unlockable })).status, 200);
    assert.equal(sim.state.counters.tokensIssued, issued + 1);
  });

  test('a write refused with 401 is sent again once, and applied once', async () => {
    const bill = (await call('list_bills', { customer_document_number: f.otherWithBills })).body[0];
    const before = sim.state.requestsTo(LIQUIDAR);
    const writes = sim.state.counters.writes.length;
    const issued = sim.state.counters.tokensIssued;
    // Revoked between the bill look-up and the liquidation itself.
    sim.faults.set({ revokeToken: true, route: '/fatura/liquidar', times: 1 });
    const answer = await call('settle_bill', {
      boleto_id: bill.remote_id,
      customer_document_number: f.otherWithBills,
      transaction: {
        id: 'tx-revoked-1',
        method: 'pix',
        amount: bill.valor_final,
        paid_at: new Date().toISOString(),
      },
    });
    sim.faults.clear();
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.status, 'settled');
    assert.equal(
      sim.state.requestsTo(LIQUIDAR),
      before + 2,
      'the refused attempt and the one that went through',
    );
    assert.equal(sim.state.counters.tokensIssued, issued + 1);
    assert.deepEqual(
      sim.state.counters.writes.slice(writes).map((w) => w.path),
      ['/api/v1/integracao/financeiro/fatura/liquidar'],
    );
  });

  test('a token refused right after it was issued is ERP_UNAVAILABLE, without a loop', async () => {
    await call('get_customer', { customer_document_number: f.withBills });
    const issued = sim.state.counters.tokensIssued;
    sim.faults.set({ revokeToken: true, route: '/api/' });
    try {
      const answer = await call('get_customer', { customer_document_number: f.withBills });
      assert.equal(answer.status, 503);
      assert.equal(answer.body.error.code, 'ERP_UNAVAILABLE');
      assert.equal(sim.state.counters.tokensIssued, issued + 1);
    } finally {
      sim.faults.clear();
    }
  });
});

describe('refused credentials', () => {
  test('a wrong password names the settings to fix and never shows the secret', async () => {
    const secret = 'Sup3r-Secret-Pa55word';
    const k = await tenant({ password: secret });
    const answer = await call('get_customer', { customer_document_number: f.withBills }, k);
    assert.equal(answer.status, 503);
    assert.equal(answer.body.error.code, 'ERP_UNAVAILABLE');
    assert.match(answer.body.error.message, /'password'/);
    assert.match(answer.body.error.message, /'username'/);
    assert.deepEqual(answer.body.error.details.settings, ['username', 'password']);
    assert.equal(answer.body.error.upstream.status, 401);
    const everything = JSON.stringify(answer.body) + ponte.logs.join('');
    assert.ok(!everything.includes(secret));
    assert.ok(!everything.includes(defaultHubsoftCredentials.client_secret));
  });

  test('a wrong client secret names client_id and client_secret', async () => {
    const k = await tenant({ client_secret: 'not-the-secret-at-all' });
    const answer = await call('list_resellers', {}, k);
    assert.equal(answer.status, 503);
    assert.match(answer.body.error.message, /'client_secret'/);
    assert.ok(!JSON.stringify(answer.body).includes('not-the-secret-at-all'));
  });
});

describe('fault switches', () => {
  const doc = () => ({ customer_document_number: f.withBills });

  async function withFault(
    fault: Parameters<RunningHubsoftSimulator['faults']['set']>[0],
    run: () => Promise<void>,
  ) {
    await call('get_customer', doc());
    sim.faults.set({ route: '/api/', ...fault });
    try {
      await run();
    } finally {
      sim.faults.clear();
    }
  }

  for (const status of [500, 502, 503, 504]) {
    test(`HTTP ${status}: ERP_UNAVAILABLE with the upstream status, the read retried twice`, async () => {
      await withFault({ status }, async () => {
        const before = sim.state.requestsTo(CLIENTE);
        const answer = await call('get_customer', doc());
        assert.equal(answer.status, 503);
        assert.equal(answer.body.error.code, 'ERP_UNAVAILABLE');
        assert.equal(answer.body.error.upstream.status, status);
        assert.equal(sim.state.requestsTo(CLIENTE), before + 3);
      });
    });
  }

  test('an HTML error page with 200: ERP_BAD_RESPONSE, personal data masked in upstream', async () => {
    await withFault({ html: true }, async () => {
      const answer = await call('get_customer', doc());
      assert.equal(answer.status, 502);
      assert.equal(answer.body.error.code, 'ERP_BAD_RESPONSE');
      assert.match(answer.body.error.upstream.excerpt, /Whoops/);
      assert.ok(!answer.body.error.upstream.excerpt.includes('529.982.247-25'));
      assert.match(answer.body.error.upstream.excerpt, /\*\*\*\.982\.\*\*\*-\*\*/);
    });
  });

  test('an error envelope with 200: ERP_BAD_RESPONSE carrying the message', async () => {
    await withFault({ errorEnvelope: true }, async () => {
      const answer = await call('list_bills', doc());
      assert.equal(answer.status, 502);
      assert.equal(answer.body.error.code, 'ERP_BAD_RESPONSE');
      assert.match(answer.body.error.message, /erro inesperado/);
      assert.equal(answer.body.error.upstream.status, 200);
    });
  });

  test('malformed JSON: ERP_BAD_RESPONSE', async () => {
    await withFault({ malformedJson: true }, async () => {
      const answer = await call('get_customer_contacts', doc());
      assert.equal(answer.status, 502);
      assert.equal(answer.body.error.code, 'ERP_BAD_RESPONSE');
      assert.match(answer.body.error.message, /malformed JSON/);
    });
  });

  test('latency under the deadline is only slower', async () => {
    await withFault({ latencyMs: 150 }, async () => {
      const started = Date.now();
      const answer = await call('get_customer', doc());
      assert.equal(answer.status, 200);
      assert.ok(Date.now() - started >= 150);
    });
  });

  test('no answer: ERP_UNAVAILABLE when the deadline passes', async () => {
    const k = await tenant({}, { deadline_ms: 600 });
    await call('get_customer', doc(), k);
    sim.faults.set({ route: '/api/', timeout: true });
    try {
      const answer = await call('get_customer', doc(), k);
      assert.equal(answer.status, 503);
      assert.equal(answer.body.error.code, 'ERP_UNAVAILABLE');
    } finally {
      sim.faults.clear();
    }
  });

  test('the header x-sim-fault breaks one request only', async () => {
    const res = await fetch(`${sim.url}/api/v1/integracao/configuracao/vencimento`, {
      headers: { 'x-sim-fault': 'status=502' },
    });
    assert.equal(res.status, 502);
    assert.match(await res.text(), /nginx/);
  });
});

describe('writes are never sent twice', () => {
  async function settleUnder(
    fault: Parameters<RunningHubsoftSimulator['faults']['set']>[0],
    id: string,
    k = key,
  ) {
    const bill = (await call('list_bills', { customer_document_number: f.withBills }, k)).body[0];
    const before = sim.state.requestsTo(LIQUIDAR);
    sim.faults.set({ route: '/fatura/liquidar', ...fault });
    try {
      const answer = await call(
        'settle_bill',
        {
          boleto_id: bill.remote_id,
          customer_document_number: f.withBills,
          transaction: { id, method: 'pix', amount: bill.valor_final, paid_at: new Date().toISOString() },
        },
        k,
      );
      return { answer, sent: sim.state.requestsTo(LIQUIDAR) - before };
    } finally {
      sim.faults.clear();
    }
  }

  // An outcome the ERP did not confirm is kept by Ponte and answered as queued (the settlement
  // worker resolves it later by reading the bill first); the baixa itself is sent once.
  const assertQueued = (answer: Answer) => {
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.success, false);
    assert.equal(answer.body.status, 'queued');
  };

  test('a 503 on liquidar is queued after one attempt', async () => {
    const { answer, sent } = await settleUnder({ status: 503 }, 'tx-503');
    assertQueued(answer);
    assert.equal(sent, 1);
  });

  test('an HTML page on liquidar is queued after one attempt', async () => {
    const { answer, sent } = await settleUnder({ html: true }, 'tx-html');
    assertQueued(answer);
    assert.equal(sent, 1);
  });

  test('no answer to liquidar is queued after one attempt', async () => {
    const k = await tenant({}, { deadline_ms: 600 });
    const { answer, sent } = await settleUnder({ timeout: true }, 'tx-timeout', k);
    assertQueued(answer);
    assert.equal(sent, 1);
  });
});

describe('Hubsoft behaviour', () => {
  test("a fatura already paid is already_settled with Hubsoft's message", async () => {
    const paid = data.bills.find(
      (b) => b.data_pagamento !== null && b.id_cliente === data.customers[0]!.id_cliente,
    )!;
    const answer = await call('settle_bill', {
      boleto_id: String(paid.id_fatura),
      customer_document_number: f.withBills,
      transaction: {
        id: 'tx-paid-before',
        method: 'pix',
        amount: '129.90',
        paid_at: new Date().toISOString(),
      },
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.status, 'already_settled');
    assert.equal(answer.body.success, false);
    assert.match(answer.body.api_response, /já encontra-se quitada/);
  });

  test('get_boleto_pdf: the remote_id works without a document, a bare id does not', async () => {
    const bill = (await call('list_bills', { customer_document_number: f.otherWithBills })).body[0];
    const pdf = await call('get_boleto_pdf', { boleto_id: bill.remote_id });
    assert.equal(pdf.status, 200);
    assert.equal(Buffer.from(pdf.body.base_64, 'base64').subarray(0, 5).toString(), '%PDF-');
    const bare = await call('get_boleto_pdf', { boleto_id: bill.fatura });
    assert.equal(bare.body.error.code, 'BILL_NOT_FOUND');
    const owned = await call('get_boleto_pdf', {
      boleto_id: bill.fatura,
      customer_document_number: f.otherWithBills,
    });
    assert.equal(owned.status, 200);
  });

  test('a boleto without a link (débito em conta) is rendered by Ponte when it has a barcode, else not found', async () => {
    const debit = data.bills.find((b) => b.tipo_cobranca === 'debito_conta_corrente')!;
    const answer = await call('get_boleto_pdf', {
      boleto_id: `${debit.id_fatura}-s${debit.id_cliente_servico}`,
    });
    assert.equal(answer.status, 404);
    assert.equal(answer.body.error.code, 'BILL_NOT_FOUND');
  });

  test('create_order: a CPF already on a prospect goes to a ticket for a customer, else is refused', async () => {
    const first = await call('create_order', order('web-1', f.withBills, 'Pedido pelo site'));
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.is_issue, false);
    const second = await call('create_order', order('web-2', f.withBills, 'Pedido pelo site'));
    assert.equal(second.status, 200, JSON.stringify(second.body));
    assert.equal(second.body.is_issue, true);
    const strict = await tenant({}, { order_fallback_to_ticket: false });
    const refused = await call('create_order', order('web-3', f.withBills, 'Pedido pelo site'), strict);
    assert.equal(refused.status, 422);
    assert.match(refused.body.error.message, /já foi cadastrado antes no prospecto/);
  });

  test('create_order for a plan not sold at the CEP is ERP_REJECTED', async () => {
    const answer = await call('create_order', {
      message: '',
      order: {
        id: 'web-radio',
        customer: { name: 'Ana Lima', document_number: '39053344705', phone: '19987654321' },
        address: {
          zip_code: '13010111',
          street: 'Rua Barão de Jaguara',
          number: '10',
          neighborhood: 'Centro',
          city: 'Campinas',
          state: 'SP',
        },
        items: [{ product_code: '1260' }],
        due_date_code: '61',
      },
    });
    assert.equal(answer.status, 422);
    assert.match(answer.body.error.message, /does not sell plan 1260/);
  });

  test("trust_unlock of a service that is not blocked is refused with Hubsoft's message", async () => {
    const service = data.services.find((s) => s.id_cliente === data.customers[0]!.id_cliente)!;
    const answer = await call('trust_unlock', {
      customer_document_number: f.withBills,
      contract_id: String(service.id_cliente_servico),
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.success, false);
    assert.match(answer.body.message, /não está suspenso/);
  });

  test('update_customer is NOT_SUPPORTED', async () => {
    const answer = await call('update_customer', {
      customer_document_number: f.withBills,
      changes: { email: 'a@b.com' },
    });
    assert.equal(answer.status, 501);
  });
});

describe('configuration tells the truth', () => {
  test('lead mode without lead_crm_id is NOT_SUPPORTED naming it, and sends nothing', async () => {
    const k = await tenant({}, { existing_customer_order_mode: 'lead' });
    const writes = sim.state.counters.writes.length;
    const answer = await call(
      'create_order_existing_customer',
      {
        ...order('app-lead-1', f.withBills, 'Upgrade pelo app'),
        customer_document_number: f.withBills,
        wda_user: { id: 'u1', name: 'Atendente' },
      },
      k,
    );
    assert.equal(answer.status, 501, JSON.stringify(answer.body));
    assert.equal(answer.body.error.code, 'NOT_SUPPORTED');
    assert.deepEqual(answer.body.error.details.missing_settings, ['lead_crm_id']);
    assert.equal(sim.state.counters.writes.length, writes);
  });

  test('ids given as strings are sent to Hubsoft as numbers', async () => {
    const k = await tenant({
      caixa_financeiro_id: '139',
      tipo_atendimento_id: '109',
      ticket_subjects: { sem_conexao: '109' },
      lead_crm_id: '201',
    });
    const writes = sim.state.counters.writes.length;
    const ticket = await call(
      'create_ticket',
      { customer_document_number: f.withBills, subject: 'sem_conexao', message: 'Sem internet desde ontem' },
      k,
    );
    assert.equal(ticket.status, 200, JSON.stringify(ticket.body));
    const lead = await call(
      'create_lead',
      {
        lead: {
          id: 'lead-str-ids',
          name: 'Joana Prado',
          phone: '37991234567',
          product_code: '1302',
          address: { zip_code: '35500100' },
        },
      },
      k,
    );
    assert.equal(lead.status, 200, JSON.stringify(lead.body));
    const sent = sim.state.counters.writes.slice(writes);
    assert.equal(sent.find((w) => w.path.endsWith('/atendimento'))!.body.id_tipo_atendimento, 109);
    assert.equal(sent.find((w) => w.path.endsWith('/prospecto'))!.body.id_crm, 201);
  });

  test('the catalogue says which functions this tenant can run, naming what is missing', async () => {
    const k = await tenant({ caixa_financeiro_id: undefined });
    const res = await fetch(`${ponte.url}/v1/functions`, { headers: { authorization: `Bearer ${k}` } });
    const listed = ((await res.json()) as { functions: Record<string, unknown>[] }).functions;
    const byName = Object.fromEntries(listed.map((fn) => [fn.name, fn]));
    assert.deepEqual(byName.settle_bill!.missing_settings, ['caixa_financeiro_id']);
    assert.equal(byName.settle_bill!.ready, false);
    assert.equal(byName.update_customer!.supported, false);
    const ready = listed.filter((fn) => fn.ready === true).map((fn) => fn.name);
    assert.equal(ready.length, 19, ready.join(', '));
  });
});

describe('check', () => {
  const log = pino({ level: 'silent' });
  const ctx = {
    requestId: 'check',
    tenantId: 'isp',
    signal: new AbortController().signal,
    now: new Date(),
    log,
    warn: () => undefined,
  };
  async function connect(
    settings: Record<string, unknown>,
    options: Partial<typeof defaultTenantOptions> = {},
  ) {
    return hubsoftProvider.connect({
      tenantId: 'isp',
      settings: hubsoftSettingsSchema.parse({ base_url: sim.url, ...defaultHubsoftCredentials, ...settings }),
      options: { ...defaultTenantOptions, ...options },
      dataDir: '',
      log,
    });
  }

  test('lists the ids to choose and flags configured ones Hubsoft does not know', async () => {
    const conn = await connect({ caixa_financeiro_id: 999, tipo_atendimento_id: 109 });
    const report = await hubsoftProvider.check!(conn, ctx);
    await hubsoftProvider.close!(conn);
    assert.equal(report.ok, false);
    assert.match(report.messages[0]!, /credentials accepted/);
    assert.ok(report.messages.some((m) => m.includes('caixa_financeiro_id 999')));
    assert.deepEqual(
      report.choices.caixa_financeiro_id!.map((c) => c.id),
      data.caixas.map((c) => String(c.id_caixa_financeiro)),
    );
    for (const setting of [
      'meios_pagamento',
      'tipo_atendimento_id',
      'lead_crm_id',
      'lead_service_id',
      'empresa_documento',
    ]) {
      assert.ok(report.choices[setting]!.length >= 1, setting);
    }
  });

  test('a complete configuration is ok; refused credentials are reported, not thrown', async () => {
    const good = await connect({ caixa_financeiro_id: 123 });
    assert.equal((await hubsoftProvider.check!(good, ctx)).ok, true);
    await hubsoftProvider.close!(good);
    const bad = await connect({ password: 'nope-nope' });
    const report = await hubsoftProvider.check!(bad, ctx);
    await hubsoftProvider.close!(bad);
    assert.equal(report.ok, false);
    assert.match(report.messages[0]!, /'password'/);
  });

  test('every missing setting is listed with the functions it blocks, even when the login fails', async () => {
    const conn = await connect({ lead_crm_id: undefined }, { existing_customer_order_mode: 'lead' });
    const report = await hubsoftProvider.check!(conn, ctx);
    await hubsoftProvider.close!(conn);
    assert.equal(report.ok, false);
    assert.ok(
      report.messages.some((m) => /^caixa_financeiro_id is not set: settle_bill cannot run/.test(m)),
      report.messages.join('\n'),
    );
    assert.ok(
      report.messages.some((m) => /^lead_crm_id is not set: create_order_existing_customer/.test(m)),
      report.messages.join('\n'),
    );
    const refused = await connect({ password: 'nope-nope' });
    const failed = await hubsoftProvider.check!(refused, ctx);
    await hubsoftProvider.close!(refused);
    assert.ok(failed.messages.some((m) => m.startsWith('caixa_financeiro_id is not set')));
  });
});
