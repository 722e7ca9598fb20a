import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { generatePixPayload, getPixPayloadInfo, isValidPixPayload } from '@brazilian-utils/brazilian-utils';
import { PixBuildError, buildDynamicPix, buildStaticPix, crc16, isValidPix, parsePix } from './pix.js';
import type { PixFields, StaticPixInput } from './pix.js';

// Vectors from research/standards.md §2.
const P1 =
  '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D';
const P3 =
  '00020101021226770014BR.GOV.BCB.PIX2555pix.example.com/qr/93598be0-1bd0-4997-8318-81776a1d8a995204000053039865802BR5907EMPRESA6009SAO PAULO62070503***6304EEAB';
const P4 =
  '00020126510014br.gov.bcb.pix0115thalesog@me.com0210Pedido 123520400005303986540510.005802BR5914THALES OGLIARI6015SAO MIGUEL DO O62070503***63040DC6';
const NP1 = P1.slice(0, -1) + 'E';

const P1_INPUT: StaticPixInput = {
  key: '123e4567-e12b-12d1-a456-426655440000',
  merchantName: 'Fulano de Tal',
  merchantCity: 'BRASILIA',
};

/** Replaces the CRC so that only the structure of `payload` can make it invalid. */
function withFixedCrc(payload: string): string {
  const body = payload.slice(0, -4);
  return body + crc16(body);
}

function parsed(payload: string): PixFields {
  const result = parsePix(payload);
  if (!result.ok) assert.fail(`expected ${payload} to parse, got: ${result.reason}`);
  return result.fields;
}

function rejection(payload: string): string {
  const result = parsePix(payload);
  if (result.ok) assert.fail(`expected ${payload} to be rejected`);
  return result.reason;
}

function buildError(build: () => string): PixBuildError {
  try {
    build();
  } catch (error) {
    if (error instanceof PixBuildError) return error;
    throw error;
  }
  assert.fail('expected a PixBuildError');
}

describe('crc16', () => {
  test('CRC16/CCITT-FALSE check value and empty input', () => {
    assert.equal(crc16('123456789'), '29B1');
    assert.equal(crc16(''), 'FFFF');
  });

  test('pads to 4 hex digits and covers the literal 6304', () => {
    assert.equal(crc16(P1.slice(0, -4)), '1D3D');
    assert.equal(crc16(P4.slice(0, -4)), '0DC6');
    assert.match(crc16('A'), /^[0-9A-F]{4}$/);
  });
});

describe('parsePix: vectors', () => {
  test('P1, the Bacen static example', () => {
    assert.deepEqual(parsed(P1), {
      payloadFormat: '01',
      initiationMethod: null,
      gui: 'br.gov.bcb.pix',
      key: '123e4567-e12b-12d1-a456-426655440000',
      url: null,
      description: null,
      amountCents: null,
      merchantName: 'Fulano de Tal',
      merchantCity: 'BRASILIA',
      postalCode: null,
      txid: null,
      crc: '1D3D',
      warnings: [],
    });
  });

  test('P3, dynamic with an upper-case GUI', () => {
    assert.deepEqual(parsed(P3), {
      payloadFormat: '01',
      initiationMethod: 'dynamic',
      gui: 'BR.GOV.BCB.PIX',
      key: null,
      url: 'pix.example.com/qr/93598be0-1bd0-4997-8318-81776a1d8a99',
      description: null,
      amountCents: null,
      merchantName: 'EMPRESA',
      merchantCity: 'SAO PAULO',
      postalCode: null,
      txid: null,
      crc: 'EEAB',
      warnings: [],
    });
  });

  test('P4, e-mail key, free text, amount 10.00, city of exactly 15 characters', () => {
    assert.deepEqual(parsed(P4), {
      payloadFormat: '01',
      initiationMethod: null,
      gui: 'br.gov.bcb.pix',
      key: 'thalesog@me.com',
      url: null,
      description: 'Pedido 123',
      amountCents: 1000,
      merchantName: 'THALES OGLIARI',
      merchantCity: 'SAO MIGUEL DO O',
      postalCode: null,
      txid: null,
      crc: '0DC6',
      warnings: [],
    });
  });

  test('NP1 is rejected for its CRC', () => {
    assert.equal(rejection(NP1), 'CRC mismatch: expected 1D3D, found 1D3E');
    assert.equal(isValidPix(NP1), false);
    assert.equal(isValidPix(P1), true);
  });
});

