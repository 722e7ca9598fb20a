// SGP títulos -> Bill, with fixtures shaped as the vendor's examples (the demo recording of
// /api/ura/titulos/ and an overdue título like the fatura2via example's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { barcodeToLine, buildBoletoBarcode } from '../../../brasil/boleto.js';
import { defaultTenantOptions } from '../../tenant-options.js';
import { lineOf, titleStatus, toBill } from './bills.js';
import type { SgpTitle } from './bills.js';

/** The demo install's open título: face value 15.00, nothing corrected, fake-bank barcode, "" line and Pix. */
const demoTitle: SgpTitle = {
  id: 16085,
  clienteNome: 'CLIENTE SGP TESTE INTEGRAÇÃO',
  clienteCpfcnpj: '24838629001',
  clienteContrato: 1302,
  portador: 'Banco Local',
  numeroDocumento: 3047,
  nossoNumero: '06000000001114',
  link: 'https://demo.sgp.net.br/boleto/3047-WUYKEGPDH1/',
  status: 'aberto',
  valor: 15.0,
  valorDesconto: 0.0,
  valorCorrigido: 15.0,
  valorPago: 0,
  codigoBarras: '99995135900000015000000060000000011100000000',
  linhaDigitavel: '',
  codigoPix: '',
  dataEmissao: '2026-02-05',
  dataVencimento: '2026-02-16',
  dataPagamento: '',
};

test('the demo título: amounts, link, code; the empty line derived from its barcode', () => {
  const warnings: string[] = [];
  const bill = toBill(demoTitle, defaultTenantOptions, '2026-02-10', undefined, (m) => warnings.push(m));
  assert.equal(bill.fatura, '16085');
  assert.equal(bill.remote_id, '16085');
  assert.equal(bill.document_number, '24838629001');
  assert.deepEqual(
    [bill.valor_inicial, bill.juros, bill.multa, bill.desconto, bill.valor_final],
    ['15.00', '0.00', '0.00', '0.00', '15.00'],
  );
  assert.equal(bill.link_boleto, 'https://demo.sgp.net.br/boleto/3047-WUYKEGPDH1/');
  assert.equal(bill.code_fatura, '06000000001114');
  assert.equal(bill.historico, 'Contrato 1302');
  assert.equal(bill.linha_digitavel, barcodeToLine('99995135900000015000000060000000011100000000'));
  assert.equal(bill.pix_code, '');
  assert.equal(bill.status, 'open');
  assert.deepEqual(warnings, []);
});

test('a barcode whose check digit fails gives no line, with a warning', () => {
  const warnings: string[] = [];
  const bill = toBill(
    { ...demoTitle, codigoBarras: '99985135900000015000000060000000011100000000' },
    defaultTenantOptions,
    '2026-02-10',
    undefined,
    (m) => warnings.push(m),
  );
  assert.equal(bill.linha_digitavel, '');
  assert.equal(warnings.length, 1);
});

test('valorCorrigido is split: the fine by the tenant rule (2 %), the rest interest', () => {
  // As in the fatura2via example: 100.00 face value worth 212.00 today.
  const bill = toBill(
    { ...demoTitle, valor: 100, valorCorrigido: 212, dataVencimento: '2020-01-10' },
    defaultTenantOptions,
    '2020-04-29',
    undefined,
    () => {},
  );
  assert.deepEqual(
    [bill.valor_inicial, bill.multa, bill.juros, bill.valor_final],
    ['100.00', '2.00', '110.00', '212.00'],
  );
});

test('money as strings and a corrected value below the face value (a discount) are read', () => {
  const bill = toBill(
    { ...demoTitle, valor: '99.90', valorCorrigido: '89.90' },
    defaultTenantOptions,
    '2026-02-10',
    undefined,
    () => {},
  );
  assert.deepEqual([bill.valor_inicial, bill.desconto, bill.valor_final], ['99.90', '10.00', '89.90']);
});

test('an empty linhaDigitavel is derived from a valid barcode; the Pix override is used', () => {
  const barcode = buildBoletoBarcode({
    bank: '756',
    dueDate: '2026-02-16',
    amountCents: 1500,
    freeField: '1'.repeat(25),
  });
  const t = { ...demoTitle, codigoBarras: barcode };
  assert.equal(lineOf(t), barcodeToLine(barcode));
  const bill = toBill(t, defaultTenantOptions, '2026-02-10', 'PIXCODE', () => {});
  assert.equal(bill.pix_code, 'PIXCODE');
});

test('status words: aberto/Gerado open, pago paid, cancelado cancelled, others unknown', () => {
  assert.equal(titleStatus({ status: 'Gerado' }), 'open');
  assert.equal(titleStatus({ status: 'pago' }), 'paid');
  assert.equal(titleStatus({ status: 'cancelado' }), 'cancelled');
  assert.equal(titleStatus({ status: 'acordo' }), null);
});

test('a paid título: what was paid above the face value is interest, no line or Pix', () => {
  const bill = toBill(
    { ...demoTitle, status: 'pago', valor: 100, valorPago: 104.13, dataPagamento: '2019-09-19' },
    defaultTenantOptions,
    '2026-02-10',
    undefined,
    () => {},
  );
  assert.deepEqual(
    [bill.status, bill.juros, bill.valor_final, bill.pix_code],
    ['paid', '4.13', '104.13', ''],
  );
});
