import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../../../brasil/dates.js';
import { PonteError } from '../../../contract/index.js';
import type { ErrorCode } from '../../../contract/index.js';
import { fixture } from '../fixtures.js';
import { noonOf, openTestSandbox } from '../sandbox.test-helper.js';
import type { TestSandbox } from '../sandbox.test-helper.js';

const DAY = '2026-11-16'; // a Monday
const doc = (key: string) => ({ customer_document_number: fixture(key).document_number });
const UNKNOWN = { customer_document_number: '111.444.777-35' };

function rejectsWith(code: ErrorCode) {
  return (error: unknown) => {
    assert.ok(error instanceof PonteError, String(error));
    assert.equal(error.code, code);
    return true;
  };
}

function pay(id: string, amount: string, paidAt = `${DAY}T10:00:00-03:00`) {
  return { id, amount, paid_at: paidAt, method: 'pix' };
}

describe('billing functions', () => {
  let sb: TestSandbox;
  before(async () => {
    sb = await openTestSandbox({ customers: 100 }, {}, noonOf(DAY));
  });
  after(() => sb.close());

  test('an unknown document is CUSTOMER_NOT_FOUND, list_bills included', async () => {
    await assert.rejects(sb.call('list_bills', UNKNOWN), rejectsWith('CUSTOMER_NOT_FOUND'));
    await assert.rejects(
      sb.call('get_bill', { ...UNKNOWN, customer_bill_id: '204' }),
      rejectsWith('CUSTOMER_NOT_FOUND'),
    );
  });

  test("get_bill never shows another customer's bill, nor ids that do not exist", async () => {
    assert.deepEqual(await sb.call('get_bill', { ...doc('due-today'), customer_bill_id: '204' }), []);
    assert.deepEqual(await sb.call('get_bill', { ...doc('due-today'), customer_bill_id: '99999999' }), []);
    assert.deepEqual(await sb.call('get_bill', { ...doc('due-today'), customer_bill_id: 'abc' }), []);
    const [own] = await sb.call('get_bill', { ...doc('overdue-bills'), customer_bill_id: 204 });
    assert.equal(own?.fatura, '204');
  });

  test('get_boleto_pdf renders a PDF; ownership is checked when a document is given', async () => {
    const { base_64 } = await sb.call('get_boleto_pdf', { boleto_id: '204' });
    assert.equal(Buffer.from(base_64, 'base64').subarray(0, 5).toString(), '%PDF-');
    await sb.call('get_boleto_pdf', { boleto_id: '204', ...doc('overdue-bills') });
    await assert.rejects(
      sb.call('get_boleto_pdf', { boleto_id: '204', ...doc('due-today') }),
      rejectsWith('BILL_NOT_FOUND'),
    );
    await assert.rejects(sb.call('get_boleto_pdf', { boleto_id: '77777777' }), rejectsWith('BILL_NOT_FOUND'));
    await assert.rejects(
      sb.call('get_boleto_pdf', { boleto_id: '223' }),
      rejectsWith('BILL_NOT_FOUND'),
      'cancelled',
    );
    await assert.rejects(
      sb.call('get_boleto_pdf', { boleto_id: '204', ...UNKNOWN }),
      rejectsWith('CUSTOMER_NOT_FOUND'),
    );
  });

  test('get_boleto_pdf requires the document when the tenant says so', async () => {
    const strict = await openTestSandbox(
      { customers: 0 },
      { require_document_for_boleto_pdf: true },
      noonOf(DAY),
    );
    try {
      await assert.rejects(strict.call('get_boleto_pdf', { boleto_id: '204' }), rejectsWith('INVALID_INPUT'));
      await strict.call('get_boleto_pdf', { boleto_id: '204', ...doc('overdue-bills') });
    } finally {
      await strict.close();
    }
  });

  test('settle_bill: settled, then the same id answers the same, and another id is already_settled', async () => {
    const body = { ...doc('paid-up'), boleto_id: '210', transaction: pay('tx-210', '149.90') };
    const first = await sb.call('settle_bill', body);
    assert.deepEqual([first.success, first.status], [true, 'settled']);
    assert.match(first.settlement_id ?? '', /^\d+$/);
    assert.equal(JSON.parse(first.api_response).id_baixa, first.settlement_id);
    assert.deepEqual(await sb.call('settle_bill', body), first);
    const [bill] = await sb.call('get_bill', { ...doc('paid-up'), customer_bill_id: '210' });
    assert.equal(bill?.status, 'paid');
    assert.deepEqual(await sb.call('list_bills', doc('paid-up')), []);

    const other = await sb.call('settle_bill', { ...body, transaction: pay('tx-210-b', '149.90') });
    assert.deepEqual(
      [other.success, other.status, other.settlement_id],
      [false, 'already_settled', undefined],
    );
    assert.match(JSON.parse(other.api_response).message, /já está baixada/);
  });

  test('settle_bill: the same transaction id for another bill or amount is a conflict', async () => {
    const body = { ...doc('internal-notes'), boleto_id: '220', transaction: pay('tx-220', '99.90') };
    assert.equal((await sb.call('settle_bill', body)).status, 'settled');
    await assert.rejects(
      sb.call('settle_bill', { ...body, transaction: pay('tx-220', '100.00') }),
      rejectsWith('IDEMPOTENCY_CONFLICT'),
    );
    await assert.rejects(
      sb.call('settle_bill', { ...doc('paid-up'), boleto_id: '209', transaction: pay('tx-220', '99.90') }),
      rejectsWith('IDEMPOTENCY_CONFLICT'),
    );
  });

  test("settle_bill: another customer's bill is BILL_NOT_FOUND and settles nothing", async () => {
    await assert.rejects(
      sb.call('settle_bill', { ...doc('due-today'), boleto_id: '204', transaction: pay('tx-x', '500.00') }),
      rejectsWith('BILL_NOT_FOUND'),
    );
    const bills = await sb.call('list_bills', doc('overdue-bills'));
    assert.ok(bills.some((b) => b.fatura === '204'));
  });

  test('settle_bill: less than the amount due on the payment day is rejected; the due amount settles', async () => {
    const [late] = (await sb.call('list_bills', doc('overdue-bills'))).filter((b) => b.fatura === '204');
    assert.ok(late);
    const short = await sb.call('settle_bill', {
      ...doc('overdue-bills'),
      boleto_id: '204',
      transaction: pay('tx-204-short', late.valor_inicial),
    });
    assert.deepEqual([short.success, short.status], [false, 'rejected']);
    assert.match(JSON.parse(short.api_response).message, /menor que o valor devido/);
    // Paid on its due date, the original amount was enough.
    const onTime = await sb.call('settle_bill', {
      ...doc('overdue-bills'),
      boleto_id: '204',
      transaction: pay('tx-204', late.valor_inicial, `${addDays(DAY, -8)}T18:00:00-03:00`),
    });
    assert.equal(onTime.status, 'settled');
  });

  test('paying every overdue bill of a contract blocked for debt releases it', async () => {
    for (const b of await sb.call('list_bills', doc('overdue-bills'))) {
      const out = await sb.call('settle_bill', {
        ...doc('overdue-bills'),
        boleto_id: b.fatura,
        transaction: pay(`tx-all-${b.fatura}`, b.valor_final),
      });
      assert.equal(out.status, 'settled');
    }
    const [plan] = await sb.call('list_plans', doc('overdue-bills'));
    assert.deepEqual([plan?.status, plan?.blocked], ['active', false]);
  });

  test('list_bills values bills with the tenant late-fee rule', async () => {
    const lenient = await openTestSandbox(
      { customers: 0 },
      { late_fees: { fine_basis_points: 0, monthly_interest_basis_points: 0 } },
      noonOf(DAY),
    );
    try {
      for (const b of await lenient.call('list_bills', doc('overdue-bills'))) {
        assert.deepEqual([b.multa, b.juros, b.valor_final], ['0.00', '0.00', b.valor_inicial]);
      }
    } finally {
      await lenient.close();
    }
  });
});