describe('parsePix: structure', () => {
  const broken: [string, string, RegExp][] = [
    [
      'length running past the end',
      withFixedCrc(P1.replace('5913Fulano', '5999Fulano')),
      /runs past the end/,
    ],
    ['non-digit length', withFixedCrc(P1.replace('5802BR', '58X2BR')), /2-digit id and a 2-digit length/],
    ['non-digit id', withFixedCrc(P1.replace('5802BR', 'A802BR')), /2-digit id and a 2-digit length/],
    ['00 not first', withFixedCrc('52040000' + P1.replace('52040000', '')), /field 00/],
    ['00 not 01', withFixedCrc(P1.replace('000201', '000202')), /field 00/],
    ['63 not last', P1 + '8004abcd', /field 63/],
    ['63 not hex', P1.slice(0, -4) + '1D3G', /field 63/],
    ['63 too short', P1.slice(0, -8) + '63021D', /field 63/],
    ['duplicate field', withFixedCrc(P1.replace('5802BR', '5802BR5802BR')), /appears twice/],
    ['broken template 26', withFixedCrc(P1.replace('0136123e', '0199123e')), /template 26/],
    ['broken template 62', withFixedCrc(P1.replace('62070503***', '62070509***')), /template 62/],
    [
      'another GUI only',
      withFixedCrc(P1.replace('br.gov.bcb.pix', 'br.gov.bcb.xyz')),
      /missing Pix merchant account/,
    ],
    ['no template 26', withFixedCrc(P1.replace(/26580014.*?(?=5204)/, '')), /missing Pix merchant account/],
    [
      'key and URL',
      withFixedCrc(P1.replace('26580014', '26650014').replace('5204', '2503a.b5204')),
      /exactly one/,
    ],
    ['empty key', withFixedCrc(P1.replace(/2658.*?(?=5204)/, '26220014br.gov.bcb.pix0100')), /empty/],
    ['missing 52', withFixedCrc(P1.replace('52040000', '')), /missing field 52/],
    ['bad 52', withFixedCrc(P1.replace('52040000', '5204ABCD')), /field 52/],
    ['missing 53', withFixedCrc(P1.replace('5303986', '')), /missing field 53/],
    ['currency USD', withFixedCrc(P1.replace('5303986', '5303840')), /field 53/],
    ['missing 58', withFixedCrc(P1.replace('5802BR', '')), /missing field 58/],
    ['country AR', withFixedCrc(P1.replace('5802BR', '5802AR')), /field 58/],
    ['missing 59', withFixedCrc(P1.replace('5913Fulano de Tal', '')), /missing field 59/],
    ['empty 59', withFixedCrc(P1.replace('5913Fulano de Tal', '5900')), /missing field 59/],
    ['missing 60', withFixedCrc(P1.replace('6008BRASILIA', '')), /missing field 60/],
    ['initiation 13', withFixedCrc(P1.replace('000201', '000201010213')), /field 01/],
    ['amount with a comma', withFixedCrc(P1.replace('5802BR', '540510,005802BR')), /invalid amount/],
    ['amount with 3 decimals', withFixedCrc(P1.replace('5802BR', '54051.0005802BR')), /invalid amount/],
    [
      'amount over 13 characters',
      withFixedCrc(P1.replace('5802BR', '541412345678901.005802BR')),
      /invalid amount/,
    ],
  ];

  for (const [name, payload, reason] of broken) {
    test(`rejects ${name} even with a matching CRC`, () => {
      assert.match(rejection(payload), reason);
    });
  }

  test('the empty string and arbitrary text are rejected', () => {
    assert.match(rejection(''), /field 00/);
    assert.equal(isValidPix('hello world'), false);
    assert.equal(isValidPix(P1 + '\n'), false);
  });

  test('a lower-case CRC is accepted with a warning', () => {
    const fields = parsed(P1.slice(0, -4) + '1d3d');
    assert.equal(fields.crc, '1D3D');
    assert.deepEqual(fields.warnings, ['CRC written in lower case']);
  });
});

