// The fatura mapper: valuation for today, boleto ids, late-fee rules, and Hubsoft's money and date forms.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { billSchema } from '../../../contract/index.js';
import { cents, isoDate } from '../../kit/edge.js';
import { billRef, lateFeeRule, parseBillRef, toBill } from './bills.js';
import { fatura } from './samples.js';

const fallback = { fineBasisPoints: 200, monthlyInterestBasisPoints: 100 };
const interestFrom = 'due_date' as const;

describe('values as Hubsoft sends them', () => {
  test("dates in Hubsoft's four forms", () => {
    assert.equal(isoDate('2017-09-25'), '2017-09-25');
    assert.equal(isoDate('2017-09-14 17:08:32'), '2017-09-14');
    assert.equal(isoDate('10/10/2017'), '2017-10-10');
    assert.equal(isoDate('26/09/2017 13:20'), '2017-09-26');
    assert.equal(isoDate('31/02/2017'), null);
    assert.equal(isoDate(null), null);
  });

  test('money as numbers and as strings gives the same cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        assert.equal(cents(n / 100), n);
        assert.equal(cents(String(n / 100)), n);
      }),
      { numRuns: 2000 },
    );
    assert.equal(cents('5'), 500);
    assert.equal(cents(''), null);
    assert.equal(cents(null), null);
  });
});

describe('bills', () => {
  test('an open fatura before its due date: no fees, digits-only line, remote id with the service', () => {
    const bill = toBill(fatura, { today: '2017-09-20', fallback, interestFrom });
    assert.ok(billSchema.safeParse(bill).success);
    assert.equal(bill.valor_final, '28.27');
    assert.equal(bill.linha_digitavel, '75691316620100672610127182400013872930000002827');
    assert.equal(bill.remote_id, '24979-s12066');
    assert.equal(bill.historico, 'Serviço de Comunicação e Multimídia; Serviço de Valor Adicionado');
    assert.equal(bill.emissao, '2017-09-14');
    assert.equal(bill.status, 'open');
  });

  test("overdue: the forma de cobrança's rates, fine once, interest pro rata die", () => {
    // Due Monday 2017-09-25, paid 30 days later: 2 % fine, 1 % interest.
    const bill = toBill(fatura, {
      today: '2017-10-25',
      fallback: { fineBasisPoints: 0, monthlyInterestBasisPoints: 0 },
      interestFrom,
    });
    assert.equal(bill.multa, '0.57');
    assert.equal(bill.juros, '0.28');
    assert.equal(bill.valor_final, '29.12');
    assert.ok(billSchema.safeParse(bill).success);
  });

  test('amounts always add up, whatever the day and the rates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: -30, max: 400 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (cents, daysLate, fine, interest) => {
          const today = new Date(Date.UTC(2025, 0, 15 + daysLate)).toISOString().slice(0, 10);
          const bill = toBill(
            {
              ...fatura,
              data_vencimento: '2025-01-15',
              valor: String(cents / 100),
              forma_cobranca: {
                juros: interest / 100,
                multa: fine / 100,
                tipo_juros: 'percentual_mensal',
                tipo_multa: 'percentual',
              },
            },
            { today, fallback, interestFrom },
          );
          assert.ok(billSchema.safeParse(bill).success, JSON.stringify(bill));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('a paid fatura shows what was paid', () => {
    const paid = toBill(
      { ...fatura, data_pagamento: '2018-06-26', valor: '199.9', valor_pago: '240.41' },
      { today: '2025-01-01', fallback, interestFrom },
    );
    assert.equal(paid.status, 'paid');
    assert.equal(paid.juros, '40.51');
    assert.equal(paid.valor_final, '240.41');
    const less = toBill(
      { ...fatura, data_pagamento: '2020-04-05', valor: '119.9', valor_pago: '109.9' },
      { today: '2025-01-01', fallback, interestFrom },
    );
    assert.equal(less.desconto, '10.00');
    assert.ok(billSchema.safeParse(less).success);
  });

  test('late-fee rules: daily interest is 30 times the monthly; unknown kinds fall back', () => {
    assert.deepEqual(
      lateFeeRule(
        { juros: 0.033, multa: 2, tipo_juros: 'percentual_diario', tipo_multa: 'percentual' },
        fallback,
      ),
      {
        fineBasisPoints: 200,
        monthlyInterestBasisPoints: 99,
      },
    );
    assert.deepEqual(
      lateFeeRule(
        { juros: 5, multa: 10, tipo_juros: 'valor', tipo_multa: 'valor' },
        { fineBasisPoints: 7, monthlyInterestBasisPoints: 9 },
      ),
      {
        fineBasisPoints: 7,
        monthlyInterestBasisPoints: 9,
      },
    );
    assert.deepEqual(lateFeeRule(null, fallback), fallback);
  });

  test('boleto ids round-trip', () => {
    assert.deepEqual(parseBillRef(billRef(fatura)), {
      billId: '24979',
      scope: { busca: 'id_cliente_servico', termo: '12066' },
    });
    assert.deepEqual(parseBillRef(billRef({ ...fatura, id_cliente_servico: null })), {
      billId: '24979',
      scope: { busca: 'id_cliente', termo: '11533' },
    });
    assert.deepEqual(parseBillRef('24979'), { billId: '24979', scope: null });
    assert.equal(parseBillRef('24979-x1'), null);
    assert.equal(parseBillRef('../etc'), null);
  });
});
