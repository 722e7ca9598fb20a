import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays } from '../../brasil/dates.js';
import { parseDocument } from '../../brasil/document.js';
import { PonteError } from '../../contract/index.js';
import { fixture, fixtureCustomers, testCustomers } from './fixtures.js';
import { noonOf, openTestSandbox } from './sandbox.test-helper.js';
import type { TestSandbox } from './sandbox.test-helper.js';

const doc = (key: string) => ({ customer_document_number: fixture(key).document_number });

test('the fixed test customers have valid, distinct documents and documented scenarios', () => {
  assert.ok(testCustomers.length >= 11);
  assert.equal(new Set(testCustomers.map((c) => c.document_number)).size, testCustomers.length);
  for (const c of testCustomers) {
    const parsed = parseDocument(c.document_number);
    assert.ok(parsed.ok && parsed.value === c.document_number, c.document_number);
    assert.ok(c.scenario.length > 20 && c.name.length > 0);
  }
  assert.ok(
    testCustomers.some((c) => /[A-Z]/.test(c.document_number)),
    'an alphanumeric CNPJ',
  );
  const ids = fixtureCustomers.flatMap((c) => [...c.bills.map((b) => b.id), ...c.contracts.map((k) => k.id)]);
  assert.equal(new Set(ids).size, ids.length);
});

