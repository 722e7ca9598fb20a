import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyBasisPoints, formatMoney, formatMoneyBRL, parseMoney, type MoneyResult } from './money.js';

function cents(result: MoneyResult): number {
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.ok ? result.cents : NaN;
}

function reason(result: MoneyResult): string {
  assert.equal(result.ok, false, 'expected a rejection');
  return result.ok ? '' : result.reason;
}

const MAX = Number.MAX_SAFE_INTEGER;

describe('parseMoney: strings as ERPs send them', () => {
  const accepted: [string, number][] = [
    ['1234.56', 123456],
    ['1234.5', 123450],
    ['1234', 123400],
    ['0', 0],
    ['0.05', 5],
    ['-10.00', -1000],
    ['007.50', 750],
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['1,5', 150],
    ['1.234.567,89', 123456789],
    ['-1.234,56', -123456],
    ['  129.90\n', 12990],
    ['R$ 1.234,56', 123456],
    ['R$1234.56', 123456],
    ['R$\u00a01.234,56', 123456],
    ['-R$ 1,50', -150],
    ['R$ -1,50', -150],
  ];
  for (const [input, expected] of accepted) {
    test(`${JSON.stringify(input)} is ${expected} cents`, () => {
      assert.equal(cents(parseMoney(input)), expected);
    });
  }

  test('several dots and no comma are pt-BR thousands', () => {
    assert.equal(cents(parseMoney('1.234.567')), 123456700);
    assert.equal(cents(parseMoney('R$ 12.000.000')), 1200000000);
  });

  test('a single dot is the decimal point, so "1.234" is rejected rather than read as thousands', () => {
    assert.match(reason(parseMoney('1.234')), /more than 2 decimal places/);
    assert.match(reason(parseMoney('1.234')), /1\.234,00/);
  });

  test('a comma makes dots thousands separators, which must come in groups of 3', () => {
    assert.equal(
      reason(parseMoney('12.34,56')),
      'money amount "12.34,56" is not valid: dots before the decimal comma must separate thousands in groups of 3',
    );
    assert.equal(parseMoney('1234.567,00').ok, false);
    assert.equal(parseMoney('.234,00').ok, false);
  });

  test('en-US thousands commas are refused rather than guessed', () => {
    assert.equal(parseMoney('1,234.56').ok, false);
    assert.equal(parseMoney('1,234,567').ok, false);
    assert.match(reason(parseMoney('1,234')), /more than 2 decimal places/);
  });

  test('several dots that are not thousands groups are rejected', () => {
    assert.equal(parseMoney('1.23.456').ok, false);
    assert.equal(parseMoney('1.234.56').ok, false);
  });

  test('negative zero is plain zero', () => {
    assert.ok(Object.is(cents(parseMoney('-0.00')), 0));
    assert.ok(Object.is(cents(parseMoney('-R$ 0,00')), 0));
  });

  test('empty and blank input is rejected', () => {
    assert.equal(reason(parseMoney('')), 'money amount is empty');
    assert.equal(reason(parseMoney(' \t ')), 'money amount is empty');
  });

  test('letters, signs in odd places and bare separators are rejected with a clear reason', () => {
    for (const input of [
      'abc',
      '12a',
      '1e5',
      'Infinity',
      'NaN',
      '+10',
      '--10',
      '-R$ -10',
      '- 10',
      '10-',
      'R$',
      '-',
      '.50',
      ',50',
      '1.',
      '1,',
      '1 234,56',
      'US$ 10',
      '(10.00)',
    ]) {
      const result = parseMoney(input);
      assert.equal(result.ok, false, input);
    }
    assert.equal(
      reason(parseMoney('12a')),
      'money amount "12a" is not a number like "1234.56" or "1.234,56"',
    );
  });

  test('more than 2 decimal places is rejected, never rounded', () => {
    assert.equal(reason(parseMoney('1,005')), 'money amount "1,005" has more than 2 decimal places');
    assert.match(reason(parseMoney('0.001')), /more than 2 decimal places/);
    assert.match(reason(parseMoney('1.234.567,891')), /more than 2 decimal places/);
  });

  test('amounts beyond MAX_SAFE_INTEGER cents are rejected', () => {
    assert.equal(cents(parseMoney('90071992547409.91')), MAX);
    assert.equal(cents(parseMoney('-90.071.992.547.409,91')), -MAX);
    assert.match(reason(parseMoney('90071992547409.92')), /too large \(the limit is 90071992547409\.91\)/);
    assert.match(reason(parseMoney('99999999999999999999999')), /too large/);
  });

  test('a long rejected input is shortened in the reason', () => {
    const text = reason(parseMoney('x'.repeat(500)));
    assert.ok(text.length < 120, text);
    assert.match(text, /…/);
  });
});

