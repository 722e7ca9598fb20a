import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { generateBoleto, getBoletoInfo, isValidBoleto } from '@brazilian-utils/brazilian-utils';
import { arrecadacaoCheckDigit, barcodeToArrecadacaoLine } from './arrecadacao.js';
import {
  barcodeToLine,
  buildBoletoBarcode,
  datesFromDueFactor,
  formatBoletoLine,
  type BoletoInput,
} from './boleto.js';
import { addDays, daysBetween, fromDayNumber, todayInBrazil, toDayNumber } from './dates.js';
import { mod11Boleto } from './modulo.js';
import { parseSlip, type SlipResult } from './slip.js';

const B1_LINE = '00190000090114971860168524522114675860000102656';
const B2_LINE = '10492006506100010004200997263900989810000021403';
const B2_BARCODE = '10499898100000214032006561000100040099726390';
const A1_FORMATTED = '84610000000-5 24610029110-2 00546033900-4 69589506108-0';
const A1_LINE = '846100000005246100291102005460339004695895061080';
const A1_BARCODE = '84610000000246100291100054603390069589506108';

function reasonOf(result: SlipResult): string {
  assert.equal(result.ok, false, 'expected a failure');
  return result.ok ? '' : result.reason;
}

function boletoOf(result: SlipResult): Extract<SlipResult, { kind: 'boleto'; ok: true }> {
  if (!result.ok || result.kind !== 'boleto')
    assert.fail(`expected a valid boleto: ${JSON.stringify(result)}`);
  return result;
}

function arrecadacaoOf(result: SlipResult): Extract<SlipResult, { kind: 'arrecadacao'; ok: true }> {
  if (!result.ok || result.kind !== 'arrecadacao') {
    assert.fail(`expected a valid arrecadação slip: ${JSON.stringify(result)}`);
  }
  return result;
}

/** A bank slip barcode with any 4-digit factor, including those no date produces. */
function barcodeWithFactor(factor: string): string {
  const withoutDv = `1049${factor}0000021403${B2_BARCODE.slice(19)}`;
  return `${withoutDv.slice(0, 4)}${mod11Boleto(withoutDv)}${withoutDv.slice(4)}`;
}

function withArrecadacaoDv(withoutDv: string, modulus: 10 | 11): string {
  return withoutDv.slice(0, 3) + String(arrecadacaoCheckDigit(withoutDv, modulus)) + withoutDv.slice(3);
}

/** The oracle works with local-time Date objects. */
const toLocalDate = (iso: string) =>
  new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8)));
const fromLocalDate = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

function replaceDigit(value: string, at: number, delta: number): string {
  return value.slice(0, at) + String((Number(value[at]) + delta) % 10) + value.slice(at + 1);
}

const digits = (length: number) => fc.stringMatching(new RegExp(`^\\d{${length}}$`));
const dueDate = fc
  .integer({ min: toDayNumber('2000-07-03')!, max: toDayNumber('2099-12-31')! })
  .map(fromDayNumber);
const boletoInput: fc.Arbitrary<BoletoInput> = fc.record({
  bank: digits(3),
  currency: fc.constantFrom('9', '0'),
  dueDate: fc.option(dueDate, { freq: 10 }),
  amountCents: fc.integer({ min: 0, max: 9_999_999_999 }),
  freeField: digits(25),
});
const arrecadacaoBarcode = fc
  .record({
    segment: fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '9'),
    valueIdentifier: fc.constantFrom('6', '7', '8', '9'),
    body: digits(40),
  })
  .map(({ segment, valueIdentifier, body }) =>
    withArrecadacaoDv(`8${segment}${valueIdentifier}${body}`, valueIdentifier <= '7' ? 10 : 11),
  );

