// The SGP provider against its simulator over real HTTP, for what the shared contract suite does not
// reach: `ponte check`, how SGP's failures are classified, and the SGP-specific scenarios (unlock
// used up, reduced speed, address changes refused, a boleto link that is an HTML page, NOT_SUPPORTED
// naming a setting).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { PonteError } from '../../contract/index.js';
import { defaultTenantOptions } from '../tenant-options.js';
import type { CallContext } from '../types.js';
import { sgpTenantSettings } from '../../../simulators/sgp/index.js';
import { startSgpSimulator } from '../../../simulators/sgp/server.js';
import type { SgpSimulator } from '../../../simulators/sgp/server.js';
import { connectSgp } from './client.js';
import type { SgpConnection } from './client.js';
import { checkSgp } from './check.js';
import { sgpProvider } from './index.js';
import { sgpSettingsSchema } from './settings.js';

let sim: SgpSimulator;
let conn: SgpConnection;
const warnings: string[] = [];

function ctx(): CallContext {
  return {
    requestId: 'test',
    tenantId: 't',
    signal: AbortSignal.timeout(10_000),
    now: new Date(),
    log: pino({ level: 'silent' }),
    warn: (m) => warnings.push(m),
  };
}

function connect(overrides: Record<string, unknown> = {}): SgpConnection {
  return connectSgp({
    tenantId: 't',
    settings: sgpSettingsSchema.parse({ ...sgpTenantSettings(sim.url), ...overrides }),
    options: defaultTenantOptions,
    dataDir: '/tmp',
    log: pino({ level: 'silent' }),
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- inputs as the gateway passes them
const run = (name: keyof typeof sgpProvider.functions, input: any, c = conn) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each function has its own input type
  (sgpProvider.functions[name] as any)(c, input, ctx());

async function rejectsWith(promise: Promise<unknown>, code: string, message?: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof PonteError, String(error));
    assert.equal(error.code, code, error.message);
    if (message) assert.match(error.message, message);
    return true;
  });
}

before(async () => {
  sim = await startSgpSimulator({ seed: { customers: 3 } });
  conn = connect();
});
after(async () => {
  await conn.client.close();
  await sim.close();
});

const f = () => sim.state.data.fixtures;

describe('ponte check', () => {
  test('verifies token + app and lists the ids to pick', async () => {
    const report = await checkSgp(conn, ctx());
    assert.equal(report.ok, true, report.messages.join('\n'));
    assert.deepEqual(
      report.choices.ponto_recebimento_id?.map((c) => c.id),
      ['1', '3'],
    );
    assert.ok(report.choices.pop_id!.length >= 1);
    assert.ok(report.choices.portador_id!.some((c) => c.label === 'SICOOB'));
    assert.ok(report.choices.ticket_type_id!.some((c) => c.id === '5'));
  });

  test('flags an id SGP does not have, and a wrong app', async () => {
    const wrongId = connect({ ponto_recebimento_id: '77' });
    const report = await checkSgp(wrongId, ctx());
    assert.equal(report.ok, false);
    assert.ok(report.messages.some((m) => m.includes('ponto_recebimento_id 77')));
    await wrongId.client.close();
    const wrongApp = connect({ app: 'PONTE' });
    const refused = await checkSgp(wrongApp, ctx());
    assert.equal(refused.ok, false);
    assert.match(refused.messages[0]!, /token and app/);
    await wrongApp.client.close();
  });
});

