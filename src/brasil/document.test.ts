import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { generateCnpj, generateCpf, isValidCnpj, isValidCpf } from '@brazilian-utils/brazilian-utils';
import {
  cnpjCheckDigits,
  cpfCheckDigits,
  formatDocument,
  maskDocument,
  parseCnpj,
  parseCpf,
  parseDocument,
  type DocumentResult,
} from './document.js';

const DIGITS = '0123456789'.split('');
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const LOWER = 'abcdefghijklmnopqrstuvwxyz'.split('');

const digitString = (length: number) =>
  fc.array(fc.constantFrom(...DIGITS), { minLength: length, maxLength: length }).map((a) => a.join(''));
const alnumString = (length: number, alphabet = [...DIGITS, ...UPPER]) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length }).map((a) => a.join(''));

/** The oracle's verdict on an unmasked candidate of 11 or 14 characters. */
function oracleValid(value: string): boolean {
  return value.length === 11 ? isValidCpf(value) : isValidCnpj(value, { version: 2 });
}

function failureOf(result: DocumentResult): string {
  assert.equal(result.ok, false, 'expected a failure');
  return result.ok ? '' : result.failure;
}

function reasonOf(result: DocumentResult): string {
  return result.ok ? '' : result.reason;
}

describe('parseDocument: known vectors', () => {
  for (const [masked, value] of [
    ['123.456.789-09', '12345678909'],
    ['111.444.777-35', '11144477735'],
    ['529.982.247-25', '52998224725'],
    ['295.379.955-93', '29537995593'],
  ] as const) {
    test(`CPF ${masked} is valid`, () => {
      assert.deepEqual(parseDocument(masked), { ok: true, kind: 'cpf', value, formatted: masked });
      assert.deepEqual(parseDocument(value), { ok: true, kind: 'cpf', value, formatted: masked });
    });
  }

  test('the RFB alphanumeric CNPJ example is valid, masked or not', () => {
    const expected = { ok: true, kind: 'cnpj', value: '12ABC34501DE35', formatted: '12.ABC.345/01DE-35' };
    assert.deepEqual(parseDocument('12.ABC.345/01DE-35'), expected);
    assert.deepEqual(parseDocument('12ABC34501DE35'), expected);
  });

  test('lower-case CNPJ letters are normalised to upper case', () => {
    const result = parseDocument('12.abc.345/01de-35');
    assert.ok(result.ok);
    assert.equal(result.value, '12ABC34501DE35');
    assert.equal(result.formatted, '12.ABC.345/01DE-35');
  });

  test('12ABC34501DE36 fails on its check digits and names the expected ones', () => {
    const result = parseDocument('12ABC34501DE36');
    assert.equal(failureOf(result), 'check_digit');
    assert.equal(reasonOf(result), 'CNPJ check digits do not match (expected 35)');
  });

  test('numeric CNPJs from the classic bases', () => {
    for (const [base, dv] of [
      ['123456780001', '95'],
      ['112223330001', '81'],
      ['545507520001', '55'],
    ] as const) {
      assert.equal(cnpjCheckDigits(base), dv);
      const result = parseDocument(`${base}${dv}`);
      assert.ok(result.ok);
      assert.equal(result.kind, 'cnpj');
    }
    assert.equal(parseDocument('12.345.678/0001-95').ok, true);
  });

  test('cpfCheckDigits of the vectors', () => {
    assert.equal(cpfCheckDigits('123456789'), '09');
    assert.equal(cpfCheckDigits('111444777'), '35');
    assert.equal(cpfCheckDigits('529982247'), '25');
    assert.equal(cpfCheckDigits('295379955'), '93');
  });

  test('a wrong CPF check digit names the expected digits', () => {
    const result = parseDocument('529.982.247-26');
    assert.equal(failureOf(result), 'check_digit');
    assert.equal(reasonOf(result), 'CPF check digits do not match (expected 25)');
  });
});