describe('bank slips', () => {
  test('B1 as a plain and a formatted line, and as a barcode', () => {
    for (const input of [
      B1_LINE,
      formatBoletoLine(B1_LINE),
      '00196758600001026560000001149718606852452211',
    ]) {
      const slip = boletoOf(parseSlip(input, { referenceDate: '2018-07-01' }));
      assert.equal(slip.bank, '001');
      assert.equal(slip.currency, '9');
      assert.equal(slip.dueFactor, '7586');
      assert.equal(slip.dueDate, '2018-07-15');
      assert.equal(slip.amountCents, 102656);
      assert.equal(slip.freeField, '0000001149718606852452211');
      assert.equal(slip.line, B1_LINE);
      assert.equal(slip.barcode, '00196758600001026560000001149718606852452211');
    }
  });

  test('B2 due date depends on the reference date: 2022-05-10, or 2046-12-30 in its second cycle', () => {
    assert.equal(boletoOf(parseSlip(B2_LINE, { referenceDate: '2022-05-01' })).dueDate, '2022-05-10');
    assert.equal(boletoOf(parseSlip(B2_LINE, { referenceDate: '2046-06-01' })).dueDate, '2046-12-30');
    assert.equal(boletoOf(parseSlip(B2_BARCODE, { referenceDate: '2046-06-01' })).dueDate, '2046-12-30');
  });

  test('B3 and B4 (barcodes) resolve to either cycle', () => {
    const b3 = boletoOf(
      parseSlip('99991101200000350007772130530150081897500000', { referenceDate: '2000-07-01' }),
    );
    assert.deepEqual([b3.bank, b3.dueDate, b3.amountCents], ['999', '2000-07-15', 35000]);
    assert.equal(b3.line, '99997772133053015008218975000003110120000035000');
    const b4 = boletoOf(
      parseSlip('39991.11119 22222.500542 66666.660015 8 10010000031155', { referenceDate: '2025-02-01' }),
    );
    assert.deepEqual(
      [b4.bank, b4.dueFactor, b4.dueDate, b4.amountCents],
      ['399', '1001', '2025-02-23', 31155],
    );
  });

  test('N1 and N2 name the check digit that failed', () => {
    const n1 = parseSlip('00190000020114971860168524522114675860000102656');
    assert.equal(n1.kind, 'boleto');
    assert.equal(reasonOf(n1), 'field 1 DV (mod 10) is 2, expected 9');
    assert.equal(
      reasonOf(parseSlip('00190000090114971860168524522114975860000102656')),
      'DV geral (mod 11) is 9, expected 6',
    );
    assert.equal(reasonOf(parseSlip(replaceDigit(B1_LINE, 12, 1))), 'field 2 DV (mod 10) is 1, expected 0');
    assert.equal(reasonOf(parseSlip(replaceDigit(B1_LINE, 25, 1))), 'field 3 DV (mod 10) is 4, expected 3');
    assert.equal(reasonOf(parseSlip(replaceDigit(B2_BARCODE, 4, 1))), 'DV geral (mod 11) is 0, expected 9');
  });

  test('factor 0000: no due date', () => {
    const barcode = buildBoletoBarcode({
      bank: '237',
      dueDate: null,
      amountCents: 12990,
      freeField: '1'.repeat(25),
    });
    const slip = boletoOf(parseSlip(barcodeToLine(barcode)));
    assert.equal(slip.dueFactor, '0000');
    assert.equal(slip.dueDate, null);
    assert.equal(slip.amountCents, 12990);
  });

  test('factors 0001-0999 pass the check digits but are refused', () => {
    const barcode = barcodeWithFactor('0500');
    const result = parseSlip(barcode);
    assert.equal(result.kind, 'boleto');
    assert.equal(reasonOf(result), 'due factor 0500 is below 1000 and stands for no date');
    assert.equal(isValidBoleto(barcodeToLine(barcode)), true, 'the oracle accepts it');
  });

  test('a 44-digit barcode starting with 8 is read as arrecadação, whatever bank built it', () => {
    const barcode = buildBoletoBarcode({
      bank: '800',
      dueDate: null,
      amountCents: 0,
      freeField: '0'.repeat(25),
    });
    const result = parseSlip(barcode);
    assert.equal(result.kind, 'arrecadacao');
    assert.equal(reasonOf(result), 'segment (position 2) is 0, expected 1-7 or 9');
    assert.equal(boletoOf(parseSlip(barcodeToLine(barcode))).bank, '800');
  });

  test('referenceDate defaults to today in Brazil and must be a real date', () => {
    const line = barcodeToLine(barcodeWithFactor('5000'));
    assert.deepEqual(parseSlip(line), parseSlip(line, { referenceDate: todayInBrazil() }));
    assert.throws(() => parseSlip(line, { referenceDate: '2026-02-30' }), RangeError);
  });
});

