import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeInspection, inspectValue } from './inspect.js';

const B2_LINE = '10492006506100010004200997263900989810000021403';
const B2_BARCODE = '10499898100000214032006561000100040099726390';

test('a formatted linha digitável is a valid boleto with its bank, amount and due date', () => {
  const r = inspectValue('10492.00650 61000.100042 00997.263900 9 89810000021403', {
    referenceDate: '2022-05-01',
  });
  assert.deepEqual(r, {
    kind: 'boleto',
    valid: true,
    bank: '104',
    amount: '214.03',
    due_date: '2022-05-10',
    barcode: B2_BARCODE,
    line: B2_LINE,
    formatted_line: '10492.00650 61000.100042 00997.263900 9 89810000021403',
  });
});

test('the reference date picks the due-date cycle', () => {
  assert.equal(inspectValue(B2_BARCODE, { referenceDate: '2046-12-01' }).due_date, '2046-12-30');
});

test('a wrong field check digit is reported with the field', () => {
  const r = inspectValue('00190000020114971860168524522114675860000102656');
  assert.equal(r.kind, 'boleto');
  assert.equal(r.valid, false);
  assert.match(String(r.reason), /field 1/);
});

test('arrecadação lines are recognised', () => {
  const r = inspectValue('84610000000-5 24610029110-2 00546033900-4 69589506108-0');
  assert.equal(r.kind, 'arrecadacao');
  assert.equal(r.valid, true);
  assert.equal(r.segment, '4');
  assert.equal(r.amount, '24.61');
  assert.equal(r.barcode, '84610000000246100291100054603390069589506108');
});

test('Pix copia-e-cola: fields, and a CRC failure', () => {
  const p1 =
    '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D';
  const ok = inspectValue(p1);
  assert.equal(ok.kind, 'pix');
  assert.equal(ok.valid, true);
  assert.equal(ok.key, '123e4567-e12b-12d1-a456-426655440000');
  assert.equal(ok.merchant_name, 'Fulano de Tal');
  assert.equal(ok.merchant_city, 'BRASILIA');
  assert.equal(ok.amount, null);
  assert.equal(ok.crc, '1D3D');
  const bad = inspectValue(p1.slice(0, -1) + 'E');
  assert.equal(bad.valid, false);
  assert.match(String(bad.reason), /CRC/);
});

test('CPF and alphanumeric CNPJ, valid and invalid', () => {
  assert.deepEqual(inspectValue('529.982.247-25'), {
    kind: 'cpf',
    valid: true,
    normalized: '52998224725',
    formatted: '529.982.247-25',
  });
  const cnpj = inspectValue('12.abc.345/01de-35');
  assert.equal(cnpj.kind, 'cnpj');
  assert.equal(cnpj.normalized, '12ABC34501DE35');
  const wrong = inspectValue('12ABC34501DE36');
  assert.equal(wrong.kind, 'cnpj');
  assert.equal(wrong.valid, false);
  assert.match(String(wrong.reason), /check digit/i);
});

test('anything else is unknown, with a reason', () => {
  for (const v of ['', 'hello', '12345']) {
    const r = inspectValue(v);
    assert.equal(r.kind, 'unknown');
    assert.equal(r.valid, false);
    assert.ok(r.reason);
  }
  assert.match(describeInspection(inspectValue('hello')), /INVALID/);
});
