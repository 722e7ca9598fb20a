// Bill mapping, on fixtures shaped like the recorded WSMKFaturasPendentes item and the per-bill
// services (clients.md §2, §5.2, §5.4; values ours).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barcodeToLine, buildBoletoBarcode } from '../../../brasil/boleto.js';
import { buildStaticPix } from '../../../brasil/pix.js';
import { NO_EXTRAS, toBill } from './bill.js';
import type { BillContext } from './bill.js';

const line = barcodeToLine(
  buildBoletoBarcode({
    bank: '748',
    dueDate: '2026-11-18',
    amountCents: 123456,
    freeField: '1'.padEnd(25, '0'),
  }),
);
const pix = buildStaticPix({
  key: '41222333000130',
  amountCents: 123456,
  merchantName: 'PROVEDOR',
  merchantCity: 'CHAPECO',
});
const pending = {
  codfatura: 880001,
  contas: '1',
  contratos: '3101',
  data_vencimento: '18/11/2026',
  descricao: 'MENSALIDADE FIBRA 500 MEGA 11/2026',
  valor_total: '1.234,56',
};

function ctx(today: string, document = '38190211402'): BillContext & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    document,
    name: 'JOSÉ',
    rule: { fineBasisPoints: 200, monthlyInterestBasisPoints: 100, interestFrom: 'due_date' },
    today,
    warn: (m) => warnings.push(m),
    warnings,
  };
}

test('a bill not yet due: pt-BR money and dd/mm/yyyy read, extras passed on when valid', () => {
  const c = ctx('2026-11-10');
  const formatted = `${line.slice(0, 5)}.${line.slice(5, 10)} ${line.slice(10)}`;
  const bill = toBill(pending, { link: 'https://mk.example.com/boleto/880001.pdf', line: formatted, pix }, c);
  assert.deepEqual(bill, {
    document_number: '38190211402',
    fatura: '880001',
    nome_cliente: 'JOSÉ',
    valor_inicial: '1234.56',
    juros: '0.00',
    multa: '0.00',
    desconto: '0.00',
    valor_final: '1234.56',
    emissao: '',
    vencimento: '2026-11-18',
    historico: 'MENSALIDADE FIBRA 500 MEGA 11/2026',
    link_boleto: 'https://mk.example.com/boleto/880001.pdf',
    linha_digitavel: line,
    code_fatura: '880001',
    identifier: '',
    remote_id: '880001',
    pix_code: pix,
    status: 'open',
  });
  assert.deepEqual(c.warnings, []);
});

test('an overdue bill: fine and pro-rata interest from the tenant rule', () => {
  const bill = toBill({ ...pending, valor_total: '100,00' }, NO_EXTRAS, ctx('2026-12-18'))!;
  assert.equal(bill.multa, '2.00');
  assert.equal(bill.juros, '1.00');
  assert.equal(bill.valor_final, '103.00');
});

test('a linha digitável or Pix with bad check digits is dropped with a warning', () => {
  const c = ctx('2026-11-10');
  const broken = line.slice(0, 9) + String((Number(line[9]) + 1) % 10) + line.slice(10);
  const bill = toBill(pending, { link: '/relativo.pdf', line: broken, pix: `${pix.slice(0, -1)}0` }, c)!;
  assert.equal(bill.linha_digitavel, '');
  assert.equal(bill.pix_code, pix.endsWith('0') ? pix : '');
  assert.equal(bill.link_boleto, '');
  assert.ok(c.warnings.some((w) => w.includes('linha digitável')));
});

test('a record without a readable amount or due date is left out with a warning', () => {
  const c = ctx('2026-11-10');
  assert.equal(toBill({ ...pending, valor_total: 'R$ -' }, NO_EXTRAS, c), null);
  assert.equal(toBill({ ...pending, data_vencimento: '31/02/2026' }, NO_EXTRAS, c), null);
  assert.equal(c.warnings.length, 2);
});
