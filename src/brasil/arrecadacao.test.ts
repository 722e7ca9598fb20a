import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { generateBoleto, getBoletoInfo, isValidBoleto } from '@brazilian-utils/brazilian-utils';
import {
  arrecadacaoBarcodeProblem,
  arrecadacaoCheckDigit,
  arrecadacaoLineProblem,
  arrecadacaoLineToBarcode,
  arrecadacaoModulus,
  barcodeToArrecadacaoLine,
  formatArrecadacaoLine,
  isValidArrecadacaoBarcode,
  isValidArrecadacaoLine,
} from './arrecadacao.js';

// research/standards.md §1.5, vector A1 (segment 4, value identifier 6: mod 10).
const A1_FORMATTED = '84610000000-5 24610029110-2 00546033900-4 69589506108-0';
const A1_LINE = '846100000005246100291102005460339004695895061080';
const A1_BARCODE = '84610000000246100291100054603390069589506108';

// Mod-11 slips (segment 5, value identifier 8): INSS GPS guides as printed by the Receita Federal,
// published in the public repository gesielr/guiasMEIlast. Between them they hit remainder 10
// (DV 1) and remainders 0 and 1 (DV 0), where the arrecadação rule differs from the bank slip's.
const MOD11_LINES = [
  '85820000001-5 66980270116-2 30001280018-9 67222025113-0',
  '85810000003-0 03600270100-7 70001280018-4 67222025113-0',
  '85800000001-1 66980270112-0 00001280018-0 67222025113-0',
];

const unmask = (value: string) => value.replace(/[ -]/g, '');

function replaceDigit(value: string, at: number, delta: number): string {
  return value.slice(0, at) + String((Number(value[at]) + delta) % 10) + value.slice(at + 1);
}

const arrecadacaoBarcode = fc
  .record({
    segment: fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '9'),
    valueIdentifier: fc.constantFrom('6', '7', '8', '9'),
    body: fc.stringMatching(/^\d{40}$/),
  })
  .map(({ segment, valueIdentifier, body }) => {
    const head = `8${segment}${valueIdentifier}`;
    const dv = arrecadacaoCheckDigit(head + body, arrecadacaoModulus(valueIdentifier)!);
    return `${head}${dv}${body}`;
  });

describe('vector A1', () => {
  test('line <-> barcode and formatting', () => {
    assert.equal(unmask(A1_FORMATTED), A1_LINE);
    assert.equal(arrecadacaoLineToBarcode(A1_LINE), A1_BARCODE);
    assert.equal(barcodeToArrecadacaoLine(A1_BARCODE), A1_LINE);
    assert.equal(formatArrecadacaoLine(A1_LINE), A1_FORMATTED);
  });

  test('valid as line and as barcode', () => {
    assert.equal(isValidArrecadacaoLine(A1_LINE), true);
    assert.equal(isValidArrecadacaoBarcode(A1_BARCODE), true);
  });
});

describe('mod-11 slips', () => {
  for (const formatted of MOD11_LINES) {
    test(formatted, () => {
      const line = unmask(formatted);
      assert.equal(arrecadacaoModulus(line.charAt(2)), 11);
      assert.equal(isValidArrecadacaoLine(line), true);
      const barcode = arrecadacaoLineToBarcode(line);
      assert.equal(isValidArrecadacaoBarcode(barcode), true);
      assert.equal(barcodeToArrecadacaoLine(barcode), line);
      assert.equal(formatArrecadacaoLine(line), formatted);
    });
  }
});

