import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createPdf } from './pdf-document.js';
import { formatDateBR, toWinAnsi, wrapText } from './text.js';

describe('toWinAnsi', () => {
  test('keeps Portuguese text and the WinAnsi extras as they are', () => {
    const text = 'Ação, conexão, 1º andar, nº 5 – “Fibra” € 10 • ok…';
    assert.equal(toWinAnsi(text), text);
  });

  test('composes decomposed accents, strips accents WinAnsi lacks, and marks the rest with ?', () => {
    assert.equal(toWinAnsi('Joa\u0303o'), 'João');
    assert.equal(toWinAnsi('Gheorghiță Dvořák'), 'Gheorghita Dvorák');
    assert.equal(toWinAnsi('Łódź 😀 中'), '?ódz ? ?');
  });

  test('turns line breaks, tabs and other control characters into spaces', () => {
    assert.equal(toWinAnsi('Rua A\n\tCasa\u0085 2'), 'Rua A  Casa  2');
  });

  test('always yields characters the standard fonts can encode, one per input code point', () => {
    const winAnsi = /^[\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]*$/u;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const out = toWinAnsi(text);
        assert.match(out, winAnsi);
        assert.ok([...out].length <= [...text.normalize('NFC')].length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('wrapText', () => {
  const pdf = createPdf({ title: 't', author: 'a', date: '2026-01-01' });
  const measure = (line: string): number => pdf.font('Helvetica').fontSize(8).widthOfString(line);

  test('breaks at spaces, keeping every word, and lines within the width', () => {
    const text = 'Após o vencimento cobrar multa de 2% e juros de 1% ao mês sobre o valor do documento';
    const lines = wrapText(pdf, text, 120, 'Helvetica', 8);
    assert.ok(lines.length > 1);
    assert.equal(lines.join(' '), text);
    for (const line of lines) assert.ok(measure(line) <= 120, line);
  });

  test('splits a word longer than a line (a Pix payload) without losing characters', () => {
    const payload = '00020101021226770014BR.GOV.BCB.PIX2555pix.example.com/qr/93598be0-1bd0-4997';
    const lines = wrapText(pdf, payload, 60, 'Helvetica', 8);
    assert.ok(lines.length > 2);
    assert.equal(lines.join(''), payload);
    for (const line of lines) assert.ok(measure(line) <= 60, line);
  });

  test('never exceeds the width, kerning included, and loses no character', () => {
    const word = fc.stringMatching(/^[rifAVTWy.,:'’”0-9a-z]{1,25}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 20, max: 200 }),
        (words, width) => {
          const lines = wrapText(pdf, words.join(' '), width, 'Helvetica', 8);
          for (const line of lines) assert.ok(measure(line) <= width + 1e-9, `${line} > ${width}`);
          assert.equal(lines.join('').replace(/ /g, ''), words.join(''));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('gives no lines for blank text', () => {
    assert.deepEqual(wrapText(pdf, '   ', 100, 'Helvetica', 8), []);
  });
});

describe('formatDateBR', () => {
  test('writes ISO dates as dd/mm/yyyy and rejects anything else', () => {
    assert.equal(formatDateBR('2026-01-10'), '10/01/2026');
    assert.throws(() => formatDateBR('2026-02-30'), RangeError);
    assert.throws(() => formatDateBR('10/01/2026'), RangeError);
  });
});