describe('parseMoney: numbers', () => {
  test('numbers with at most 2 decimals are accepted', () => {
    assert.equal(cents(parseMoney(129.9)), 12990);
    assert.equal(cents(parseMoney(129.99)), 12999);
    assert.equal(cents(parseMoney(0.1)), 10);
    assert.equal(cents(parseMoney(0.01)), 1);
    assert.equal(cents(parseMoney(100)), 10000);
    assert.equal(cents(parseMoney(-2.5)), -250);
    assert.ok(Object.is(cents(parseMoney(-0)), 0));
  });

  test('numbers with more than 2 decimals are rejected, including float noise', () => {
    assert.equal(reason(parseMoney(1.005)), 'money amount "1.005" has more than 2 decimal places');
    assert.match(reason(parseMoney(0.1 + 0.2)), /more than 2 decimal places/);
  });

  test('exponent notation is read as the decimal it stands for', () => {
    assert.match(reason(parseMoney(1e-7)), /"0\.0000001" has more than 2 decimal places/);
    assert.match(reason(parseMoney(1.5e-7)), /more than 2 decimal places/);
    assert.match(reason(parseMoney(1e21)), /"1000000000000000000000" is too large/);
    assert.match(reason(parseMoney(-1.2345e25)), /too large/);
  });

  test('numbers beyond MAX_SAFE_INTEGER cents are rejected', () => {
    // 90071992547409.91 is not a double; its nearest double prints as 90071992547409.9.
    assert.equal(cents(parseMoney(90071992547409.9)), MAX - 1);
    assert.match(reason(parseMoney(90071992547410)), /too large/);
    assert.match(reason(parseMoney(1e20)), /too large/);
    assert.match(reason(parseMoney(Number.MAX_VALUE)), /too large/);
  });

  test('NaN and infinities are rejected', () => {
    assert.equal(reason(parseMoney(NaN)), 'money amount must be a finite number, got NaN');
    assert.equal(reason(parseMoney(Infinity)), 'money amount must be a finite number, got Infinity');
    assert.equal(reason(parseMoney(-Infinity)), 'money amount must be a finite number, got -Infinity');
  });

  test('property: cents / 100 as a float reads back as exactly those cents', () => {
    // Up to 15 significant digits a double's shortest text is the decimal it was made from.
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15 - 1), max: 10 ** 15 - 1 }), (c) => {
        assert.equal(cents(parseMoney(c / 100)), c === 0 ? 0 : c);
      }),
      { numRuns: 3000 },
    );
  });

  test('property: a number with a third decimal is rejected', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.integer({ min: 1, max: 9 }), (c, d) => {
        const n = (c * 10 + (c < 0 ? -d : d)) / 1000;
        assert.equal(parseMoney(n).ok, false, String(n));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatMoney and formatMoneyBRL', () => {
  test('API form: exactly 2 places, dot decimal, no grouping', () => {
    assert.equal(formatMoney(123456), '1234.56');
    assert.equal(formatMoney(5), '0.05');
    assert.equal(formatMoney(-150), '-1.50');
    assert.equal(formatMoney(-5), '-0.05');
    assert.equal(formatMoney(0), '0.00');
    assert.equal(formatMoney(-0), '0.00');
    assert.equal(formatMoney(12345678900), '123456789.00');
    assert.equal(formatMoney(MAX), '90071992547409.91');
    assert.equal(formatMoney(-MAX), '-90071992547409.91');
  });

  test('pt-BR form', () => {
    assert.equal(formatMoneyBRL(123456), 'R$ 1.234,56');
    assert.equal(formatMoneyBRL(5), 'R$ 0,05');
    assert.equal(formatMoneyBRL(99999), 'R$ 999,99');
    assert.equal(formatMoneyBRL(100000), 'R$ 1.000,00');
    assert.equal(formatMoneyBRL(123456789), 'R$ 1.234.567,89');
    assert.equal(formatMoneyBRL(-150), '-R$ 1,50');
    assert.equal(formatMoneyBRL(MAX), 'R$ 90.071.992.547.409,91');
  });

  test('non-integer or unsafe cents are a programming error', () => {
    for (const bad of [1.5, NaN, Infinity, MAX + 1]) {
      assert.throws(() => formatMoney(bad), RangeError);
      assert.throws(() => formatMoneyBRL(bad), RangeError);
    }
  });

  test('property: formatMoney then parseMoney is the identity on safe integers', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (c) => {
        assert.equal(cents(parseMoney(formatMoney(c))), c);
      }),
      { numRuns: 3000 },
    );
  });

  test('property: formatMoneyBRL then parseMoney is the identity on safe integers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -1_000_000, max: 1_000_000 })), (c) => {
        assert.equal(cents(parseMoney(formatMoneyBRL(c))), c);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('applyBasisPoints', () => {
  test('the late-fee examples: 2 % multa', () => {
    assert.equal(applyBasisPoints(10000, 200), 200);
    assert.equal(applyBasisPoints(300000, 200), 6000);
    assert.equal(applyBasisPoints(9990, 200), 200); // 199.8 rounds up
  });

  test('halves round away from zero, other fractions to nearest', () => {
    assert.equal(applyBasisPoints(25, 2000), 5); // 5.0
    assert.equal(applyBasisPoints(5, 1000), 1); // 0.5
    assert.equal(applyBasisPoints(-5, 1000), -1); // -0.5
    assert.equal(applyBasisPoints(149, 100), 1); // 1.49
    assert.equal(applyBasisPoints(150, 100), 2); // 1.5
    assert.equal(applyBasisPoints(-149, 100), -1);
    assert.equal(applyBasisPoints(-150, 100), -2);
    assert.equal(applyBasisPoints(4, 1000), 0); // 0.4
    assert.ok(Object.is(applyBasisPoints(-4, 1000), 0));
  });

  test('100 % and 0 % are the identity and zero', () => {
    assert.equal(applyBasisPoints(12345, 10000), 12345);
    assert.equal(applyBasisPoints(12345, 0), 0);
  });

  test('the product is exact even where a float product would not be', () => {
    assert.equal(applyBasisPoints(MAX, 10000), MAX);
    assert.equal(applyBasisPoints(MAX, 5000), 4503599627370496); // 4503599627370495.5 rounds up
  });

  test('non-integer or unsafe arguments and unsafe results throw', () => {
    assert.throws(() => applyBasisPoints(1.5, 100), RangeError);
    assert.throws(() => applyBasisPoints(100, 3.33), RangeError);
    assert.throws(() => applyBasisPoints(MAX, 20000), RangeError);
  });

  test('property: result is the nearest integer, ties away from zero, and odd-symmetric', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(10 ** 12), max: 10 ** 12 }),
        fc.integer({ min: -100000, max: 100000 }),
        (c, bp) => {
          const r = applyBasisPoints(c, bp);
          const product = BigInt(c) * BigInt(bp);
          const error = product - BigInt(r) * 10000n;
          const twice = error < 0n ? -2n * error : 2n * error;
          assert.ok(twice <= 10000n, `${c} × ${bp} → ${r}`);
          // On an exact half the result lies beyond the product, i.e. away from zero.
          if (twice === 10000n) assert.ok(product > 0n ? error < 0n : error > 0n, `${c} × ${bp} → ${r}`);
          assert.equal(applyBasisPoints(-c, bp), r === 0 ? 0 : -r);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