describe('parsePix: leniency', () => {
  test('missing field 62 is accepted and noted', () => {
    const fields = parsed(withFixedCrc(P1.replace('62070503***', '')));
    assert.equal(fields.txid, null);
    assert.deepEqual(fields.warnings, ['field 62 (additional data, txid) missing']);
  });

  test('over-long name, city and txid are accepted with warnings', () => {
    const name = 'Fulano de Tal e Companhia Limitada';
    const fields = parsed(
      withFixedCrc(
        P1.replace('5913Fulano de Tal', `59${name.length}${name}`)
          .replace('6008BRASILIA', '6019SAO JOSE DOS CAMPOS')
          .replace('62070503***', '62340530ABCDEFGHIJKLMNOPQRSTUVWXYZ1234'),
      ),
    );
    assert.equal(fields.merchantName, name);
    assert.equal(fields.merchantCity, 'SAO JOSE DOS CAMPOS');
    assert.equal(fields.txid, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ1234');
    assert.equal(fields.warnings.length, 3);
  });

  test('a txid outside [A-Za-z0-9] is kept with a warning', () => {
    const fields = parsed(withFixedCrc(P1.replace('62070503***', '62090505ab-cd')));
    assert.equal(fields.txid, 'ab-cd');
    assert.match(fields.warnings.join(), /txid/);
  });

  test('amounts with 0, 1 or 2 decimals are read as integer cents', () => {
    const cases: [string, number][] = [
      ['10', 1000],
      ['10.5', 1050],
      ['0.01', 1],
      ['1234567890.12', 123_456_789_012],
      ['9999999999.99', 999_999_999_999],
    ];
    for (const [text, cents] of cases) {
      const amount = `54${String(text.length).padStart(2, '0')}${text}`;
      assert.equal(parsed(withFixedCrc(P1.replace('5802BR', `${amount}5802BR`))).amountCents, cents, text);
    }
  });

  test('postal code, unknown templates and a second scheme template are tolerated', () => {
    const payload = withFixedCrc(
      P1.replace('5204', '27180008br.other0102xy5204')
        .replace('62070503***', '61087000000062070503***')
        .replace('6304', '80080004abcd6304'),
    );
    const fields = parsed(payload);
    assert.equal(fields.postalCode, '70000000');
    assert.equal(fields.key, P1_INPUT.key);
    assert.deepEqual(fields.warnings, []);
  });

  test('accented text (CRC over UTF-8), a second Pix template and a 62 without txid are noted', () => {
    const payload = withFixedCrc(
      P1.replace('6008BRASILIA', '6009SÃO PAULO')
        .replace('5204', '27290014BR.GOV.BCB.PIX0107other@x5204')
        .replace('62070503***', '6200'),
    );
    const fields = parsed(payload);
    assert.equal(fields.merchantCity, 'SÃO PAULO');
    assert.equal(fields.key, P1_INPUT.key);
    assert.deepEqual(fields.warnings, [
      'payload contains characters outside printable ASCII',
      'more than one Pix merchant account template; the first one is used',
      'field 62-05 (txid) missing',
    ]);
  });

  test('initiation 11 reads as static', () => {
    assert.equal(parsed(withFixedCrc(P1.replace('000201', '000201010211'))).initiationMethod, 'static');
  });
});

describe('buildStaticPix', () => {
  test('reproduces the Bacen example P1 byte for byte', () => {
    assert.equal(buildStaticPix(P1_INPUT), P1);
  });

  test('reproduces P4 byte for byte, folding accents and keeping case', () => {
    const input = {
      key: 'thalesog@me.com',
      description: 'Pedido 123',
      amountCents: 1000,
      merchantName: 'THALES OGLIARI',
      merchantCity: 'SÃO MIGUEL DO Ó',
    };
    assert.equal(buildStaticPix(input), P4);
    const folded = parsed(
      buildStaticPix({ ...input, merchantName: 'Thalés Ogliári', merchantCity: 'São Miguel do Ó' }),
    );
    assert.equal(folded.merchantName, 'Thales Ogliari');
    assert.equal(folded.merchantCity, 'Sao Miguel do O');
  });

  test('writes the txid and the amount', () => {
    const fields = parsed(buildStaticPix({ ...P1_INPUT, txid: 'Fatura2026x03', amountCents: 9_990 }));
    assert.equal(fields.txid, 'Fatura2026x03');
    assert.equal(fields.amountCents, 9_990);
    assert.equal(fields.initiationMethod, null);
    assert.match(buildStaticPix({ ...P1_INPUT, amountCents: 5 }), /54040\.05/);
  });

  test('a blank description is left out', () => {
    assert.equal(buildStaticPix({ ...P1_INPUT, description: '  ' }), P1);
  });

  test('the longest payload the limits allow stays far below 512 characters', () => {
    const payload = buildStaticPix({
      key: 'k'.repeat(40),
      description: 'd'.repeat(33),
      amountCents: 999_999_999_999,
      txid: 't'.repeat(25),
      merchantName: 'n'.repeat(25),
      merchantCity: 'c'.repeat(15),
    });
    assert.ok(payload.length <= 512);
    assert.equal(parsed(payload).warnings.length, 0);
  });

  const invalid: [string, Partial<StaticPixInput>][] = [
    ['merchantName', { merchantName: 'Á'.repeat(26) }],
    ['merchantName', { merchantName: '' }],
    ['merchantName', { merchantName: '   ' }],
    ['merchantName', { merchantName: '€\u0007🙂' }], // nothing survives folding
    ['merchantCity', { merchantCity: 'SAO JOSE DOS CAMPOS' }],
    ['merchantCity', { merchantCity: '' }],
    ['txid', { txid: '' }],
    ['txid', { txid: '***' }],
    ['txid', { txid: 'fatura-123' }],
    ['txid', { txid: 'x'.repeat(26) }],
    ['amountCents', { amountCents: 0 }],
    ['amountCents', { amountCents: -100 }],
    ['amountCents', { amountCents: 10.5 }],
    ['amountCents', { amountCents: 1_000_000_000_000 }],
    ['key', { key: '' }],
    ['key', { key: 'fulano @example.com' }],
    ['key', { key: 'k'.repeat(78) }],
    ['description', { description: 'd'.repeat(38) }],
  ];
  for (const [field, override] of invalid) {
    test(`refuses ${field} ${JSON.stringify(override)}`, () => {
      assert.equal(buildError(() => buildStaticPix({ ...P1_INPUT, ...override })).field, field);
    });
  }

  test('runs of spaces are collapsed and the ends trimmed', () => {
    const fields = parsed(
      buildStaticPix({ ...P1_INPUT, merchantName: ' Fulano   de\tTal ', description: 'a  b' }),
    );
    assert.equal(fields.merchantName, 'Fulano de Tal');
    assert.equal(fields.description, 'a b');
  });

  test('the limits apply after folding: 25 accented letters are accepted', () => {
    assert.equal(
      parsed(buildStaticPix({ ...P1_INPUT, merchantName: 'Á'.repeat(25) })).merchantName,
      'A'.repeat(25),
    );
  });
});

describe('buildDynamicPix', () => {
  const url = 'pix.example.com/qr/93598be0-1bd0-4997-8318-81776a1d8a99';

  test('matches P3 up to the GUI case, strips https:// and writes 010212 when single use', () => {
    const payload = buildDynamicPix({
      url: `https://${url}`,
      merchantName: 'EMPRESA',
      merchantCity: 'SAO PAULO',
      singleUse: true,
    });
    assert.equal(payload.slice(0, -4), P3.replace('BR.GOV.BCB.PIX', 'br.gov.bcb.pix').slice(0, -4));
    assert.equal(
      payload,
      generatePixPayload({ url, merchantName: 'EMPRESA', merchantCity: 'SAO PAULO' }),
      'the oracle writes the same dynamic payload',
    );
  });

  test('leaves 01 out when not single use and carries an amount', () => {
    const fields = parsed(
      buildDynamicPix({ url, merchantName: 'Empresa', merchantCity: 'Brasília', amountCents: 12_345 }),
    );
    assert.equal(fields.initiationMethod, null);
    assert.equal(fields.url, url);
    assert.equal(fields.key, null);
    assert.equal(fields.txid, null);
    assert.equal(fields.amountCents, 12_345);
    assert.equal(fields.merchantCity, 'Brasilia');
  });

  test('refuses bad URLs', () => {
    const base = { merchantName: 'A', merchantCity: 'B' };
    for (const bad of [
      '',
      'https://',
      'http://pix.example.com/qr/1',
      'pix.example.com/qr 1',
      'a'.repeat(78),
    ]) {
      assert.equal(buildError(() => buildDynamicPix({ ...base, url: bad })).field, 'url', bad);
    }
    assert.ok(buildDynamicPix({ ...base, url: 'a'.repeat(77) }));
  });
});

// Letters with the ASCII they must fold to, so that expectations do not depend on foldAscii.
const LETTERS: [string, string][] = [
  ...[...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .-&'].map((c): [string, string] => [
    c,
    c,
  ]),
  ...[...'áàâãäéêíóôõöúüçñ'].map((c, i): [string, string] => [c, 'aaaaaeeioooouucn'[i]!]),
  ...[...'ÁÀÂÃÉÊÍÓÔÕÚÇ'].map((c, i): [string, string] => [c, 'AAAAEEIOOOUC'[i]!]),
];

