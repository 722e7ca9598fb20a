import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PonteError } from '../../../contract/index.js';
import type { ErrorCode } from '../../../contract/index.js';
import type { TenantOptionsInput } from '../../tenant-options.js';
import { fixture } from '../fixtures.js';
import { noonOf, openTestSandbox } from '../sandbox.test-helper.js';
import type { TestSandbox } from '../sandbox.test-helper.js';

const DAY = '2026-11-16';
const NEW_DOCUMENT = '529.982.247-25';

function rejectsWith(code: ErrorCode) {
  return (error: unknown) => {
    assert.ok(error instanceof PonteError, String(error));
    assert.equal(error.code, code);
    return true;
  };
}

function order(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    customer: {
      name: 'Joana Prado',
      document_number: NEW_DOCUMENT,
      phone: '(19) 98765-4321',
      email: 'joana@example.com',
    },
    address: {
      zip_code: '13010-111',
      street: 'Rua Barão de Jaguara',
      number: '1000',
      neighborhood: 'Centro',
      city: 'Campinas',
      state: 'sp',
    },
    items: [{ product_code: '13', price: '119.90' }],
    due_date_code: '2',
    reseller_code: '3',
    commercial_origin_code: '2',
    payment_method: 'boleto',
    ...overrides,
  };
}

async function withSandbox(
  options: TenantOptionsInput,
  run: (sb: TestSandbox) => Promise<void>,
): Promise<void> {
  const sb = await openTestSandbox({ customers: 0 }, options, noonOf(DAY));
  try {
    await run(sb);
  } finally {
    await sb.close();
  }
}

