import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isValidBoleto } from '@brazilian-utils/brazilian-utils';
import {
  barcodeToLine,
  boletoBarcodeProblem,
  boletoLineProblem,
  buildBoletoBarcode,
  dateFromDueFactor,
  datesFromDueFactor,
  dueFactorFromDate,
  formatBoletoLine,
  isValidBoletoBarcode,
  isValidBoletoLine,
  lineToBarcode,
  type BoletoInput,
} from './boleto.js';
import { addDays, fromDayNumber, toDayNumber } from './dates.js';

// research/standards.md §1.4: line, barcode, the slip's fields and its formatted line.
const VECTORS = [
  {
    name: 'B1',
    line: '00190000090114971860168524522114675860000102656',
    barcode: '00196758600001026560000001149718606852452211',
    formatted: '00190.00009 01149.718601 68524.522114 6 75860000102656',
    input: {
      bank: '001',
      dueDate: '2018-07-15',
      amountCents: 102656,
      freeField: '0000001149718606852452211',
    },
  },
  {
    name: 'B2',
    line: '10492006506100010004200997263900989810000021403',
    barcode: '10499898100000214032006561000100040099726390',
    formatted: '10492.00650 61000.100042 00997.263900 9 89810000021403',
    input: { bank: '104', dueDate: '2022-05-10', amountCents: 21403, freeField: '2006561000100040099726390' },
  },
  {
    name: 'B3',
    line: '99997772133053015008218975000003110120000035000',
    barcode: '99991101200000350007772130530150081897500000',
    formatted: '99997.77213 30530.150082 18975.000003 1 10120000035000',
    input: { bank: '999', dueDate: '2000-07-15', amountCents: 35000, freeField: '7772130530150081897500000' },
  },
  {
    name: 'B4',
    line: '39991111192222250054266666660015810010000031155',
    barcode: '39998100100000311551111122222500546666666001',
    formatted: '39991.11119 22222.500542 66666.660015 8 10010000031155',
    input: { bank: '399', dueDate: '2000-07-04', amountCents: 31155, freeField: '1111122222500546666666001' },
  },
] as const;

const FIRST_DAY = toDayNumber('2000-07-03')!;
const LAST_DAY = toDayNumber('2099-12-31')!;

const digits = (length: number) => fc.stringMatching(new RegExp(`^\\d{${length}}$`));
const dueDate = fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map(fromDayNumber);
const boletoInput: fc.Arbitrary<BoletoInput> = fc.record({
  bank: digits(3),
  currency: fc.constantFrom('9', '0'),
  dueDate: fc.option(dueDate, { freq: 10 }),
  amountCents: fc.integer({ min: 0, max: 9_999_999_999 }),
  freeField: digits(25),
});

function replaceDigit(value: string, at: number, delta: number): string {
  return value.slice(0, at) + String((Number(value[at]) + delta) % 10) + value.slice(at + 1);
}

