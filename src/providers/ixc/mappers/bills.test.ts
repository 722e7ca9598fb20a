// fn_areceber rows and get_pix answers as the contract's bills.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { billStatus, pixCodeOf, pixFeeRule, toBill } from './bills.js';
import type { BillContext } from './bills.js';
import { REAL_GET_PIX } from './fixtures/real-ixc.js';

const ctx: BillContext = {
  today: '2026-06-15',
  document: '31845720300',
  customerName: 'Maria',
  consumer: true,
  rule: { fineBasisPoints: 200, monthlyInterestBasisPoints: 99, interestFrom: 'due_date' },
  pixCode: '000201...',
};

const bill = (over: Record<string, string> = {}) => ({
  id: '145535',
  status: 'A',
  liberado: 'S',
  data_emissao: '2026-05-20',
  data_vencimento: '2026-06-10',
  valor: '99.90',
  valor_aberto: '99.90',
  obs: 'de 08/05/2026 at&eacute; 07/06/2026<br />',
  documento: '72006',
  nn_boleto: '',
  linha_digitavel: '',
  gateway_link: 'https://pay.example/x',
  ...over,
});

describe('IXC bills', () => {
  test('an overdue open bill: fine and pro rata interest on valor_aberto, the invariant holds', () => {
    // Due Wednesday 2026-06-10, paid 5 days later: 2 % fine, 0.99 % a month for 5 days.
    const b = toBill(bill(), ctx);
    assert.deepEqual([b.valor_inicial, b.multa, b.juros, b.valor_final], ['99.90', '2.00', '0.16', '102.06']);
    assert.equal(b.status, 'open');
    assert.equal(b.link_boleto, 'https://pay.example/x');
    assert.equal(b.code_fatura, '72006');
    assert.equal(b.pix_code, '000201...');
    assert.match(b.historico, /^de 08\/05\/2026/);
  });
  test('paid, cancelled and not yet due bills carry no fees; a partial payment leaves valor_aberto', () => {
    const paid = toBill(bill({ status: 'R', valor_aberto: '0.00' }), ctx);
    assert.deepEqual(
      [paid.status, paid.valor_final, paid.juros, paid.pix_code],
      ['paid', '99.90', '0.00', ''],
    );
    assert.equal(toBill(bill({ status: 'C' }), ctx).status, 'cancelled');
    const future = toBill(bill({ data_vencimento: '2026-07-10' }), ctx);
    assert.equal(future.valor_final, '99.90');
    assert.equal(
      toBill(bill({ status: 'P', valor_aberto: '40.00', data_vencimento: '2026-07-10' }), ctx).valor_final,
      '40.00',
    );
    assert.deepEqual(
      ['A', 'P', 'R', 'C'].map((status) => billStatus({ status })),
      ['open', 'open', 'paid', 'cancelled'],
    );
  });
  test('amounts always add up, whatever the bill', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: -400, max: 400 }),
        (c, offset) => {
          const due = new Date(Date.UTC(2026, 5, 15) + offset * 86_400_000).toISOString().slice(0, 10);
          const b = toBill(bill({ valor_aberto: (c / 100).toFixed(2), data_vencimento: due }), ctx);
          const n = (s: string) => Math.round(Number(s) * 100);
          assert.equal(n(b.valor_final), n(b.valor_inicial) + n(b.juros) + n(b.multa) - n(b.desconto ?? '0'));
        },
      ),
      { numRuns: 2000 },
    );
  });
  test('get_pix: the fee rule by Bacen modality and the code from either field', () => {
    const pix = (juros: object, multa: object, dados: object = {}, qr: object = {}) => ({
      pix: { dadosPix: { valor: { juros, multa }, ...dados }, qrCode: qr },
    });
    assert.deepEqual(
      pixFeeRule(pix({ valorPerc: '0.033', modalidade: 2 }, { valorPerc: '2.00', modalidade: 2 })),
      {
        fineBasisPoints: 200,
        monthlyInterestBasisPoints: 99,
      },
    );
    assert.deepEqual(pixFeeRule(pix({ valorPerc: '1,00', modalidade: 3 }, { valorPerc: 2, modalidade: 2 })), {
      fineBasisPoints: 200,
      monthlyInterestBasisPoints: 100,
    });
    assert.equal(
      pixFeeRule(pix({ valorPerc: '5.00', modalidade: 1 }, { valorPerc: '2.00', modalidade: 2 })),
      null,
    );
    assert.equal(pixFeeRule({ type: 'success' }), null);
    assert.equal(pixCodeOf(pix({}, {}, { pixCopiaECola: '' }, { qrcode: ' 0002abc ' })), '0002abc');
    assert.equal(pixCodeOf(pix({}, {}, { pixCopiaECola: '0002xyz' }, { qrcode: '' })), '0002xyz');
  });

  test('get_pix: only a charge whose status is ATIVA gives its code', () => {
    assert.equal(pixCodeOf(REAL_GET_PIX.active), REAL_GET_PIX.active.pix.dadosPix.pixCopiaECola);
    assert.equal(pixCodeOf(REAL_GET_PIX.expired), '');
    assert.equal(pixCodeOf(REAL_GET_PIX.qrCodeOnly), REAL_GET_PIX.qrCodeOnly.pix.qrCode.qrcode);
  });
});
