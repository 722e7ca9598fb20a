import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mod10, mod11Arrecadacao, mod11Boleto, mod11Remainder } from './modulo.js';

const digitString = (min: number, max: number) =>
  fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max })
    .map((values) => values.join(''));

describe('mod10', () => {
  test('single digits: weight 2 on the rightmost digit, two-digit products folded', () => {
    assert.equal(mod10('0'), 0);
    assert.equal(mod10('1'), 8); // 2 -> 8
    assert.equal(mod10('5'), 9); // 10 -> 1 -> 9
    assert.equal(mod10('9'), 1); // 18 -> 9 -> 1
    assert.equal(mod10('10'), 9); // 1*1 + 0*2 = 1 -> 9
  });

  test('field check digits of vector B1 (00190.00009 01149.718601 68524.522114)', () => {
    assert.equal(mod10('001900000'), 9);
    assert.equal(mod10('0114971860'), 1);
    assert.equal(mod10('6852452211'), 4);
  });

  test('the DV completes a Luhn sum: digits weighted 1,2,1,2… from the right of value+DV add to a multiple of 10', () => {
    fc.assert(
      fc.property(digitString(1, 30), (digits) => {
        const full = digits + String(mod10(digits));
        let sum = 0;
        for (let i = 0; i < full.length; i++) {
          const doubled = Number(full[full.length - 1 - i]) * (i % 2 === 0 ? 1 : 2);
          sum += Math.floor(doubled / 10) + (doubled % 10);
        }
        assert.equal(sum % 10, 0);
      }),
      { numRuns: 2000 },
    );
  });

  test('rejects anything but digits', () => {
    assert.throws(() => mod10(''), RangeError);
    assert.throws(() => mod10('12a'), RangeError);
    assert.throws(() => mod10('1 2'), RangeError);
  });
});

describe('mod11', () => {
  test('weights run 2..9 from the right and restart at 2', () => {
    assert.equal(mod11Remainder('1'), 2);
    assert.equal(mod11Remainder('10000000'), 9); // 8th from the right: weight 9
    assert.equal(mod11Remainder('100000000'), 2); // 9th from the right: weight 2 again
    assert.equal(mod11Remainder('11111111'), (2 + 3 + 4 + 5 + 6 + 7 + 8 + 9) % 11);
  });

  test('bank slip DV geral: remainders 0 and 1 give 1, otherwise 11 - remainder', () => {
    assert.equal(mod11Boleto('0'), 1); // remainder 0
    assert.equal(mod11Boleto('6'), 1); // 12 -> remainder 1
    assert.equal(mod11Boleto('5'), 1); // 10 -> remainder 10
    assert.equal(mod11Boleto('1'), 9); // remainder 2
  });

  test('arrecadação DV: remainders 0 and 1 give 0, remainder 10 gives 1', () => {
    assert.equal(mod11Arrecadacao('0'), 0);
    assert.equal(mod11Arrecadacao('6'), 0);
    assert.equal(mod11Arrecadacao('5'), 1);
    assert.equal(mod11Arrecadacao('1'), 9);
  });

  test('DV geral of vector B1 barcode (positions 1-4 and 6-44)', () => {
    const barcode = '00196758600001026560000001149718606852452211';
    assert.equal(mod11Boleto(barcode.slice(0, 4) + barcode.slice(5)), 6);
  });

  test('the two variants differ only where the remainder is 0 or 1', () => {
    fc.assert(
      fc.property(digitString(1, 43), (digits) => {
        const r = mod11Remainder(digits);
        if (r <= 1) {
          assert.equal(mod11Boleto(digits), 1);
          assert.equal(mod11Arrecadacao(digits), 0);
        } else {
          assert.equal(mod11Boleto(digits), 11 - r);
          assert.equal(mod11Arrecadacao(digits), 11 - r);
        }
        assert.ok(mod11Boleto(digits) >= 1 && mod11Boleto(digits) <= 9);
      }),
      { numRuns: 2000 },
    );
  });

  test('changing one digit always changes the remainder (11 is prime and weights are below 11)', () => {
    fc.assert(
      fc.property(digitString(1, 43), fc.nat(), fc.integer({ min: 1, max: 9 }), (digits, at, delta) => {
        const i = at % digits.length;
        const changed = digits.slice(0, i) + String((Number(digits[i]) + delta) % 10) + digits.slice(i + 1);
        assert.notEqual(mod11Remainder(changed), mod11Remainder(digits));
      }),
      { numRuns: 2000 },
    );
  });

  test('rejects anything but digits', () => {
    assert.throws(() => mod11Remainder(''), RangeError);
    assert.throws(() => mod11Boleto('x'), RangeError);
    assert.throws(() => mod11Arrecadacao('-1'), RangeError);
  });
});