describe('failures', () => {
  test('a revoked token names the settings; an HTML page and cut JSON are ERP_BAD_RESPONSE', async () => {
    const doc = { customer_document_number: f().overdue };
    sim.faults.set({ kind: 'revoked', times: 1 });
    await rejectsWith(run('get_customer', doc), 'ERP_UNAVAILABLE', /token and app/);
    sim.faults.set({ kind: 'html200', times: 1 });
    await rejectsWith(run('get_customer', doc), 'ERP_BAD_RESPONSE');
    sim.faults.set({ kind: 'malformed', times: 1 });
    await rejectsWith(run('list_bills', doc), 'ERP_BAD_RESPONSE');
    sim.faults.set({ kind: 'error200', route: '/titulos', times: 1 });
    await rejectsWith(run('list_bills', doc), 'ERP_BAD_RESPONSE', /Erro ao processar/);
    sim.faults.clear();
  });

  test('a read is retried past one 502; a base_url with /api is a 404 naming base_url', async () => {
    sim.faults.set({ kind: 'http502', route: '/consultacliente', times: 1 });
    const customer = await run('get_customer', { customer_document_number: f().overdue });
    assert.equal(customer.nome_completo, 'MARIA APARECIDA DOS SANTOS');
    sim.faults.clear();
    const wrong = connect({ base_url: `${sim.url}/api` });
    await rejectsWith(
      run('get_customer', { customer_document_number: f().overdue }, wrong),
      'ERP_UNAVAILABLE',
      /base_url/,
    );
    await wrong.client.close();
  });
});

describe('billing details', () => {
  test('more than one page of títulos (250 a page) is read whole, oldest first', async () => {
    const { data } = sim.state;
    const owner = data.customers.find((c) => c.cpfcnpj === f().unlockUsed)!;
    const model = data.titles.find((t) => t.clienteId === owner.id && t.status === 'Gerado')!;
    for (let i = 1; i <= 300; i++) {
      data.titles.push({ ...model, id: 900_000 + i, hash: `${model.hash}-${i}`, baixas: [] });
    }
    const pages = sim.state.requestsTo('POST /api/ura/titulos');
    const bills = await run('list_bills', { customer_document_number: f().unlockUsed });
    assert.equal(bills.length, 301);
    assert.equal(sim.state.requestsTo('POST /api/ura/titulos') - pages, 2);
    const ids = bills.map((b: { fatura: string }) => Number(b.fatura));
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
    );
    data.titles = data.titles.filter((t) => t.id < 900_000);
  });

  test('a Pix endpoint that refuses leaves pix_code "" with a warning; the bill is still answered', async () => {
    const fresh = sim.state.data.titles.find((t) => t.codigoPix === '' && t.status === 'Gerado')!;
    const owner = sim.state.data.customers.find((c) => c.id === fresh.clienteId)!;
    sim.faults.set({ kind: 'error200', route: '/pagamento/pix' });
    try {
      const bills = await run('list_bills', { customer_document_number: owner.cpfcnpj });
      const bill = bills.find((b: { fatura: string }) => b.fatura === String(fresh.id));
      assert.equal(bill.pix_code, '');
      assert.ok(warnings.some((w) => w.includes(`título ${fresh.id}: SGP gave no usable Pix code`)));
    } finally {
      sim.faults.clear();
    }
  });
});