describe('fator de vencimento', () => {
  test('check values across the 2025-02-22 reset', () => {
    assert.equal(dueFactorFromDate('2000-07-03'), '1000');
    assert.equal(dueFactorFromDate('2000-07-04'), '1001');
    assert.equal(dueFactorFromDate('2018-07-15'), '7586');
    assert.equal(dueFactorFromDate('2025-02-21'), '9999');
    assert.equal(dueFactorFromDate('2025-02-22'), '1000');
    assert.equal(dueFactorFromDate('2025-02-23'), '1001');
    assert.equal(dueFactorFromDate('2026-01-10'), '1322');
    assert.equal(dueFactorFromDate('2026-07-31'), '1524');
    assert.equal(dueFactorFromDate('2026-12-10'), '1656');
  });

  test('the third cycle starts on 2049-10-14', () => {
    assert.equal(dueFactorFromDate('2049-10-13'), '9999');
    assert.equal(dueFactorFromDate('2049-10-14'), '1000');
  });

  test('dates before 2000-07-03 and malformed dates are rejected', () => {
    assert.throws(() => dueFactorFromDate('2000-07-02'), RangeError);
    assert.throws(() => dueFactorFromDate('1997-10-07'), RangeError);
    assert.throws(() => dueFactorFromDate('2026-02-30'), RangeError);
    assert.throws(() => dueFactorFromDate('10/12/2026'), RangeError);
  });

  test('candidates are 9000 days apart, ascending, through 2099', () => {
    assert.deepEqual(datesFromDueFactor('8981'), ['2022-05-10', '2046-12-30', '2071-08-21', '2096-04-11']);
    assert.deepEqual(datesFromDueFactor('7586').slice(0, 2), ['2018-07-15', '2043-03-06']);
    assert.deepEqual(datesFromDueFactor('1000').slice(0, 3), ['2000-07-03', '2025-02-22', '2049-10-14']);
    assert.deepEqual(datesFromDueFactor('0000'), []);
    assert.deepEqual(datesFromDueFactor('0999'), []);
    assert.throws(() => datesFromDueFactor('999'), RangeError);
    assert.throws(() => datesFromDueFactor('12a4'), RangeError);
  });

  test('B2 factor 8981 resolves to the cycle nearest the reference date', () => {
    assert.equal(dateFromDueFactor('8981', '2022-05-01'), '2022-05-10');
    assert.equal(dateFromDueFactor('8981', '2046-06-01'), '2046-12-30');
    assert.equal(dateFromDueFactor('8981', '1999-01-01'), '2022-05-10');
    assert.equal(dateFromDueFactor('8981', '2150-01-01'), '2145-07-24');
  });

  test('a reference exactly halfway between two candidates resolves to the later one', () => {
    assert.equal(dateFromDueFactor('8981', addDays('2022-05-10', 4500)), '2046-12-30');
    assert.equal(dateFromDueFactor('8981', addDays('2022-05-10', 4499)), '2022-05-10');
  });

  test('factor 0000 (and the unused 0001-0999) carry no date', () => {
    assert.equal(dateFromDueFactor('0000', '2026-11-28'), null);
    assert.equal(dateFromDueFactor('0500', '2026-11-28'), null);
    assert.throws(() => dateFromDueFactor('8981', '2026-13-01'), RangeError);
  });

  test('every date from 2000-07-03 to 2099 is among its factor candidates and is the nearest to itself', () => {
    fc.assert(
      fc.property(dueDate, fc.integer({ min: -4499, max: 4499 }), (date, offset) => {
        const factor = dueFactorFromDate(date);
        assert.match(factor, /^[1-9]\d{3}$/);
        assert.ok(datesFromDueFactor(factor).includes(date));
        assert.equal(dateFromDueFactor(factor, addDays(date, offset)), date);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('vectors B1-B4', () => {
  for (const v of VECTORS) {
    test(`${v.name}: line <-> barcode, formatting, validity, building`, () => {
      assert.equal(lineToBarcode(v.line), v.barcode);
      assert.equal(barcodeToLine(v.barcode), v.line);
      assert.equal(formatBoletoLine(v.line), v.formatted);
      assert.equal(isValidBoletoLine(v.line), true);
      assert.equal(isValidBoletoBarcode(v.barcode), true);
      assert.equal(buildBoletoBarcode(v.input), v.barcode);
    });
  }
});

describe('invalid slips say which check digit failed', () => {
  test('N1: field 1 DV', () => {
    const n1 = '00190000020114971860168524522114675860000102656';
    assert.equal(isValidBoletoLine(n1), false);
    assert.equal(boletoLineProblem(n1), 'field 1 DV (mod 10) is 2, expected 9');
  });

  test('N2: DV geral', () => {
    const n2 = '00190000090114971860168524522114975860000102656';
    assert.equal(isValidBoletoLine(n2), false);
    assert.equal(boletoLineProblem(n2), 'DV geral (mod 11) is 9, expected 6');
  });

  test('fields 2 and 3 are named', () => {
    const b1 = VECTORS[0].line;
    assert.equal(boletoLineProblem(replaceDigit(b1, 20, 1)), 'field 2 DV (mod 10) is 2, expected 1');
    assert.equal(boletoLineProblem(replaceDigit(b1, 31, 1)), 'field 3 DV (mod 10) is 5, expected 4');
  });

  test('barcode DV geral', () => {
    const bad = replaceDigit(VECTORS[0].barcode, 4, 1);
    assert.equal(isValidBoletoBarcode(bad), false);
    assert.equal(boletoBarcodeProblem(bad), 'DV geral (mod 11) is 7, expected 6');
  });

  test('wrong shapes are invalid, not errors', () => {
    for (const bad of [
      '',
      VECTORS[0].line.slice(1),
      `${VECTORS[0].line}0`,
      formatBoletoLine(VECTORS[0].line),
    ]) {
      assert.equal(isValidBoletoLine(bad), false);
    }
    assert.equal(isValidBoletoBarcode(VECTORS[0].line), false);
    assert.equal(isValidBoletoBarcode(`${VECTORS[0].barcode.slice(0, 43)}x`), false);
  });

  test('conversions and formatting reject wrong shapes', () => {
    assert.throws(() => barcodeToLine(VECTORS[0].line), RangeError);
    assert.throws(() => lineToBarcode(VECTORS[0].barcode), RangeError);
    assert.throws(() => formatBoletoLine(formatBoletoLine(VECTORS[0].line)), RangeError);
  });
});

describe('buildBoletoBarcode', () => {
  const base = VECTORS[1].input;

  test('no due date gives factor 0000; currency defaults to 9 and can be overridden', () => {
    const barcode = buildBoletoBarcode({ ...base, dueDate: null });
    assert.equal(barcode.slice(5, 9), '0000');
    assert.equal(barcode.charAt(3), '9');
    assert.equal(isValidBoletoBarcode(barcode), true);
    assert.equal(buildBoletoBarcode({ ...base, currency: '0' }).charAt(3), '0');
  });

  test('the amount is 10 zero-padded digits of cents', () => {
    assert.equal(buildBoletoBarcode({ ...base, amountCents: 0 }).slice(9, 19), '0000000000');
    assert.equal(buildBoletoBarcode({ ...base, amountCents: 9_999_999_999 }).slice(9, 19), '9999999999');
    assert.equal(buildBoletoBarcode({ ...base, amountCents: 12990 }).slice(9, 19), '0000012990');
  });

  test('bad input is a RangeError', () => {
    const bad: Partial<BoletoInput>[] = [
      { bank: '01' },
      { bank: '0011' },
      { bank: 'abc' },
      { currency: '' },
      { currency: '99' },
      { freeField: base.freeField.slice(1) },
      { freeField: `${base.freeField}0` },
      { freeField: `${base.freeField.slice(1)}x` },
      { amountCents: -1 },
      { amountCents: 10_000_000_000 },
      { amountCents: 12.5 },
      { amountCents: Number.NaN },
      { dueDate: '2000-07-02' },
      { dueDate: '2026-02-29' },
    ];
    for (const change of bad) {
      assert.throws(() => buildBoletoBarcode({ ...base, ...change }), RangeError, JSON.stringify(change));
    }
  });

  test('build -> barcode -> line -> barcode round trip keeps every field', () => {
    fc.assert(
      fc.property(boletoInput, (input) => {
        const barcode = buildBoletoBarcode(input);
        assert.match(barcode, /^\d{44}$/);
        assert.equal(isValidBoletoBarcode(barcode), true);
        const line = barcodeToLine(barcode);
        assert.match(line, /^\d{47}$/);
        assert.equal(isValidBoletoLine(line), true);
        assert.equal(lineToBarcode(line), barcode);
        assert.equal(barcode.slice(0, 3), input.bank);
        assert.equal(barcode.charAt(3), input.currency);
        assert.equal(Number(barcode.slice(9, 19)), input.amountCents);
        assert.equal(barcode.slice(19), input.freeField);
        const factor = barcode.slice(5, 9);
        if (input.dueDate === null) assert.equal(factor, '0000');
        else assert.equal(dateFromDueFactor(factor, input.dueDate), input.dueDate);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('agreement with @brazilian-utils/brazilian-utils', () => {
  test('every slip we build is valid for the oracle', () => {
    fc.assert(
      fc.property(boletoInput, (input) => {
        assert.equal(isValidBoleto(barcodeToLine(buildBoletoBarcode(input))), true);
      }),
      { numRuns: 2000 },
    );
  });

  test('one changed digit in a line: both agree on validity', () => {
    let stillValid = 0;
    fc.assert(
      fc.property(
        boletoInput,
        fc.integer({ min: 0, max: 46 }),
        fc.integer({ min: 1, max: 9 }),
        (input, at, delta) => {
          const mutated = replaceDigit(barcodeToLine(buildBoletoBarcode(input)), at, delta);
          const ours = isValidBoletoLine(mutated);
          assert.equal(ours, isValidBoleto(mutated), mutated);
          if (ours) {
            stillValid++;
            // Only the unprotected fator/valor digits can collide on the DV geral.
            assert.ok(at >= 33, `position ${at + 1} kept ${mutated} valid`);
          }
        },
      ),
      { numRuns: 3000 },
    );
    assert.ok(stillValid < 300, `${stillValid} of 3000 mutations stayed valid`);
  });

  test('one changed digit in a barcode: our DV geral check matches the oracle on the line', () => {
    fc.assert(
      fc.property(
        boletoInput,
        fc.integer({ min: 0, max: 43 }),
        fc.integer({ min: 1, max: 9 }),
        (input, at, delta) => {
          const mutated = replaceDigit(buildBoletoBarcode(input), at, delta);
          // barcodeToLine recomputes the field DVs, so only the DV geral is left to disagree on.
          assert.equal(isValidBoletoBarcode(mutated), isValidBoleto(barcodeToLine(mutated)), mutated);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