describe('arrecadação slips', () => {
  test('A1 as a formatted line, a plain line and a barcode', () => {
    for (const input of [A1_FORMATTED, A1_LINE, A1_BARCODE]) {
      const slip = arrecadacaoOf(parseSlip(input));
      assert.equal(slip.segment, '4');
      assert.equal(slip.valueType, 'amount');
      assert.equal(slip.modulus, 10);
      assert.equal(slip.amountCents, 2461);
      assert.equal(slip.barcode, A1_BARCODE);
      assert.equal(slip.line, A1_LINE);
    }
  });

  test('NA1 fails the DV geral; a changed block digit names its block', () => {
    const na1 = parseSlip(`${A1_BARCODE.slice(0, 3)}9${A1_BARCODE.slice(4)}`);
    assert.equal(na1.kind, 'arrecadacao');
    assert.equal(reasonOf(na1), 'DV geral (mod 10) is 9, expected 1');
    assert.equal(reasonOf(parseSlip(replaceDigit(A1_LINE, 14, 1))), 'block 2 DV (mod 10) is 2, expected 0');
  });

  test('mod-11 GPS slip (segment 5, value identifier 8)', () => {
    const slip = arrecadacaoOf(parseSlip('85810000003-0 03600270100-7 70001280018-4 67222025113-0'));
    assert.deepEqual(
      [slip.segment, slip.valueType, slip.modulus, slip.amountCents],
      ['5', 'amount', 11, 30360],
    );
  });

  test('value identifiers 7 and 9 carry a reference quantity, still read as an 11-digit number', () => {
    for (const [id, modulus] of [
      ['7', 10],
      ['9', 11],
    ] as const) {
      const barcode = withArrecadacaoDv(`84${id}${A1_BARCODE.slice(4)}`, modulus);
      const slip = arrecadacaoOf(parseSlip(barcode));
      assert.deepEqual([slip.valueType, slip.modulus, slip.amountCents], ['reference', modulus, 2461]);
    }
  });

  test('header problems', () => {
    assert.equal(
      reasonOf(parseSlip(`84510000000${A1_BARCODE.slice(11)}`)),
      'value identifier (position 3) is 5, expected 6, 7, 8 or 9',
    );
    assert.equal(
      reasonOf(parseSlip(`80${A1_LINE.slice(2)}`)),
      'segment (position 2) is 0, expected 1-7 or 9',
    );
    const notEight = parseSlip(`0${A1_LINE.slice(1)}`);
    assert.equal(notEight.kind, 'arrecadacao');
    assert.equal(reasonOf(notEight), 'arrecadação slip must start with 8, got 0');
  });
});

describe('input handling', () => {
  test('dots, dashes, any whitespace and typographic dashes are ignored', () => {
    assert.equal(boletoOf(parseSlip(` ${B1_LINE.slice(0, 20)}\t${B1_LINE.slice(20)}\n`)).line, B1_LINE);
    assert.equal(arrecadacaoOf(parseSlip(A1_FORMATTED.replaceAll('-', '\u2013'))).line, A1_LINE);
  });

  test('other characters are refused with the character named', () => {
    const result = parseSlip(`${B1_LINE.slice(0, 10)}/${B1_LINE.slice(10)}`);
    assert.equal(result.kind, null);
    assert.equal(reasonOf(result), 'unexpected character "/" (only digits, dots, dashes and spaces)');
    assert.equal(
      reasonOf(parseSlip('R$ 10,00')),
      'unexpected character "R" (only digits, dots, dashes and spaces)',
    );
  });

  test('lengths other than 44, 47 or 48', () => {
    for (const [input, length] of [
      ['', 0],
      ['123', 3],
      [B1_LINE.slice(1), 46],
      [`${A1_LINE}0`, 49],
      [B2_BARCODE.slice(1), 43],
    ] as const) {
      const result = parseSlip(input);
      assert.equal(result.kind, null);
      assert.equal(reasonOf(result), `expected 44, 47 or 48 digits, got ${length}`);
    }
  });
});

