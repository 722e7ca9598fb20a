import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeItf, itfBars, itfWidths, WIDE_TO_NARROW } from './itf.js';

const BARCODE = '10499898100000214032006561000100040099726390';

describe('itfWidths', () => {
  test('encodes the pair 38 with start and stop patterns around it', () => {
    // 3 = WWNNN on the bars, 8 = WNNWN on the spaces, interleaved bar/space.
    assert.deepEqual(itfWidths('38'), [1, 1, 1, 1, 3, 3, 3, 1, 1, 1, 1, 3, 1, 1, 3, 1, 1]);
  });

  test('a 44-digit boleto barcode has 405 narrow units, the FEBRABAN symbol length', () => {
    const widths = itfWidths(BARCODE);
    assert.equal(widths.length, 4 + 22 * 10 + 3);
    assert.equal(
      widths.reduce((a, b) => a + b, 0),
      405,
    );
  });

  test('every digit has exactly two wide elements', () => {
    for (let d = 0; d <= 9; d++) {
      const widths = itfWidths(`${d}${d}`).slice(4, -3);
      assert.equal(widths.filter((w) => w === WIDE_TO_NARROW).length, 4, `digit ${d}`);
    }
  });

  test('rejects odd lengths, empty input and non-digits', () => {
    assert.throws(() => itfWidths('123'), RangeError);
    assert.throws(() => itfWidths(''), RangeError);
    assert.throws(() => itfWidths('12a4'), RangeError);
  });
});

describe('itfBars', () => {
  test('places bars at the running offset and skips the spaces', () => {
    const bars = itfBars('38', 0.5);
    assert.deepEqual(bars.slice(0, 3), [
      { x: 0, width: 0.5 },
      { x: 1, width: 0.5 },
      { x: 2, width: 1.5 },
    ]);
    const last = bars.at(-1)!;
    const units = itfWidths('38').reduce((a, b) => a + b, 0);
    assert.equal(last.x + last.width, units * 0.5);
  });
});

describe('decodeItf', () => {
  test('reads the boleto test vector back', () => {
    assert.equal(decodeItf(itfWidths(BARCODE)), BARCODE);
  });

  test('round-trips any even-length digit string, at any narrow width', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        (pairs, narrow) => {
          const digits = pairs.map((p) => String(p).padStart(2, '0')).join('');
          const measured = itfWidths(digits).map((w) => w * narrow);
          assert.equal(decodeItf(measured), digits);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('rejects a broken start pattern, a bad digit pattern and a wrong element count', () => {
    const widths = itfWidths('38');
    assert.throws(() => decodeItf([3, ...widths.slice(1)]), /start or stop/);
    const noDigit = [...widths];
    noDigit[4] = 1; // the bar pattern of 3 loses a wide element
    assert.throws(() => decodeItf(noDigit), /digit pattern/);
    assert.throws(() => decodeItf(widths.slice(0, -1)), /elements/);
  });
});
