// The Voalle functions the shared contract suite does not reach, against the simulator over real
// HTTP: the address update, unlock refusals, orders as negotiations and as tickets, the modes of
// orders of existing customers, prices from the price list, paid titles, the DANFE opt-in and the
// NOT_SUPPORTED answers that name a missing setting.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { functions as contractFunctions, PonteError } from '../../contract/index.js';
import type { FunctionInput } from '../../contract/index.js';
import { defaultTenantOptions, type TenantOptions } from '../tenant-options.js';
import type { CallContext } from '../types.js';
import { seedVoalle } from '../../../simulators/voalle/seed.js';
import {
  startVoalleSimulator,
  voalleTenantSettings,
  type VoalleSimulator,
} from '../../../simulators/voalle/server.js';
import { voalleProvider, type VoalleConnection } from './index.js';
import { voalleSettingsSchema } from './settings.js';

const F = seedVoalle().fixtures;
const call = (): CallContext => ({
  requestId: 'test',
  tenantId: 't1',
  signal: AbortSignal.timeout(20_000),
  now: new Date(),
  log: pino({ level: 'silent' }),
  warn: () => {},
});
const fn = voalleProvider.functions;
let sim: VoalleSimulator;
const open: VoalleConnection[] = [];

async function connect(
  extra: Record<string, unknown> = {},
  options: Partial<TenantOptions> = {},
): Promise<VoalleConnection> {
  const settings = voalleSettingsSchema.parse({ ...voalleTenantSettings(sim.url), ...extra });
  const conn = await voalleProvider.connect({
    tenantId: 't1',
    settings,
    options: { ...defaultTenantOptions, ...options },
    dataDir: '',
    log: pino({ level: 'silent' }),
  });
  open.push(conn);
  return conn;
}

/** The contract's example order, for this customer, parsed as the gateway would. */
function order(document: string, id: string): FunctionInput<'create_order'> {
  const example = contractFunctions.create_order.example;
  return contractFunctions.create_order.input.parse({
    ...example,
    order: {
      ...example.order,
      id,
      customer: { ...example.order.customer, document_number: document },
      items: [{ product_code: '1.2', quantity: 1 }],
      due_date_code: '10',
      commercial_origin_code: undefined,
    },
  });
}

before(async () => {
  sim = await startVoalleSimulator({ seed: { customers: 2 } });
});
after(async () => {
  await Promise.all(open.map((c) => c.client.close()));
  await sim.close();
});