describe('parseDocument: mask and characters', () => {
  test('dots, dashes, slashes and any whitespace are stripped wherever they are', () => {
    assert.equal(parseDocument(' 529 982\t247\n25 ').ok, true);
    assert.equal(parseDocument('529..982//247--25').ok, true);
    assert.equal(parseDocument('12 ABC 345 01DE 35').ok, true);
    assert.equal(parseDocument('529\u00a0982\u00a0247-25').ok, true);
  });

  test('another punctuation character is rejected with its position in the input', () => {
    const result = parseDocument('529,982,247-25');
    assert.equal(failureOf(result), 'character');
    assert.equal(reasonOf(result), "invalid character ',' at position 4");
  });

  test('a non-ASCII letter is rejected, counting positions in characters', () => {
    assert.equal(reasonOf(parseDocument('123ç5678909')), "invalid character 'ç' at position 4");
    assert.equal(reasonOf(parseDocument('😀2345678909')), "invalid character '😀' at position 1");
  });

  test('an invisible character is named by its code point', () => {
    assert.equal(reasonOf(parseDocument('529982\u0000247')), 'invalid character U+0000 at position 7');
  });

  test('a bad character is reported before the length', () => {
    assert.equal(failureOf(parseDocument('12#')), 'character');
  });

  test('a letter in a CPF is a character failure', () => {
    const result = parseDocument('529.982.24A-25');
    assert.equal(failureOf(result), 'character');
    assert.equal(reasonOf(result), "invalid character 'A' at position 11: a CPF has digits only");
  });

  test('a letter in the CNPJ check digits is a character failure', () => {
    const result = parseDocument('12.ABC.345/01DE-3X');
    assert.equal(failureOf(result), 'character');
    assert.equal(
      reasonOf(result),
      "invalid character 'X' at position 18: the CNPJ check digits are always digits",
    );
  });

  test('lengths other than 11 and 14 fail on length', () => {
    for (const input of ['', '   ', '1234567890', '123456789012', '1234567890123', '123456789012345']) {
      assert.equal(failureOf(parseDocument(input)), 'length', input);
    }
    assert.equal(
      reasonOf(parseDocument('1234567890')),
      'a CPF must have 11 digits and a CNPJ 14 characters, got 10',
    );
  });

  test('all-equal sequences are rejected even though their check digits agree', () => {
    for (const d of DIGITS) {
      assert.equal(failureOf(parseDocument(d.repeat(11))), 'repeated');
      assert.equal(failureOf(parseDocument(d.repeat(14))), 'repeated');
    }
    assert.equal(reasonOf(parseDocument('00000000000')), 'CPF cannot have all digits equal');
    assert.equal(reasonOf(parseDocument('00.000.000/0000-00')), 'CNPJ cannot have all characters equal');
  });
});

describe('parseCpf and parseCnpj', () => {
  test('parseCpf accepts only CPFs', () => {
    assert.equal(parseCpf('529.982.247-25').ok, true);
    const result = parseCpf('12.ABC.345/01DE-35');
    assert.equal(failureOf(result), 'length');
    assert.equal(reasonOf(result), 'CPF must have 11 digits, got 14');
    assert.equal(reasonOf(parseCpf('529.982.247-2')), 'CPF must have 11 digits, got 10');
  });

  test('parseCnpj accepts only CNPJs', () => {
    assert.equal(parseCnpj('12.ABC.345/01DE-35').ok, true);
    const result = parseCnpj('529.982.247-25');
    assert.equal(failureOf(result), 'length');
    assert.equal(reasonOf(result), 'CNPJ must have 14 characters, got 11');
  });

  test('both reject bad characters and wrong check digits', () => {
    assert.equal(failureOf(parseCpf('529.982.247-2?')), 'character');
    assert.equal(failureOf(parseCnpj('12.ABC.345/01DE-3?')), 'character');
    assert.equal(failureOf(parseCpf('529.982.247-52')), 'check_digit');
    assert.equal(failureOf(parseCnpj('12.ABC.345/01DE-53')), 'check_digit');
  });
});

describe('check digit helpers', () => {
  test('cnpjCheckDigits accepts a lower-case base', () => {
    assert.equal(cnpjCheckDigits('12abc34501de'), '35');
  });

  test('bases of the wrong shape are programming errors', () => {
    assert.throws(() => cpfCheckDigits('12345678'), RangeError);
    assert.throws(() => cpfCheckDigits('12345678A'), RangeError);
    assert.throws(() => cnpjCheckDigits('12ABC34501D'), RangeError);
    assert.throws(() => cnpjCheckDigits('12ABC34501D-'), RangeError);
  });
});

describe('formatDocument and maskDocument', () => {
  test('formatDocument applies the CPF and CNPJ masks', () => {
    assert.equal(formatDocument('52998224725'), '529.982.247-25');
    assert.equal(formatDocument('12ABC34501DE35'), '12.ABC.345/01DE-35');
    assert.equal(formatDocument('12345678000195'), '12.345.678/0001-95');
  });

  test('formatDocument leaves other lengths as they are', () => {
    assert.equal(formatDocument('123'), '123');
    assert.equal(formatDocument(''), '');
  });

  test('maskDocument keeps only the middle of a CPF or of a CNPJ root', () => {
    assert.equal(maskDocument('52998224725'), '***.982.247-**');
    assert.equal(maskDocument('529.982.247-25'), '***.982.247-**');
    assert.equal(maskDocument('12ABC34501DE35'), '**.ABC.345/****-**');
    assert.equal(maskDocument('12.abc.345/01de-35'), '**.ABC.345/****-**');
  });

  test('maskDocument stars out anything of another length', () => {
    assert.equal(maskDocument('5299822472'), '**********');
    assert.equal(maskDocument('12.3'), '***');
    assert.equal(maskDocument(''), '');
  });

  test('maskDocument never shows a whole valid document', () => {
    fc.assert(
      fc.property(fc.oneof(digitString(9), alnumString(12)), (base) => {
        const value =
          base.length === 9 ? `${base}${cpfCheckDigits(base)}` : `${base}${cnpjCheckDigits(base)}`;
        const masked = maskDocument(value);
        const visible = masked.replace(/[^0-9A-Z]/g, '');
        assert.ok(visible.length <= 6, masked);
        assert.ok(!masked.includes(value));
      }),
      { numRuns: 500 },
    );
  });
});