describe('invalid slips say what failed', () => {
  test('NA1: A1 barcode with position 4 changed to 9 fails the DV geral', () => {
    const na1 = `${A1_BARCODE.slice(0, 3)}9${A1_BARCODE.slice(4)}`;
    assert.equal(isValidArrecadacaoBarcode(na1), false);
    assert.equal(arrecadacaoBarcodeProblem(na1), 'DV geral (mod 10) is 9, expected 1');
    // Its line with correct block DVs still carries the wrong DV geral.
    assert.equal(arrecadacaoLineProblem(barcodeToArrecadacaoLine(na1)), 'DV geral (mod 10) is 9, expected 1');
  });

  test('a changed digit inside a block names the block', () => {
    assert.equal(arrecadacaoLineProblem(replaceDigit(A1_LINE, 3, 8)), 'block 1 DV (mod 10) is 5, expected 7');
    assert.equal(
      arrecadacaoLineProblem(replaceDigit(A1_LINE, 14, 1)),
      'block 2 DV (mod 10) is 2, expected 0',
    );
    assert.equal(
      arrecadacaoLineProblem(replaceDigit(A1_LINE, 35, 1)),
      'block 3 DV (mod 10) is 5, expected 4',
    );
    assert.equal(
      arrecadacaoLineProblem(replaceDigit(A1_LINE, 47, 1)),
      'block 4 DV (mod 10) is 1, expected 0',
    );
  });

  test('mod-11 blocks and DV geral are reported as mod 11', () => {
    const line = unmask(MOD11_LINES[0]!);
    assert.equal(arrecadacaoLineProblem(replaceDigit(line, 11, 1)), 'block 1 DV (mod 11) is 6, expected 5');
    const barcode = arrecadacaoLineToBarcode(line);
    assert.equal(
      arrecadacaoBarcodeProblem(replaceDigit(barcode, 3, 1)),
      'DV geral (mod 11) is 3, expected 2',
    );
  });

  test('header: product 8, value identifier 6-9, segment 1-7 or 9', () => {
    assert.equal(
      arrecadacaoBarcodeProblem(`7${A1_BARCODE.slice(1)}`),
      'arrecadação slip must start with 8, got 7',
    );
    assert.equal(
      arrecadacaoLineProblem(`${A1_LINE.slice(0, 2)}5${A1_LINE.slice(3)}`),
      'value identifier (position 3) is 5, expected 6, 7, 8 or 9',
    );
    assert.equal(
      arrecadacaoBarcodeProblem(`80${A1_BARCODE.slice(2)}`),
      'segment (position 2) is 0, expected 1-7 or 9',
    );
    assert.equal(
      arrecadacaoLineProblem(`88${A1_LINE.slice(2)}`),
      'segment (position 2) is 8, expected 1-7 or 9',
    );
  });

  test('wrong shapes are invalid, not errors', () => {
    assert.equal(isValidArrecadacaoLine(A1_FORMATTED), false);
    assert.equal(isValidArrecadacaoLine(A1_BARCODE), false);
    assert.equal(isValidArrecadacaoBarcode(A1_LINE), false);
    assert.equal(arrecadacaoLineProblem('8461'), 'arrecadação line must be 48 digits');
    assert.equal(arrecadacaoBarcodeProblem('8461'), 'arrecadação barcode must be 44 digits');
  });

  test('conversions and formatting reject wrong shapes', () => {
    assert.throws(() => barcodeToArrecadacaoLine(A1_LINE), RangeError);
    assert.throws(
      () => barcodeToArrecadacaoLine(`${A1_BARCODE.slice(0, 2)}5${A1_BARCODE.slice(3)}`),
      RangeError,
    );
    assert.throws(() => arrecadacaoLineToBarcode(A1_BARCODE), RangeError);
    assert.throws(() => formatArrecadacaoLine(A1_FORMATTED), RangeError);
  });
});

test('arrecadacaoModulus follows the value identifier', () => {
  assert.deepEqual(
    ['5', '6', '7', '8', '9', '0', ''].map((id) => arrecadacaoModulus(id)),
    [null, 10, 10, 11, 11, null, null],
  );
});

describe('properties and agreement with @brazilian-utils/brazilian-utils', () => {
  test('barcode -> line -> barcode round trip; both forms valid for us and for the oracle', () => {
    fc.assert(
      fc.property(arrecadacaoBarcode, (barcode) => {
        const line = barcodeToArrecadacaoLine(barcode);
        assert.match(line, /^\d{48}$/);
        assert.equal(arrecadacaoLineToBarcode(line), barcode);
        assert.equal(isValidArrecadacaoLine(line), true);
        assert.equal(isValidArrecadacaoBarcode(barcode), true);
        assert.equal(isValidBoleto(line), true);
        assert.equal(isValidBoleto(barcode), true);
        const info = getBoletoInfo(line);
        assert.equal(info?.amount, Number(barcode.slice(4, 15)));
        assert.equal(String(info?.segment), barcode.charAt(1));
      }),
      { numRuns: 2000 },
    );
  });

  test('slips generated by the oracle are valid for us', () => {
    for (let i = 0; i < 2000; i++) {
      const line = generateBoleto({ type: 'arrecadacao' });
      assert.equal(arrecadacaoLineProblem(line), null, line);
      assert.equal(barcodeToArrecadacaoLine(arrecadacaoLineToBarcode(line)), line);
    }
  });

  test('one changed digit: both agree on validity, for lines and barcodes', () => {
    let stillValid = 0;
    fc.assert(
      fc.property(arrecadacaoBarcode, fc.nat(), fc.integer({ min: 1, max: 9 }), (barcode, at, delta) => {
        const line = replaceDigit(barcodeToArrecadacaoLine(barcode), at % 48, delta);
        const ours = isValidArrecadacaoLine(line);
        assert.equal(ours, isValidBoleto(line), line);
        const mutatedBarcode = replaceDigit(barcode, at % 44, delta);
        const oursBarcode = isValidArrecadacaoBarcode(mutatedBarcode);
        assert.equal(oursBarcode, isValidBoleto(mutatedBarcode), mutatedBarcode);
        if (ours) stillValid++;
        if (oursBarcode) stillValid++;
      }),
      { numRuns: 3000 },
    );
    assert.ok(stillValid < 600, `${stillValid} of 6000 mutations stayed valid`);
  });
});