// A Saturday, Carnival Tuesday, Christmas and an ordinary Monday: the scenarios hold on any day.
for (const day of ['2026-11-28', '2027-02-09', '2026-12-25', '2026-11-16']) {
  describe(`fixed test customers on ${day}`, () => {
    let sb: TestSandbox;
    before(async () => {
      sb = await openTestSandbox({ customers: 0 }, {}, noonOf(day));
    });
    after(() => sb.close());

    test('no-bills: no open bills, no invoices, a pending contract', async () => {
      assert.deepEqual(await sb.call('list_bills', doc('no-bills')), []);
      assert.deepEqual(await sb.call('list_invoices', doc('no-bills')), []);
      const plans = await sb.call('list_plans', doc('no-bills'));
      assert.deepEqual(
        plans.map((p) => p.status),
        ['pending'],
      );
    });

    test('overdue-bills: three overdue bills, oldest first, with charges', async () => {
      const bills = await sb.call('list_bills', doc('overdue-bills'));
      assert.deepEqual(
        bills.map((b) => b.fatura),
        ['202', '203', '204'],
      );
      assert.deepEqual(
        bills.map((b) => b.vencimento),
        [addDays(day, -68), addDays(day, -38), addDays(day, -8)],
      );
      for (const b of bills) {
        assert.equal(b.status, 'open');
        assert.equal(b.multa, '2.00');
        assert.ok(Number(b.juros) > 0 && Number(b.valor_final) > Number(b.valor_inicial));
      }
      assert.ok(Number(bills[0]!.juros) > Number(bills[2]!.juros), 'older bills owe more interest');
    });

    test('due-today: the bill due today has no charges', async () => {
      const bills = await sb.call('list_bills', doc('due-today'));
      assert.equal(bills.length, 1);
      assert.deepEqual(
        [bills[0]!.vencimento, bills[0]!.valor_final, bills[0]!.juros],
        [day, '79.90', '0.00'],
      );
    });

    test('paid-up: only a future bill is open; the paid ones are returned by get_bill with status', async () => {
      const bills = await sb.call('list_bills', doc('paid-up'));
      assert.deepEqual(
        bills.map((b) => [b.fatura, b.vencimento]),
        [['210', addDays(day, 10)]],
      );
      const [paid] = await sb.call('get_bill', { customer_bill_id: '209', ...doc('paid-up') });
      assert.equal(paid?.status, 'paid');
      assert.equal(paid?.pix_code, '');
    });

    test('trust-unlockable: the unlock succeeds once, then is refused', async () => {
      const [blocked] = await sb.call('list_blocked_plans', doc('trust-unlockable'));
      assert.equal(blocked?.trust_unlock_available, true);
      const first = await sb.call('trust_unlock', doc('trust-unlockable'));
      assert.equal(first.success, true);
      assert.equal(first.unlocked_until, addDays(day, 3));
      assert.match(first.protocol, /^\d{14}$/);
      assert.deepEqual(await sb.call('list_blocked_plans', doc('trust-unlockable')), []);
      const again = await sb.call('trust_unlock', { ...doc('trust-unlockable'), contract_id: '105' });
      assert.equal(again.success, false);
      assert.match(again.message, /já está desbloqueado/);
    });

    test('trust-unlock-used: refused, with the date of the last use', async () => {
      const out = await sb.call('trust_unlock', doc('trust-unlock-used'));
      assert.equal(out.success, false);
      assert.deepEqual([out.unlocked_until, out.protocol], ['', '']);
      assert.match(out.message, /já utilizado/);
      const [plan] = await sb.call('list_plans', doc('trust-unlock-used'));
      assert.deepEqual([plan?.status, plan?.trust_unlock_available], ['blocked', false]);
    });

    test('cancelled-contract: inactive customer, cancelled plan, cancelled invoice, trust unlock refused', async () => {
      assert.equal((await sb.call('get_customer', doc('cancelled-contract'))).ativo, false);
      const [plan] = await sb.call('list_plans', doc('cancelled-contract'));
      assert.equal(plan?.status, 'cancelled');
      const invoices = await sb.call('list_invoices', doc('cancelled-contract'));
      assert.deepEqual(
        invoices.map((i) => [i.id_nota, i.status]),
        [
          ['217', 'cancelled'],
          ['216', 'authorized'],
          ['215', 'authorized'],
        ],
      );
      const refused = await sb.call('trust_unlock', { ...doc('cancelled-contract'), contract_id: '107' });
      assert.equal(refused.success, false);
    });

    test('alphanumeric-cnpj: found by the masked document too', async () => {
      const customer = await sb.call('get_customer', { customer_document_number: '5K.Q7X.R2B/0001-09' });
      assert.equal(customer.nome_completo, 'Padaria Estrela Nova Ltda');
      const bills = await sb.call('list_bills', { customer_document_number: '5kq7xr2b000109' });
      assert.equal(bills[0]?.document_number, '5KQ7XR2B000109');
    });

    test('internal-notes: the pending notes, oldest first', async () => {
      const notes = await sb.call('get_internal_pending', doc('internal-notes'));
      assert.equal(notes.length, 2);
      assert.match(notes[0]!, /parcelamento/);
      assert.match(notes[1]!, /ONU/);
      assert.deepEqual(await sb.call('get_internal_pending', doc('paid-up')), []);
    });

    test('two-blocked-contracts: trust_unlock without contract_id names it', async () => {
      await assert.rejects(sb.call('trust_unlock', doc('two-blocked-contracts')), (e: unknown) => {
        assert.ok(e instanceof PonteError);
        assert.equal(e.code, 'INVALID_INPUT');
        assert.deepEqual(
          (e.details as { path: string }[]).map((d) => d.path),
          ['contract_id'],
        );
        return true;
      });
      const out = await sb.call('trust_unlock', { ...doc('two-blocked-contracts'), contract_id: '111' });
      assert.equal(out.success, true);
    });

    test('payment-rejected: settling the cancelled bill is rejected', async () => {
      const out = await sb.call('settle_bill', {
        ...doc('payment-rejected'),
        boleto_id: '223',
        transaction: { id: `rej-${day}`, amount: '99.90', paid_at: `${day}T10:00:00-03:00`, method: 'pix' },
      });
      assert.deepEqual([out.success, out.status], [false, 'rejected']);
      assert.match(out.api_response, /cancelada/);
      const [cancelled] = await sb.call('get_bill', { customer_bill_id: '223', ...doc('payment-rejected') });
      assert.equal(cancelled?.status, 'cancelled');
    });

    test('every-plan-status: one plan per status; the manual block is not trust-unlockable', async () => {
      const plans = await sb.call('list_plans', doc('every-plan-status'));
      assert.deepEqual(
        plans.map((p) => p.status),
        ['active', 'blocked', 'suspended', 'pending', 'cancelled', 'inactive'],
      );
      assert.equal(plans[1]!.block_reason, 'manual');
      const out = await sb.call('trust_unlock', doc('every-plan-status'));
      assert.equal(out.success, false);
      assert.match(out.message, /manual/);
    });

    test('duplicate-contacts: each contact once', async () => {
      assert.deepEqual(await sb.call('get_customer_contacts', doc('duplicate-contacts')), [
        { type: 'email', value: 'carla.mendes@gmail.com' },
        { type: 'phone', value: '11987654321' },
        { type: 'phone', value: '1133224455' },
        { type: 'email', value: 'carla@mendesdesign.com.br' },
      ]);
    });

    test('punctuality-discount: discount before the due date, fine and interest after', async () => {
      const [late, onTime] = await sb.call('list_bills', doc('punctuality-discount'));
      assert.deepEqual([late?.fatura, late?.desconto, late?.multa], ['230', '0.00', '4.00']);
      assert.deepEqual([onTime?.fatura, onTime?.desconto, onTime?.valor_final], ['229', '20.00', '179.90']);
    });
  });
}

describe('re-anchoring', () => {
  test('the fixed customers move with the day, and what a test changed is undone the next day', async () => {
    const day = '2026-11-28';
    const sb = await openTestSandbox({ customers: 0 }, {}, noonOf(day));
    try {
      const settled = await sb.call('settle_bill', {
        ...doc('due-today'),
        boleto_id: '207',
        transaction: { id: 'anchor-1', amount: '79.90', paid_at: `${day}T09:00:00-03:00` },
      });
      assert.equal(settled.status, 'settled');
      assert.deepEqual(await sb.call('list_bills', doc('due-today')), []);
      const next = noonOf(addDays(day, 1));
      const bills = await sb.call('list_bills', doc('due-today'), next);
      assert.deepEqual(
        bills.map((b) => b.vencimento),
        [addDays(day, 1)],
      );
    } finally {
      await sb.close();
    }
  });
});