describe('properties against @brazilian-utils/brazilian-utils', () => {
  test('a generated CPF base plus our check digits is valid for the oracle, unless all-equal', () => {
    fc.assert(
      fc.property(digitString(9), (base) => {
        const value = `${base}${cpfCheckDigits(base)}`;
        const result = parseCpf(value);
        assert.equal(isValidCpf(value), result.ok);
        if (!result.ok) assert.equal(result.failure, 'repeated');
      }),
      { numRuns: 3000 },
    );
  });

  test('a generated CNPJ base (numeric or alphanumeric) plus our check digits is valid for the oracle', () => {
    fc.assert(
      fc.property(fc.oneof(digitString(12), alnumString(12)), (base) => {
        const value = `${base}${cnpjCheckDigits(base)}`;
        const result = parseCnpj(value);
        assert.equal(isValidCnpj(value, { version: 2 }), result.ok);
        if (!result.ok) assert.equal(result.failure, 'repeated');
      }),
      { numRuns: 3000 },
    );
  });

  test("the oracle's own generated CPFs and CNPJs parse as valid", () => {
    for (let i = 0; i < 1000; i++) {
      const cpf = generateCpf();
      const cnpj = generateCnpj();
      const alphanumeric = generateCnpj(2);
      assert.equal(parseDocument(cpf).ok, true, cpf);
      assert.equal(parseDocument(cnpj).ok, true, cnpj);
      assert.equal(parseDocument(alphanumeric).ok, true, alphanumeric);
    }
  });

  test('random 11- and 14-character strings: our validity equals the oracle validity', () => {
    const alphabet = [...DIGITS, ...UPPER, ...LOWER];
    fc.assert(
      fc.property(
        fc.oneof(
          digitString(11),
          alnumString(11, alphabet),
          digitString(14),
          alnumString(14, alphabet),
          // Digit check digits, so that some candidates are valid by chance.
          fc.tuple(alnumString(12, alphabet), digitString(2)).map(([base, dv]) => `${base}${dv}`),
        ),
        (candidate) => {
          assert.equal(parseDocument(candidate).ok, oracleValid(candidate), candidate);
        },
      ),
      { numRuns: 4000 },
    );
  });

  test('random bases with random (digit) check digits agree with the oracle', () => {
    fc.assert(
      fc.property(fc.oneof(digitString(9), alnumString(12)), digitString(2), (base, dv) => {
        const candidate = `${base}${dv}`;
        assert.equal(parseDocument(candidate).ok, oracleValid(candidate), candidate);
      }),
      { numRuns: 3000 },
    );
  });

  test('format then parse returns the same normalised value', () => {
    fc.assert(
      fc.property(fc.oneof(digitString(9), alnumString(12)), (base) => {
        const value =
          base.length === 9 ? `${base}${cpfCheckDigits(base)}` : `${base}${cnpjCheckDigits(base)}`;
        const parsed = parseDocument(value);
        fc.pre(parsed.ok);
        if (!parsed.ok) return;
        const again = parseDocument(formatDocument(parsed.value));
        assert.deepEqual(again, parsed);
        assert.deepEqual(parseDocument(formatDocument(parsed.value).toLowerCase()), parsed);
      }),
      { numRuns: 2000 },
    );
  });

  test('changing one character of a valid document makes it invalid, unless the oracle agrees it is valid', () => {
    const validDoc = fc
      .oneof(digitString(9), alnumString(12))
      .map((base) =>
        base.length === 9 ? `${base}${cpfCheckDigits(base)}` : `${base}${cnpjCheckDigits(base)}`,
      )
      .filter((value) => parseDocument(value).ok);
    fc.assert(
      fc.property(validDoc, fc.nat(), fc.constantFrom(...DIGITS, ...UPPER), (value, at, replacement) => {
        const index = at % value.length;
        fc.pre(value.charAt(index) !== replacement);
        const mutated = `${value.slice(0, index)}${replacement}${value.slice(index + 1)}`;
        const ours = parseDocument(mutated).ok;
        assert.equal(ours, oracleValid(mutated), mutated);
        // A single changed character in the check digits themselves can never still validate.
        if (index >= value.length - 2) assert.equal(ours, false, mutated);
      }),
      { numRuns: 4000 },
    );
  });
});