describe('sales functions', () => {
  let sb: TestSandbox;
  before(async () => {
    sb = await openTestSandbox({ customers: 0 }, {}, noonOf(DAY));
  });
  after(() => sb.close());

  test('catalogue lists', async () => {
    const products = await sb.call('list_products', {});
    assert.ok(products.length >= 6);
    assert.deepEqual(
      products.find((p) => p.codigo === '13'),
      { codigo: '13', nome: 'Fibra 500 Mega', valor: '119.90' },
    );
    assert.deepEqual(
      (await sb.call('list_due_dates', {})).map((d) => d.name),
      ['5', '10', '15', '20', '25'],
    );
    const resellers = await sb.call('list_resellers', {});
    assert.ok(resellers.length >= 3 && resellers.every((r) => r.taxvat !== '' && r.email.includes('@')));
    assert.ok((await sb.call('list_commercial_origins', {})).some((o) => o.description === 'Google'));
  });

  test("list_commercial_origins answers the tenant's own list when it has one", async () => {
    const origins = [{ code: 'IG', description: 'Instagram da loja' }];
    await withSandbox({ commercial_origins: origins }, async (own) => {
      assert.deepEqual(await own.call('list_commercial_origins', {}), origins);
      await assert.rejects(
        own.call('create_order', { order: order('o-own'), message: '' }),
        rejectsWith('ERP_REJECTED'),
      );
      const ok = await own.call('create_order', {
        order: order('o-own-2', { commercial_origin_code: 'IG' }),
        message: '',
      });
      assert.equal(ok.is_issue, false);
    });
  });

  test('create_order records a prospect once per order id and echoes the order', async () => {
    const body = { order: order('order-1'), message: 'Pedido feito pelo site' };
    const first = await sb.call('create_order', body);
    assert.equal(first.is_issue, false);
    assert.match(first.remote_id, /^\d+$/);
    assert.match(
      first.remote_message ?? '',
      /Pré-contrato \d+ cadastrado para Joana Prado: Fibra 500 Mega, vencimento todo dia 10/,
    );
    assert.equal(first.wda_order.customer.document_number, '52998224725');
    assert.equal(first.wda_order.customer.phone, '19987654321');
    assert.equal(first.wda_order.address.state, 'SP');
    assert.deepEqual(first.wda_order.items, [{ product_code: '13', price: '119.90', quantity: 1 }]);
    assert.deepEqual(await sb.call('create_order', body), first);
    const second = await sb.call('create_order', { ...body, order: order('order-2') });
    assert.notEqual(second.remote_id, first.remote_id);
  });

  test('create_order refuses codes the ERP does not have, naming each field', async () => {
    const bad = order('order-bad', {
      items: [{ product_code: '999' }],
      due_date_code: '9',
      reseller_code: '77',
    });
    await assert.rejects(sb.call('create_order', { order: bad, message: '' }), (error: unknown) => {
      assert.ok(error instanceof PonteError && error.code === 'ERP_REJECTED');
      assert.deepEqual(
        (error.details as { path: string }[]).map((d) => d.path),
        ['order.items.0.product_code', 'order.due_date_code', 'order.reseller_code'],
      );
      return true;
    });
  });

  test('create_order for someone who already is a customer opens a ticket, or is refused', async () => {
    const existing = order('order-existing', {
      customer: { name: 'Thiago', document_number: fixture('paid-up').document_number, phone: '11991234504' },
    });
    const out = await sb.call('create_order', { order: existing, message: 'Quer mais um ponto' });
    assert.equal(out.is_issue, true);
    assert.match(out.remote_message ?? '', /Cliente já cadastrado/);
    const ticket = sb.conn.db
      .prepare<[number], { customer_id: number; message: string }>('SELECT * FROM tickets WHERE id = ?')
      .get(Number(out.remote_id));
    assert.equal(ticket?.customer_id, fixture('paid-up').id);
    assert.match(ticket?.message ?? '', /Quer mais um ponto/);

    await withSandbox({ order_fallback_to_ticket: false }, async (strict) => {
      await assert.rejects(
        strict.call('create_order', { order: existing, message: '' }),
        rejectsWith('ERP_REJECTED'),
      );
    });
  });

  test('create_order_existing_customer: a ticket by default, idempotent on the order id', async () => {
    const body = {
      order: order('order-ec-1'),
      message: 'Upgrade de plano',
      ...{ customer_document_number: fixture('paid-up').document_number },
      wda_user: { id: 'u-9', name: 'Atendente Ana' },
    };
    const first = await sb.call('create_order_existing_customer', body);
    assert.deepEqual(await sb.call('create_order_existing_customer', body), first);
    const ticket = sb.conn.db
      .prepare<[number], { subject: string; message: string }>('SELECT * FROM tickets WHERE id = ?')
      .get(Number(first.remote_id));
    assert.equal(ticket?.subject, 'Pedido de novo serviço');
    assert.match(ticket?.message ?? '', /Atendente Ana/);
    await assert.rejects(
      sb.call('create_order_existing_customer', {
        ...body,
        order: order('order-ec-2'),
        customer_document_number: '111.444.777-35',
      }),
      rejectsWith('CUSTOMER_NOT_FOUND'),
    );
  });

  test('create_order_existing_customer in contract mode creates a pending contract', async () => {
    await withSandbox({ existing_customer_order_mode: 'contract' }, async (own) => {
      const who = { customer_document_number: fixture('paid-up').document_number };
      const out = await own.call('create_order_existing_customer', {
        order: order('order-contract'),
        message: '',
        ...who,
        wda_user: { id: 'u-1' },
      });
      const plans = await own.call('list_plans', who);
      const created = plans.find((p) => p.contract_id === out.remote_id);
      assert.deepEqual(created && [created.status, created.plan_code, created.value], [
        'pending',
        '13',
        '119.90',
      ]);
    });
  });

  test('create_order_existing_customer in lead mode records a lead', async () => {
    await withSandbox({ existing_customer_order_mode: 'lead' }, async (own) => {
      const out = await own.call('create_order_existing_customer', {
        order: order('order-lead'),
        message: '',
        customer_document_number: fixture('paid-up').document_number,
        wda_user: { id: 'u-1' },
      });
      const lead = own.conn.db
        .prepare<[number], { name: string }>('SELECT name FROM leads WHERE id = ?')
        .get(Number(out.remote_id));
      assert.equal(lead?.name, fixture('paid-up').name);
    });
  });

  test('create_lead is idempotent on lead.id', async () => {
    const body = { lead: { id: 'lead-1', name: 'Marcos', phone: '11 98888-7777', product_code: '12' } };
    const first = await sb.call('create_lead', body);
    assert.match(first.remote_id ?? '', /^\d+$/);
    assert.deepEqual(await sb.call('create_lead', body), first);
    const other = await sb.call('create_lead', { lead: { ...body.lead, id: 'lead-2' } });
    assert.notEqual(other.remote_id, first.remote_id);
  });
});