describe('Voalle functions beyond the contract suite', () => {
  test('update_customer: the address is sent whole, so the untouched parts stay', async () => {
    const conn = await connect();
    const doc = { customer_document_number: F.forUpdates };
    const before = await fn.get_customer!(conn, doc, call());
    const answer = await fn.update_customer!(
      conn,
      { ...doc, changes: { address: { number: '77' }, phone: '35998765432' } },
      call(),
    );
    assert.equal(answer.success, true, answer.api_response);
    const after = await fn.get_customer!(conn, doc, call());
    assert.deepEqual(after, { ...before, numero_endereco: '77', telefone: '35998765432' });
  });

  test('trust_unlock: an administrative block is refused as data; an unknown contract is CONTRACT_NOT_FOUND', async () => {
    const conn = await connect();
    const refused = await fn.trust_unlock!(
      conn,
      { customer_document_number: F.blockedAdministrative },
      call(),
    );
    assert.equal(refused.success, false);
    assert.match(refused.message, /não está bloqueado por inadimplência/);
    await assert.rejects(
      fn.trust_unlock!(conn, { customer_document_number: F.blockedAdministrative, contract_id: '1' }, call()),
      (e: unknown) => e instanceof PonteError && e.code === 'CONTRACT_NOT_FOUND',
    );
  });

  test('create_order as a negotiation: crm/startsale with the tenant codes, remote_id the protocolId', async () => {
    const conn = await connect({ order_mode: 'negotiation' });
    const answer = await fn.create_order!(conn, order('11144477735', 'o-neg-1'), call());
    assert.equal(answer.is_issue, false);
    const sale = sim.state.sales.find((s) => String(s.protocolId) === answer.remote_id);
    assert.ok(sale, answer.remote_id);
    assert.deepEqual(
      [sale.body.crmCampaignCode, sale.body.crmPriceListCode, sale.body.contractCollectionDay],
      ['7', '31', 10],
    );
    const without = await connect({ order_mode: 'negotiation', crm_price_list_code: undefined });
    await assert.rejects(
      fn.create_order!(without, order('11144477735', 'o-neg-2'), call()),
      (e: unknown) =>
        e instanceof PonteError && e.code === 'NOT_SUPPORTED' && /crm_price_list_code/.test(e.message),
    );
  });

  test('create_order refused for a Voalle client opens a solicitation (is_issue); for a new customer it is ERP_REJECTED', async () => {
    const conn = await connect({ integrator_alias: 'not-registered' });
    const answer = await fn.create_order!(conn, order(F.withBills, 'o-fallback-1'), call());
    assert.equal(answer.is_issue, true);
    assert.ok(sim.state.solicitations.some((s) => String(s.protocol) === answer.remote_id));
    await assert.rejects(
      fn.create_order!(conn, order('11144477735', 'o-fallback-2'), call()),
      (e: unknown) =>
        e instanceof PonteError && e.code === 'ERP_REJECTED' && /Integrador inválido/.test(e.message),
    );
  });

  test('create_order_existing_customer in its three modes', async () => {
    const input = {
      ...order(F.withBills, 'o-existing-1'),
      customer_document_number: F.withBills,
    } as FunctionInput<'create_order_existing_customer'>;
    const leads = sim.state.leads.length;
    const asTicket = await fn.create_order_existing_customer!(await connect(), input, call());
    assert.ok(sim.state.solicitations.some((s) => String(s.protocol) === asTicket.remote_id));
    const asLead = await fn.create_order_existing_customer!(
      await connect({}, { existing_customer_order_mode: 'lead' }),
      input,
      call(),
    );
    assert.equal(asLead.remote_id, F.withBills);
    assert.equal(sim.state.leads.length, leads + 1);
    const asContract = await fn.create_order_existing_customer!(
      await connect({}, { existing_customer_order_mode: 'contract' }),
      input,
      call(),
    );
    assert.ok(
      sim.state.sales.some(
        (s) => String(s.protocolId) === asContract.remote_id && s.body.txId === F.withBills,
      ),
    );
  });

  test('list_products: services with prices from the price list; products_from price_list lists the list itself', async () => {
    const services = await fn.list_products!(await connect(), {}, call());
    assert.deepEqual(services[0], { codigo: '1.1', nome: 'FIBRA 300 MEGA', valor: '99.90' });
    assert.equal(services.length, 3, 'contract_type 1 only');
    const list = await fn.list_products!(await connect({ products_from: 'price_list' }), {}, call());
    assert.equal(list.length, 4);
    assert.deepEqual(await fn.list_due_dates!(await connect({ contract_type: '2' }), {}, call()), [
      { code: '10', name: '10' },
      { code: '20', name: '20' },
    ]);
  });

  test('get_bill of a paid title answers it with status paid', async () => {
    const conn = await connect();
    const paid = sim.state.data.titles.find(
      (t) =>
        t.status === 'paid' &&
        t.clientId === sim.state.data.people.find((p) => p.txId === F.withoutBills)!.id,
    )!;
    const [bill] = await fn.get_bill!(
      conn,
      { customer_document_number: F.withoutBills, customer_bill_id: String(paid.id) },
      call(),
    );
    assert.equal(bill?.status, 'paid');
  });

  test('get_invoice_pdf: NOT_SUPPORTED naming the opt-in; with it, the DANFE; an unknown id is INVOICE_NOT_FOUND', async () => {
    const input = {
      customer_document_number: F.withBills,
      invoice_id: String(sim.state.data.documents[0]!.documentId),
    };
    await assert.rejects(
      fn.get_invoice_pdf!(await connect(), input, call()),
      (e: unknown) =>
        e instanceof PonteError &&
        e.code === 'NOT_SUPPORTED' &&
        /invoice_pdf_without_ownership_check/.test(e.message),
    );
    const conn = await connect({ invoice_pdf_without_ownership_check: true });
    const pdf = await fn.get_invoice_pdf!(conn, input, call());
    assert.equal(Buffer.from(pdf.base_64, 'base64').subarray(0, 5).toString('latin1'), '%PDF-');
    await assert.rejects(
      fn.get_invoice_pdf!(conn, { ...input, invoice_id: '999999' }, call()),
      (e: unknown) => e instanceof PonteError && e.code === 'INVOICE_NOT_FOUND',
    );
  });

  test('get_boleto_pdf falls back to GetBilletLink and downloads the signed link (no token sent)', async () => {
    const v = await startVoalleSimulator({ variants: ['billet-link-only'] });
    const settings = voalleSettingsSchema.parse(voalleTenantSettings(v.url));
    const conn = await voalleProvider.connect({
      tenantId: 't1',
      settings,
      options: defaultTenantOptions,
      dataDir: '',
      log: pino({ level: 'silent' }),
    });
    try {
      const [bill] = await fn.list_bills!(conn, { customer_document_number: F.withBills }, call());
      const pdf = await fn.get_boleto_pdf!(
        conn,
        { boleto_id: bill!.remote_id, customer_document_number: F.withBills },
        call(),
      );
      assert.equal(Buffer.from(pdf.base_64, 'base64').subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok(
        (v.state.counters.byRoute.get(
          'GET /financial_receivable_titles/check_bank/' +
            v.state.data.titles.find((t) => String(t.id) === bill!.remote_id)!.hash,
        ) ?? 0) === 1,
      );
      await assert.rejects(
        fn.get_boleto_pdf!(
          conn,
          { boleto_id: bill!.remote_id, customer_document_number: F.otherWithBills },
          call(),
        ),
        (e: unknown) => e instanceof PonteError && e.code === 'BILL_NOT_FOUND',
      );
    } finally {
      await conn.client.close();
      await v.close();
    }
  });

  test('settle_bill without payment codes is NOT_SUPPORTED naming the setting', async () => {
    const conn = await connect({ bank_account_code: undefined });
    const [bill] = await fn.list_bills!(conn, { customer_document_number: F.otherWithBills }, call());
    const input = contractFunctions.settle_bill.input.parse({
      customer_document_number: F.otherWithBills,
      boleto_id: bill!.remote_id,
      transaction: {
        id: 'no-account',
        method: 'pix',
        amount: bill!.valor_final,
        paid_at: new Date().toISOString(),
      },
    });
    await assert.rejects(
      fn.settle_bill!(conn, input, call()),
      (e: unknown) =>
        e instanceof PonteError && e.code === 'NOT_SUPPORTED' && /bank_account_code/.test(e.message),
    );
  });
});
