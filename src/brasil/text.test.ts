import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { collapseSpaces, foldAscii } from './text.js';

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

describe('foldAscii', () => {
  test('strips diacritics and keeps case', () => {
    assert.equal(foldAscii('São Paulo ção'), 'Sao Paulo cao');
    assert.equal(foldAscii('JOÃO DA CONCEIÇÃO'), 'JOAO DA CONCEICAO');
    assert.equal(foldAscii('àáâãäå èéêë ìíîï òóôõö ùúûü ñ ý'), 'aaaaaa eeee iiii ooooo uuuu n y');
    assert.equal(foldAscii('Ç Ñ Ü'), 'C N U');
  });

  test('folds text already in decomposed form', () => {
    assert.equal(foldAscii('Sa\u0303o'), 'Sao');
  });

  test('leaves printable ASCII untouched', () => {
    const ascii = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~';
    assert.equal(foldAscii(ascii), ascii);
  });

  test('drops characters that have no ASCII base letter', () => {
    assert.equal(foldAscii('Rua 1º de Maio'), 'Rua 1 de Maio');
    assert.equal(foldAscii('R$ 10 € 😀 ok'), 'R$ 10   ok');
    assert.equal(foldAscii('straße'), 'strae');
    assert.equal(foldAscii('日本'), '');
    assert.equal(foldAscii('a\u0000b\u007fc\u200bd'), 'abcd');
  });

  test('turns any whitespace into a plain space instead of gluing words', () => {
    assert.equal(foldAscii('São\u00a0Paulo'), 'Sao Paulo');
    assert.equal(foldAscii('Rua\tA\nCasa\r\n2'), 'Rua A Casa  2');
  });

  test('property: the result is always printable ASCII and idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const folded = foldAscii(s);
        assert.match(folded, PRINTABLE_ASCII);
        assert.equal(foldAscii(folded), folded);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('collapseSpaces', () => {
  test('trims and collapses internal runs to one space', () => {
    assert.equal(collapseSpaces('  Rua   das  Flores, 10  '), 'Rua das Flores, 10');
    assert.equal(collapseSpaces('a\t\tb\n\nc\r\nd'), 'a b c d');
    assert.equal(collapseSpaces('\u00a0São\u00a0\u00a0Paulo\u2003'), 'São Paulo');
  });

  test('empty and blank input give an empty string', () => {
    assert.equal(collapseSpaces(''), '');
    assert.equal(collapseSpaces(' \t\n '), '');
  });

  test('a single-spaced string is unchanged', () => {
    assert.equal(collapseSpaces('Maria da Silva'), 'Maria da Silva');
  });

  test('property: no leading, trailing or double whitespace, and no other change', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', '\n', '\u00a0'), maxLength: 30 }),
        (s) => {
          const collapsed = collapseSpaces(s);
          assert.doesNotMatch(collapsed, /^\s|\s$|\s\s|[\t\n\u00a0]/u);
          assert.equal(collapsed.replace(/ /g, ''), s.replace(/\s/gu, ''));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