describe('SGP scenarios', () => {
  test('trust unlock used up this month: refused with SGP message; reduced speed is blocked', async () => {
    const used = await run('trust_unlock', { customer_document_number: f().unlockUsed });
    assert.equal(used.success, false);
    assert.match(used.message, /atingiu quantidade permitida/);
    const plans = await run('list_plans', { customer_document_number: f().reducedSpeed });
    assert.deepEqual(
      plans.map((p: { status: string; block_reason: string }) => [p.status, p.block_reason]),
      [
        ['blocked', 'reduced_speed'],
        ['cancelled', ''],
      ],
    );
  });

  test('update_customer: an address is refused without calling SGP; a phone is added', async () => {
    const doc = f().paidOnly;
    const adds = () => sim.state.counters.writes.filter((w) => w.path.includes('/contato/add')).length;
    const before = adds();
    const refused = await run('update_customer', {
      customer_document_number: doc,
      changes: { address: { street: 'RUA NOVA' } },
    });
    assert.equal(refused.success, false);
    assert.match(refused.api_response, /address/);
    assert.equal(adds(), before);
    const added = await run('update_customer', {
      customer_document_number: doc,
      changes: { phone: '42991234567' },
    });
    assert.equal(added.success, true);
    const contacts = await run('get_customer_contacts', { customer_document_number: doc });
    assert.ok(contacts.some((c: { value: string }) => c.value === '42991234567'));
  });

  test('a boleto link that serves HTML: Ponte renders the PDF; the fresh título gets its Pix from SGP', async () => {
    const bills = await run('list_bills', { customer_document_number: f().overdue });
    assert.equal(bills.length, 3);
    assert.ok(bills.every((b: { pix_code: string }) => b.pix_code !== ''));
    assert.ok(bills.every((b: { linha_digitavel: string }) => b.linha_digitavel.length === 47));
    assert.notEqual(bills[0].juros, '0.00');
    const pdf = await run('get_boleto_pdf', { boleto_id: bills[2].remote_id });
    assert.equal(Buffer.from(pdf.base_64, 'base64').subarray(0, 5).toString(), '%PDF-');
    assert.ok(warnings.some((w) => w.includes('rendered the boleto')));
  });

  test('notas fiscais, NFCom and NFS-e are listed, and each has its PDF', async () => {
    const list = await run('list_invoices', { customer_document_number: f().overdue });
    assert.deepEqual(
      list.map((i: { modelo: string }) => i.modelo),
      ['62', '21', '21'],
    );
    assert.equal(list[0].chave_acesso.length, 44);
    assert.ok(warnings.some((w) => w.includes('lists no value')));
    for (const invoice of list) {
      const pdf = await run('get_invoice_pdf', {
        customer_document_number: f().overdue,
        invoice_id: invoice.id_nota,
      });
      assert.equal(Buffer.from(pdf.base_64, 'base64').subarray(0, 5).toString(), '%PDF-');
    }
    const company = await run('list_invoices', { customer_document_number: f().company });
    assert.deepEqual(
      company.map((i: { modelo: string; valor: string }) => [i.modelo, i.valor]),
      [['NFS-e', '249.90']],
    );
    const rendered = warnings.length;
    const pdf = await run('get_invoice_pdf', {
      customer_document_number: f().company,
      invoice_id: company[0].id_nota,
    });
    assert.equal(Buffer.from(pdf.base_64, 'base64').subarray(0, 5).toString(), '%PDF-');
    assert.equal(warnings.length, rendered, 'SGP served the PDF itself');
    await rejectsWith(
      run('get_invoice_pdf', { customer_document_number: f().paidOnly, invoice_id: company[0].id_nota }),
      'INVOICE_NOT_FOUND',
    );
  });

  test('create_order in crm mode without pop_id is NOT_SUPPORTED naming it; with it, the contract id', async () => {
    const order = {
      id: 'o-1',
      customer: {
        name: 'Nova Cliente',
        document_number: '11144477735',
        person_type: 'F',
        phone: '42998887766',
      },
      address: {
        zip_code: '84300000',
        street: 'RUA A',
        number: '10',
        neighborhood: 'CENTRO',
        city: 'TIBAGI',
        state: 'PR',
      },
      items: [{ product_code: '11', quantity: 1 }],
      due_date_code: '2',
    };
    const bare = connect({ order_mode: 'crm', pop_id: undefined });
    await rejectsWith(run('create_order', { order, message: '' }, bare), 'NOT_SUPPORTED', /pop_id/);
    await bare.client.close();
    const crm = connect({ order_mode: 'crm' });
    const answer = await run('create_order', { order: { ...order, id: 'o-2' }, message: 'via app' }, crm);
    assert.match(answer.remote_id, /^\d+$/);
    assert.ok(sim.state.data.crmContracts.some((k) => String(k.id) === answer.remote_id));
    await crm.client.close();
    await rejectsWith(
      run('create_order', { order: { ...order, due_date_code: '99' }, message: '' }),
      'INVALID_INPUT',
    );
  });
});