const text = (maxLength: number) =>
  fc
    .array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength })
    .map((pairs) => ({
      raw: pairs.map((p) => p[0]).join(''),
      folded: pairs
        .map((p) => p[1])
        .join('')
        .trim()
        .replace(/ {2,}/g, ' '),
    }))
    .filter((t) => t.folded !== '');

const DDDS = ['11', '21', '31', '41', '47', '51', '61', '71', '81', '91'];
const key = fc.oneof(
  fc.uuid(),
  fc
    .tuple(
      fc.stringMatching(/^[a-z0-9]{1,20}$/),
      fc.stringMatching(/^[a-z]{1,15}$/),
      fc.constantFrom('.com', '.com.br'),
    )
    .map(([user, domain, tld]) => `${user}@${domain}${tld}`),
  fc
    .tuple(fc.constantFrom(...DDDS), fc.stringMatching(/^9\d{8}$/))
    .map(([ddd, number]) => `+55${ddd}${number}`),
);

const staticInput = fc.record({
  key,
  name: text(25),
  city: text(15),
  description: fc.option(text(30), { nil: undefined }),
  amountCents: fc.option(fc.integer({ min: 1, max: 999_999_999_999 }), { nil: undefined }),
  txid: fc.option(fc.stringMatching(/^[A-Za-z0-9]{1,25}$/), { nil: undefined }),
});

