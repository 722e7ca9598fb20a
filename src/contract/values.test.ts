import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { z } from 'zod';
import { cnpjCheckDigits, cpfCheckDigits, formatDocument } from '../brasil/document.js';
import { formatMoney } from '../brasil/money.js';
import {
  amountString,
  base64Pdf,
  centsOfMoneyString,
  documentNumber,
  documentOutput,
  idInput,
  isoDate,
  isoDateTime,
  linhaDigitavel,
  moneyInput,
  moneyString,
  normalisePhone,
  optionalInput,
  phone,
  phoneOutput,
  pixCode,
  ufInput,
  urlOrEmpty,
  zipCodeInput,
  latitude,
  ufOrEmpty,
} from './values.js';

const VALID_LINE = '34191091233456780000712345610005116560000012990';
const VALID_PIX =
  '00020126580014br.gov.bcb.pix01367d9f0335-8dcc-4054-9bf9-0dbd614400965204000053039865406129.905802BR5918NET RAPIDA TELECOM6008CAMPINAS62160512FAT000123456630470C8';

function issuesOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  assert.equal(result.success, false, `expected ${JSON.stringify(value)} to be rejected`);
  return result.error.issues;
}

describe('documentNumber', () => {
  test('normalises masked and unmasked CPF and alphanumeric CNPJ', () => {
    assert.equal(documentNumber.parse('529.982.247-25'), '52998224725');
    assert.equal(documentNumber.parse('52998224725'), '52998224725');
    assert.equal(documentNumber.parse('12.ABC.345/01DE-35'), '12ABC34501DE35');
    assert.equal(documentNumber.parse('12abc34501de35'), '12ABC34501DE35');
    assert.equal(documentNumber.parse('11.222.333/0001-81'), '11222333000181');
  });

  test('marks every invalid document with the INVALID_DOCUMENT code and the reason', () => {
    for (const bad of ['529.982.247-26', '5299822472', '11111111111', '52998224X25', '12.ABC.345/01DE-36']) {
      const [issue, ...rest] = issuesOf(documentNumber, bad);
      assert.equal(rest.length, 0);
      assert.equal(issue!.code, 'custom');
      assert.deepEqual((issue as { params?: unknown }).params, { ponteCode: 'INVALID_DOCUMENT' });
      assert.ok(issue!.message.length > 0);
    }
  });

  test('a non-string is a plain type error, not an invalid document', () => {
    const [issue] = issuesOf(documentNumber, 52998224725);
    assert.equal(issue!.code, 'invalid_type');
  });

  test('any valid CPF or alphanumeric CNPJ, masked or not, normalises to its bare form', () => {
    const digit = fc.constantFrom(...'0123456789');
    const alnum = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    const cpf = fc
      .array(digit, { minLength: 9, maxLength: 9 })
      .map((d) => d.join(''))
      .filter((base) => !/^(\d)\1+$/.test(base))
      .map((base) => base + cpfCheckDigits(base));
    const cnpj = fc
      .array(alnum, { minLength: 12, maxLength: 12 })
      .map((d) => d.join(''))
      .filter((base) => !/^(.)\1+$/.test(base))
      .map((base) => base + cnpjCheckDigits(base));
    fc.assert(
      fc.property(fc.oneof(cpf, cnpj), fc.boolean(), fc.boolean(), (value, masked, lower) => {
        let shown = masked ? formatDocument(value) : value;
        if (lower) shown = shown.toLowerCase();
        assert.equal(documentNumber.parse(shown), value);
        assert.equal(documentOutput.parse(value), value);
      }),
      { numRuns: 2000 },
    );
  });

  test('the output form is bare: a mask or lower case is rejected', () => {
    issuesOf(documentOutput, '529.982.247-25');
    issuesOf(documentOutput, '12abc34501de35');
    issuesOf(documentOutput, '');
  });
});