describe('properties', () => {
  test('a built slip parses back to the same bank, amount and due date (reference near the due date)', () => {
    fc.assert(
      fc.property(boletoInput, fc.integer({ min: -4499, max: 4499 }), (input, offset) => {
        const barcode = buildBoletoBarcode(input);
        const referenceDate = addDays(input.dueDate ?? '2026-11-28', offset);
        const line = barcodeToLine(barcode);
        // A barcode starting with 8 is read as arrecadação (tested below); its line is unambiguous.
        const inputs = input.bank.startsWith('8') ? [line] : [barcode, line, formatBoletoLine(line)];
        for (const value of inputs) {
          const slip = boletoOf(parseSlip(value, { referenceDate }));
          assert.equal(slip.bank, input.bank);
          assert.equal(slip.currency, input.currency);
          assert.equal(slip.amountCents, input.amountCents);
          assert.equal(slip.dueDate, input.dueDate);
          assert.equal(slip.freeField, input.freeField);
          assert.equal(slip.barcode, barcode);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('a built arrecadação barcode parses the same as its line', () => {
    fc.assert(
      fc.property(arrecadacaoBarcode, (barcode) => {
        const fromBarcode = arrecadacaoOf(parseSlip(barcode));
        assert.deepEqual(parseSlip(barcodeToArrecadacaoLine(barcode)), fromBarcode);
        assert.equal(fromBarcode.amountCents, Number(barcode.slice(4, 15)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('agreement with @brazilian-utils/brazilian-utils', () => {
  test('getBoletoInfo reads the same bank, amount and due date from slips we build', () => {
    fc.assert(
      fc.property(boletoInput, fc.integer({ min: -3000, max: 3000 }), (input, offset) => {
        const line = barcodeToLine(buildBoletoBarcode(input));
        const referenceDate = addDays(input.dueDate ?? '2026-11-28', offset);
        const ours = boletoOf(parseSlip(line, { referenceDate }));
        const oracle = getBoletoInfo(line, { referenceDate: toLocalDate(referenceDate) });
        assert.ok(oracle);
        assert.equal(oracle.bankCode, ours.bank);
        assert.equal(oracle.amount, ours.amountCents);
        assert.equal(oracle.expirationDate && fromLocalDate(oracle.expirationDate), ours.dueDate);
      }),
      { numRuns: 2000 },
    );
  });

  test('bank slips generated by the oracle', () => {
    const referenceDate = '2026-11-28';
    for (let i = 0; i < 2000; i++) {
      const line = generateBoleto();
      const result = parseSlip(line, { referenceDate });
      const oracle = getBoletoInfo(line, { referenceDate: toLocalDate(referenceDate) });
      assert.ok(oracle, line);
      const factor = line.slice(33, 37);
      if (factor !== '0000' && factor < '1000') {
        assert.equal(reasonOf(result), `due factor ${factor} is below 1000 and stands for no date`);
        assert.equal(oracle.expirationDate, null);
        continue;
      }
      const ours = boletoOf(result);
      assert.equal(oracle.bankCode, ours.bank);
      assert.equal(oracle.amount, ours.amountCents);
      if (ours.dueDate === null) {
        assert.equal(oracle.expirationDate, null);
        continue;
      }
      // The oracle picks a cycle with its own window, we pick the nearest: the candidates are shared,
      // and near the reference date the choice is the same.
      const oracleDate = fromLocalDate(oracle.expirationDate!);
      assert.ok(datesFromDueFactor(factor).includes(oracleDate), `${line}: ${oracleDate}`);
      if (Math.abs(daysBetween(referenceDate, ours.dueDate)) <= 3000) assert.equal(oracleDate, ours.dueDate);
    }
  });

  test('one changed digit: both agree on validity, except factors 0001-0999 which only we refuse', () => {
    fc.assert(
      fc.property(
        boletoInput,
        arrecadacaoBarcode,
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (input, arrecadacao, at, delta) => {
          const boletoLine = replaceDigit(barcodeToLine(buildBoletoBarcode(input)), at % 47, delta);
          const factor = boletoLine.slice(33, 37);
          const refusedFactor = factor !== '0000' && factor < '1000';
          assert.equal(parseSlip(boletoLine).ok, isValidBoleto(boletoLine) && !refusedFactor, boletoLine);

          const arrecadacaoLine = replaceDigit(barcodeToArrecadacaoLine(arrecadacao), at % 48, delta);
          assert.equal(parseSlip(arrecadacaoLine).ok, isValidBoleto(arrecadacaoLine), arrecadacaoLine);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
