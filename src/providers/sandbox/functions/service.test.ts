import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../../../brasil/dates.js';
import { PonteError } from '../../../contract/index.js';
import type { ErrorCode } from '../../../contract/index.js';
import { fixture } from '../fixtures.js';
import { noonOf, openTestSandbox } from '../sandbox.test-helper.js';
import type { TestSandbox } from '../sandbox.test-helper.js';

const DAY = '2026-11-16';
const doc = (key: string) => ({ customer_document_number: fixture(key).document_number });

function rejectsWith(code: ErrorCode) {
  return (error: unknown) => {
    assert.ok(error instanceof PonteError, String(error));
    assert.equal(error.code, code);
    return true;
  };
}

describe('service functions', () => {
  let sb: TestSandbox;
  before(async () => {
    sb = await openTestSandbox(
      { customers: 300, trust_unlock_days: 5, trust_unlock_period_days: 30 },
      {},
      noonOf(DAY),
    );
  });
  after(() => sb.close());

  test('trust unlock once per period, on a seeded contract blocked for debt', async () => {
    // A seeded customer with exactly one contract, blocked for debt and never released.
    const row = sb.conn.db
      .prepare<[], { document: string; id: number }>(
        "SELECT u.document, c.id FROM contracts c JOIN customers u ON u.id = c.customer_id WHERE c.status = 'blocked' " +
          "AND c.block_reason = 'financial' AND c.last_unlock_on IS NULL AND c.id >= 1000 " +
          'AND (SELECT count(*) FROM contracts k WHERE k.customer_id = u.id) = 1 LIMIT 1',
      )
      .get();
    assert.ok(row, 'the seed has such a contract');
    const who = { customer_document_number: row.document };
    const unlock = (day: string) => sb.call('trust_unlock', who, noonOf(day));

    const first = await unlock(DAY);
    assert.deepEqual([first.success, first.unlocked_until], [true, addDays(DAY, 5)]);
    const [plan] = await sb.call('list_plans', who);
    assert.deepEqual([plan?.status, plan?.blocked], ['active', false]);

    const released = await unlock(addDays(DAY, 2));
    assert.equal(released.success, false);
    assert.match(released.message, /já está desbloqueado/);

    const [again] = await sb.call('list_plans', who, noonOf(addDays(DAY, 6)));
    assert.deepEqual([again?.status, again?.trust_unlock_available], ['blocked', false]);
    const used = await unlock(addDays(DAY, 6));
    assert.equal(used.success, false);
    assert.match(used.message, /já utilizado/);
    assert.match(used.message, new RegExp(addDays(DAY, 30).split('-').reverse().join('/')));

    const nextPeriod = await unlock(addDays(DAY, 30));
    assert.deepEqual([nextPeriod.success, nextPeriod.unlocked_until], [true, addDays(DAY, 35)]);
    assert.notEqual(nextPeriod.protocol, first.protocol);
  });

  test("trust_unlock: a contract that is not the customer's is CONTRACT_NOT_FOUND; an active one is refused", async () => {
    await assert.rejects(
      sb.call('trust_unlock', { ...doc('trust-unlockable'), contract_id: '102' }),
      rejectsWith('CONTRACT_NOT_FOUND'),
    );
    const active = await sb.call('trust_unlock', { ...doc('paid-up'), contract_id: '104' });
    assert.equal(active.success, false);
    assert.match(active.message, /não está bloqueado/);
    const none = await sb.call('trust_unlock', doc('paid-up'));
    assert.deepEqual([none.success, none.message], [false, 'Nenhum contrato bloqueado para este cliente.']);
  });

  test('list_blocked_plans lists only blocked plans', async () => {
    const plans = await sb.call('list_blocked_plans', doc('every-plan-status'));
    assert.deepEqual(
      plans.map((p) => [p.contract_id, p.block_reason]),
      [['114', 'manual']],
    );
    assert.deepEqual(await sb.call('list_blocked_plans', doc('paid-up')), []);
  });

  test("create_ticket: one ticket per request_id, with a protocol; contract_id must be the customer's", async () => {
    const body = {
      ...doc('paid-up'),
      subject: 'Sem conexão',
      message: 'Sem sinal desde ontem',
      request_id: 'req-1',
    };
    const first = await sb.call('create_ticket', body);
    assert.match(first.remote_id, /^\d+$/);
    assert.equal(first.protocol, `${DAY.replace(/-/g, '')}${first.remote_id.padStart(6, '0')}`);
    assert.deepEqual(await sb.call('create_ticket', { ...body, message: 'repeated' }), first);
    const second = await sb.call('create_ticket', { ...body, request_id: 'req-2', contract_id: '104' });
    assert.notEqual(second.remote_id, first.remote_id);
    const row = sb.conn.db
      .prepare<[number], { contract_id: number; contact_phone: string }>('SELECT * FROM tickets WHERE id = ?')
      .get(Number(second.remote_id));
    assert.deepEqual(row && [row.contract_id, row.contact_phone], [104, fixture('paid-up').phone]);
    await assert.rejects(
      sb.call('create_ticket', { ...body, request_id: 'req-3', contract_id: '102' }),
      rejectsWith('CONTRACT_NOT_FOUND'),
    );
    await assert.rejects(
      sb.call('create_ticket', { ...body, ...doc('due-today') }),
      rejectsWith('IDEMPOTENCY_CONFLICT'),
    );
  });

  test("get_invoice_pdf renders the customer's nota fiscal only", async () => {
    const [invoice] = await sb.call('list_invoices', doc('paid-up'));
    assert.ok(invoice);
    const { base_64 } = await sb.call('get_invoice_pdf', { invoice_id: invoice.id_nota, ...doc('paid-up') });
    assert.equal(Buffer.from(base_64, 'base64').subarray(0, 5).toString(), '%PDF-');
    await assert.rejects(
      sb.call('get_invoice_pdf', { invoice_id: invoice.id_nota, ...doc('due-today') }),
      rejectsWith('INVOICE_NOT_FOUND'),
    );
    const cancelled = await sb.call('get_invoice_pdf', { invoice_id: '217', ...doc('cancelled-contract') });
    assert.ok(cancelled.base_64.length > 100);
  });

  test('list_invoices: newest first, one per bill', async () => {
    const invoices = await sb.call('list_invoices', doc('paid-up'));
    assert.deepEqual(
      invoices.map((i) => i.id_nota),
      ['210', '209', '208'],
    );
    assert.ok(invoices.every((i) => i.modelo === '62' && i.status === 'authorized'));
  });
});