describe('moneyInput', () => {
  test('reads the API string and JSON numbers into cents', () => {
    assert.equal(moneyInput.parse('129.90'), 12990);
    assert.equal(moneyInput.parse(129.9), 12990);
    assert.equal(moneyInput.parse('129.9'), 12990);
    assert.equal(moneyInput.parse('129'), 12900);
    assert.equal(moneyInput.parse(0), 0);
    assert.equal(moneyInput.parse(' 0.05 '), 5);
  });

  test('rejects more than 2 decimals, negatives, pt-BR forms and non-numbers', () => {
    for (const bad of [1.005, '1.005', -1, '-1.00', '129,90', '1.234,56', 'R$ 10,00', '', true, null]) {
      issuesOf(moneyInput, bad);
    }
    const [issue] = issuesOf(moneyInput, 1.005);
    assert.match(issue!.message, /2 decimal/);
  });

  test('every amount of cents survives as a string and as a number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (cents) => {
        assert.equal(moneyInput.parse(formatMoney(cents)), cents);
        assert.equal(moneyInput.parse(cents / 100), cents);
        assert.equal(centsOfMoneyString(moneyString.parse(formatMoney(cents))), cents);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('moneyString and amountString', () => {
  test('need exactly 2 decimals and a dot', () => {
    assert.equal(moneyString.parse('-1.50'), '-1.50');
    assert.equal(amountString.parse('0.00'), '0.00');
    for (const bad of ['129.9', '129', '129,90', '01.00', '1.000', 129.9]) issuesOf(moneyString, bad);
    issuesOf(amountString, '-1.50');
  });

  test('centsOfMoneyString reads negative amounts', () => {
    assert.equal(centsOfMoneyString('-12.34'), -1234);
    assert.equal(centsOfMoneyString('0.07'), 7);
  });
});

describe('dates', () => {
  test('isoDate accepts real calendar dates only', () => {
    assert.equal(isoDate.parse('2024-02-29'), '2024-02-29');
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-01', '10/12/2026', '2026-12-10T00:00:00Z']) {
      issuesOf(isoDate, bad);
    }
  });

  test('isoDateTime needs an offset or Z', () => {
    assert.ok(isoDateTime.safeParse('2026-11-28T14:03:00-03:00').success);
    assert.ok(isoDateTime.safeParse('2026-11-28T17:03:00Z').success);
    assert.ok(isoDateTime.safeParse('2026-11-28T17:03:00.250Z').success);
    for (const bad of ['2026-11-28T14:03:00', '2026-11-28', '2026-02-30T10:00:00Z'])
      issuesOf(isoDateTime, bad);
  });
});

describe('phone', () => {
  test('normalises masks, spaces, +55 and a trunk 0', () => {
    assert.equal(phone.parse('(19) 98765-4321'), '19987654321');
    assert.equal(phone.parse('+55 (19) 98765-4321'), '19987654321');
    assert.equal(phone.parse('5519987654321'), '19987654321');
    assert.equal(phone.parse('019 98765 4321'), '19987654321');
    assert.equal(phone.parse('19 3234-5678'), '1932345678');
    assert.equal(phone.parse('551932345678'), '1932345678');
    // DDD 55 (Rio Grande do Sul) is not mistaken for the country code.
    assert.equal(phone.parse('55 99123-4567'), '55991234567');
  });

  test('rejects what is not a Brazilian number', () => {
    for (const bad of [
      '98765-4321',
      '+1 415 555 0100',
      '1998765432a',
      '(10) 98765-4321',
      '19887654321',
      '',
    ]) {
      issuesOf(phone, bad);
    }
    assert.equal(normalisePhone('+44 20 7946 0958'), null);
  });

  test('any valid mobile, however written, normalises to DDD + number', () => {
    const ddd = fc
      .integer({ min: 1, max: 9 })
      .chain((a) => fc.integer({ min: 1, max: 9 }).map((b) => `${a}${b}`));
    const subscriber = fc.integer({ min: 0, max: 99_999_999 }).map((n) => `9${String(n).padStart(8, '0')}`);
    fc.assert(
      fc.property(ddd, subscriber, fc.constantFrom('bare', 'mask', 'intl', 'spaces'), (d, n, style) => {
        const shown = {
          bare: `${d}${n}`,
          mask: `(${d}) ${n.slice(0, 5)}-${n.slice(5)}`,
          intl: `+55 ${d} ${n}`,
          spaces: ` ${d} ${n.slice(0, 1)} ${n.slice(1, 5)} ${n.slice(5)} `,
        }[style];
        assert.equal(phone.parse(shown), `${d}${n}`);
        assert.equal(phoneOutput.parse(`${d}${n}`), `${d}${n}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('ids, optional inputs and address parts', () => {
  test('ids are trimmed strings; integers are read as their text', () => {
    assert.equal(idInput.parse(' 58213 '), '58213');
    assert.equal(idInput.parse(58213), '58213');
    for (const bad of ['', '   ', -1, 1.5, null, {}]) issuesOf(idInput, bad);
  });

  test('optional inputs treat null and blank strings as absent, and still check given values', () => {
    const schema = z.object({ birth_date: optionalInput(isoDate) });
    assert.deepEqual(schema.parse({}), {});
    assert.equal(schema.parse({ birth_date: null }).birth_date, undefined);
    assert.equal(schema.parse({ birth_date: '  ' }).birth_date, undefined);
    assert.equal(schema.parse({ birth_date: '1988-04-17' }).birth_date, '1988-04-17');
    assert.equal(schema.safeParse({ birth_date: '1988-02-30' }).success, false);
  });

  test('zip codes, UFs and coordinates are normalised', () => {
    assert.equal(zipCodeInput.parse('13010-111'), '13010111');
    issuesOf(zipCodeInput, '1301-111');
    assert.equal(ufInput.parse(' sp '), 'SP');
    issuesOf(ufInput, 'XX');
    assert.equal(latitude.parse('-22.9056'), -22.9056);
    issuesOf(latitude, 91);
  });
});

describe('output values with check digits', () => {
  test('linha digitável: "" or a line whose check digits hold', () => {
    assert.equal(linhaDigitavel.parse(''), '');
    assert.equal(linhaDigitavel.parse(VALID_LINE), VALID_LINE);
    const broken = VALID_LINE.slice(0, 9) + String((Number(VALID_LINE[9]) + 1) % 10) + VALID_LINE.slice(10);
    issuesOf(linhaDigitavel, broken);
    issuesOf(linhaDigitavel, '34191.09123 34567.800007 12345.610005 1 16560000012990');
  });

  test('pix code: "" or a BR Code whose CRC holds', () => {
    assert.equal(pixCode.parse(''), '');
    assert.equal(pixCode.parse(VALID_PIX), VALID_PIX);
    issuesOf(pixCode, VALID_PIX.replace('129.90', '129.91'));
  });

  test('urls and PDFs', () => {
    assert.equal(urlOrEmpty.parse(''), '');
    assert.ok(urlOrEmpty.safeParse('https://erp.example/boleto/1').success);
    issuesOf(urlOrEmpty, 'ftp://erp.example/boleto/1');
    issuesOf(urlOrEmpty, 'boleto.pdf');
    assert.ok(base64Pdf.safeParse(Buffer.from('%PDF-1.7\n').toString('base64')).success);
    issuesOf(base64Pdf, `data:application/pdf;base64,${Buffer.from('%PDF-1.7\n').toString('base64')}`);
    issuesOf(base64Pdf, Buffer.from('<html>').toString('base64'));
    issuesOf(base64Pdf, '');
  });
});

describe('ufOrEmpty', () => {
  test('maps an ERP state field to a UF or ""', () => {
    assert.equal(ufOrEmpty(' sp'), 'SP');
    assert.equal(ufOrEmpty('São Paulo'), '');
    assert.equal(ufOrEmpty(''), '');
  });
});