type Generated = typeof staticInput extends fc.Arbitrary<infer T> ? T : never;

function build(g: Generated): string | PixBuildError {
  try {
    return buildStaticPix({
      key: g.key,
      merchantName: g.name.raw,
      merchantCity: g.city.raw,
      description: g.description?.raw,
      amountCents: g.amountCents,
      txid: g.txid,
    });
  } catch (error) {
    if (error instanceof PixBuildError) return error;
    throw error;
  }
}

describe('properties', () => {
  test('build -> parse round trip', () => {
    fc.assert(
      fc.property(staticInput, (g) => {
        const payload = build(g);
        const templateLength = 18 + 4 + g.key.length + (g.description ? 4 + g.description.folded.length : 0);
        if (payload instanceof PixBuildError) {
          assert.equal(payload.field, 'description');
          assert.ok(templateLength > 99);
          return;
        }
        assert.ok(templateLength <= 99);
        assert.deepEqual(parsed(payload), {
          payloadFormat: '01',
          initiationMethod: null,
          gui: 'br.gov.bcb.pix',
          key: g.key,
          url: null,
          description: g.description?.folded ?? null,
          amountCents: g.amountCents ?? null,
          merchantName: g.name.folded,
          merchantCity: g.city.folded,
          postalCode: null,
          txid: g.txid ?? null,
          crc: payload.slice(-4),
          warnings: [],
        });
      }),
      { numRuns: 3000 },
    );
  });

  test('agrees with the @brazilian-utils oracle on generated payloads', () => {
    fc.assert(
      fc.property(staticInput, (g) => {
        const payload = build(g);
        if (payload instanceof PixBuildError) return;
        const oracle = generatePixPayload({
          key: g.key,
          merchantName: g.name.raw,
          merchantCity: g.city.raw,
          description: g.description?.raw,
          amount: g.amountCents === undefined ? undefined : g.amountCents / 100,
          txid: g.txid,
        });
        assert.equal(payload, oracle);
        assert.equal(isValidPixPayload(payload), true);
        const info = getPixPayloadInfo(payload);
        assert.equal(info?.key, g.key);
        assert.equal(info?.merchantName, g.name.folded);
        assert.equal(info?.merchantCity, g.city.folded);
        assert.equal(info?.txid, g.txid);
      }),
      { numRuns: 3000 },
    );
  });

  test('a payload with one character changed is rejected by both parsers', () => {
    fc.assert(
      fc.property(staticInput, fc.nat(), fc.integer({ min: 0x20, max: 0x7e }), (g, at, code) => {
        const payload = build(g);
        if (payload instanceof PixBuildError) return;
        const index = at % payload.length;
        const replacement = String.fromCharCode(code);
        const original = payload[index]!;
        // A CRC digit whose case alone changed still names the same CRC, which both parsers accept.
        const sameCrc = index >= payload.length - 4 && replacement.toUpperCase() === original.toUpperCase();
        fc.pre(replacement !== original && !sameCrc);
        const mutated = payload.slice(0, index) + replacement + payload.slice(index + 1);
        assert.equal(isValidPix(mutated), false, mutated);
        assert.equal(isValidPixPayload(mutated), false, mutated);
      }),
      { numRuns: 3000 },
    );
  });

  test('dynamic payloads round-trip and match the oracle', () => {
    fc.assert(
      fc.property(fc.uuid(), text(25), text(15), (id, name, city) => {
        const url = `pix.example.com/qr/v2/${id}`;
        const payload = buildDynamicPix({
          url: `https://${url}`,
          merchantName: name.raw,
          merchantCity: city.raw,
          singleUse: true,
        });
        assert.equal(payload, generatePixPayload({ url, merchantName: name.raw, merchantCity: city.raw }));
        const fields = parsed(payload);
        assert.deepEqual(
          [fields.initiationMethod, fields.url, fields.merchantName, fields.merchantCity],
          ['dynamic', url, name.folded, city.folded],
        );
      }),
      { numRuns: 1000 },
    );
  });

  test('isValidPix answers what parsePix answers, on valid codes and on broken ones with a correct CRC', () => {
    // Pieces that make structural mistakes likely: TLV headers, ids the parser looks for, the GUI.
    const piece = fc.oneof(
      fc.constantFrom('0002', '000201', '0104', '010211', '010213', '2600', '26140014br.gov.bcb.pix'),
      fc.constantFrom('0014BR.GOV.BCB.PIX', '5204', '52040000', '5303986', '5303987', '54', '5802BR', '5800'),
      fc.constantFrom('5900', '6000', '6205', '62070503***', '6304', '0114', '2500', '99', '0', ' ', 'é'),
      fc.stringMatching(/^[0-9A-Za-z.*]{1,6}$/),
    );
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 6 }),
      insert: fc.array(piece, { maxLength: 3 }),
    });
    const base = fc.oneof(
      staticInput.map((g) => build(g)),
      fc.tuple(fc.uuid(), text(25), text(15), fc.boolean()).map(([id, name, city, singleUse]) =>
        buildDynamicPix({
          url: `https://pix.example.com/qr/${id}`,
          merchantName: name.raw,
          merchantCity: city.raw,
          singleUse,
        }),
      ),
    );
    fc.assert(
      fc.property(base, fc.array(edit, { maxLength: 3 }), fc.boolean(), (payload, edits, fixCrc) => {
        if (payload instanceof PixBuildError) return;
        let body = payload.slice(0, -4);
        for (const { at, remove, insert } of edits) {
          const i = at % (body.length + 1);
          body = body.slice(0, i) + insert.join('') + body.slice(i + remove);
        }
        const mutated = fixCrc ? body + crc16(body) : body + payload.slice(-4);
        assert.equal(isValidPix(mutated), parsePix(mutated).ok, mutated);
      }),
      { numRuns: 20_000 },
    );
    for (const odd of ['', '0', '000201', '00020163', '0002016304', `000201${'6304'}ABCD`, 'hello world']) {
      assert.equal(isValidPix(odd), parsePix(odd).ok, odd);
    }
    // Field values at the edges of each rule, in an otherwise valid code with its CRC recomputed.
    const valid = buildStaticPix({
      key: 'financeiro@example.com',
      amountCents: 12990,
      txid: 'FAT1',
      merchantName: 'NET RAPIDA',
      merchantCity: 'CAMPINAS',
    });
    const edges: [string, string][] = [
      ['54', '1234567890.00'],
      ['54', '12345678901.00'],
      ['54', '1.234'],
      ['54', ''],
      ['54', '.50'],
      ['53', ''],
      ['53', '0986'],
      ['52', '00a0'],
      ['52', '00000'],
      ['01', '13'],
      ['01', '12'],
      ['58', 'br'],
      ['59', ''],
      ['60', ''],
      ['62', '0503***0'],
      ['62', ''],
      ['26', '0014br.gov.bcb.pix0100'],
      ['26', '0014br.gov.bcb.pix2505a.com'],
      ['26', '0014Br.Gov.Bcb.Pix0101x'],
      ['27', '0004none'],
      ['27', '00x'],
    ];
    for (const [id, value] of edges) {
      const code = withField(valid, id, value);
      assert.equal(isValidPix(code), parsePix(code).ok, `${id}=${value}: ${code}`);
    }
  });
});

/** `payload` with top-level field `id` set to `value` (replaced, or added before the CRC), CRC recomputed. */
function withField(payload: string, id: string, value: string): string {
  const fields: [string, string][] = [];
  for (let pos = 0; pos < payload.length - 8;) {
    const length = Number(payload.slice(pos + 2, pos + 4));
    fields.push([payload.slice(pos, pos + 2), payload.slice(pos + 4, pos + 4 + length)]);
    pos += 4 + length;
  }
  const at = fields.findIndex(([f]) => f === id);
  if (at >= 0) fields[at] = [id, value];
  else fields.push([id, value]);
  const body = fields.map(([f, v]) => f + String(v.length).padStart(2, '0') + v).join('') + '6304';
  return body + crc16(body);
}
