import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import QRCode from 'qrcode';
import { mod11Boleto } from '../brasil/modulo.js';
import { BARCODE_HEIGHT, BARCODE_NARROW, renderBoletoPdf } from './boleto-pdf.js';
import type { BoletoDocument } from './boleto-pdf.js';
import { decodeItf } from './itf.js';
import { extractPageTexts, filledRects } from './pdf-probe.test-helper.js';
import type { Rect } from './pdf-probe.test-helper.js';

const PIX =
  '00020101021226770014BR.GOV.BCB.PIX2555pix.example.com/qr/93598be0-1bd0-4997-8318-81776a1d8a99' +
  '5204000053039865802BR5907EMPRESA6009SAO PAULO62070503***6304EEAB';

const SAMPLE: BoletoDocument = {
  bankCode: '104',
  bankName: 'CAIXA',
  beneficiary: {
    name: 'Provedor Net Ltda',
    document: '11222333000181',
    address: 'Rua das Flores, 100 - Centro - Curitiba/PR',
  },
  payer: { name: 'João da Silva', document: '52998224725', address: 'Av. Brasil, 2000 - Londrina/PR' },
  agencyAccount: '1234 / 567890-1',
  ourNumber: '14000000000012345',
  documentNumber: 'FAT-2022-0510',
  issueDate: '2022-04-25',
  dueDate: '2022-05-10',
  amountCents: 21403,
  barcode: '10499898100000214032006561000100040099726390',
  pixCode: PIX,
  instructions: ['Após o vencimento cobrar multa de 2% e juros de 1% ao mês.'],
  description: 'Plano Fibra 500 Mega - maio/2022',
};

/** The barcode's bars: the tallest filled rectangles on the page, left to right. */
function barcodeBars(rects: readonly Rect[]): Rect[] {
  const tallest = Math.max(...rects.map((r) => r.h));
  return rects.filter((r) => r.h === tallest).sort((a, b) => a.x - b.x);
}

/** Bar, space, bar, … widths measured from the drawn bars, as a scanner would see them. */
function elementWidths(bars: readonly Rect[]): number[] {
  const widths: number[] = [];
  bars.forEach((bar, i) => {
    if (i > 0) {
      const previous = bars[i - 1]!;
      widths.push(bar.x - (previous.x + previous.w));
    }
    widths.push(bar.w);
  });
  return widths;
}

function decodeRenderedBarcode(pdf: Buffer): string {
  return decodeItf(elementWidths(barcodeBars(filledRects(pdf))));
}

/** A valid bank slip barcode from 43 digits (everything but the DV geral). */
function withGeneralDigit(bankAndCurrency: string, rest: string): string {
  return bankAndCurrency + String(mod11Boleto(bankAndCurrency + rest)) + rest;
}

describe('renderBoletoPdf barcode', () => {
  test('the drawn ITF bars decode back to the 44 barcode digits', async () => {
    const pdf = await renderBoletoPdf(SAMPLE, { compress: false });
    assert.equal(decodeRenderedBarcode(pdf), SAMPLE.barcode);
  });

  test('the symbol has FEBRABAN dimensions: 0.254 mm narrow bars, 13 mm high, about 103 mm long', async () => {
    const bars = barcodeBars(filledRects(await renderBoletoPdf(SAMPLE, { compress: false })));
    const mm = (pt: number): number => (pt / 72) * 25.4;
    assert.equal(bars.length, 2 + (44 * 5) / 2 + 2);
    assert.ok(Math.abs(mm(Math.min(...bars.map((b) => b.w))) - 0.254) < 0.001);
    assert.ok(Math.abs(mm(bars[0]!.h) - 13) < 0.01);
    const last = bars.at(-1)!;
    assert.ok(Math.abs(mm(last.x + last.w - bars[0]!.x) - 102.87) < 0.01);
    assert.ok(Math.abs(bars[0]!.h - BARCODE_HEIGHT) < 0.001);
    assert.ok(Math.abs(Math.min(...bars.map((b) => b.w)) - BARCODE_NARROW) < 0.001);
  });

  test('any valid barcode round-trips through the PDF drawing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^\d{39}$/), async (rest) => {
        const barcode = withGeneralDigit('0019', rest);
        const pdf = await renderBoletoPdf(
          { ...SAMPLE, bankCode: '001', barcode, pixCode: undefined },
          { compress: false },
        );
        assert.equal(decodeRenderedBarcode(pdf), barcode);
      }),
      { numRuns: 40 },
    );
  });
});

describe('renderBoletoPdf text', () => {
  test('a viewer extracts the formatted linha digitável, amount, due date and parties', async () => {
    const [page] = await extractPageTexts(await renderBoletoPdf(SAMPLE));
    assert.ok(page);
    assert.ok(page.includes('10492.00650 61000.100042 00997.263900 9 89810000021403'));
    assert.ok(page.includes('R$ 214,03'));
    assert.ok(page.includes('10/05/2022'));
    assert.ok(page.includes('104-0'));
    assert.ok(page.includes('João da Silva - CPF 529.982.247-25'));
    assert.ok(page.includes('Provedor Net Ltda - CNPJ 11.222.333/0001-81'));
    assert.ok(page.includes('14000000000012345'));
    assert.ok(page.includes('Após o vencimento cobrar multa de 2% e juros de 1% ao mês.'));
    for (const label of [
      'Local de Pagamento',
      'Agência / Código do Beneficiário',
      'Nosso Número',
      'Pagador',
    ]) {
      assert.ok(page.includes(label), label);
    }
  });

  test('the Pix copia e cola text is printed in full when there is a Pix code', async () => {
    const [page] = await extractPageTexts(await renderBoletoPdf(SAMPLE));
    const compact = page!.replace(/\s+/g, '');
    assert.ok(compact.includes(PIX.replace(/\s+/g, '')));
    const [withoutPix] = await extractPageTexts(await renderBoletoPdf({ ...SAMPLE, pixCode: undefined }));
    assert.ok(!withoutPix!.includes('Pix'));
  });

  test('prints the bank code with its check digit', async () => {
    const cases = [
      ['001', '0019', '001-9'],
      ['237', '2379', '237-2'],
      ['341', '3419', '341-7'],
      ['748', '7489', '748-X'],
      ['756', '7569', '756-0'],
    ] as const;
    for (const [bankCode, prefix, expected] of cases) {
      const barcode = withGeneralDigit(prefix, SAMPLE.barcode.slice(5));
      const [page] = await extractPageTexts(
        await renderBoletoPdf({ ...SAMPLE, bankCode, barcode, pixCode: undefined }),
      );
      assert.ok(page!.includes(expected), expected);
    }
  });

  test('reduces characters the standard fonts lack and cuts over-long names with an ellipsis', async () => {
    const pdf = await renderBoletoPdf({
      ...SAMPLE,
      payer: { ...SAMPLE.payer, name: `Gheorghiță Ødegård 😀 ${'Muito Comprido '.repeat(20)}` },
    });
    const [page] = await extractPageTexts(pdf);
    assert.ok(page!.includes('Gheorghita Ødegård ? Muito'));
    assert.ok(page!.includes('…'));
  });
});

describe('renderBoletoPdf Pix QR code', () => {
  test('draws exactly the modules of the Pix payload QR code (level M)', async () => {
    const rects = filledRects(await renderBoletoPdf(SAMPLE, { compress: false }));
    const tallest = Math.max(...rects.map((r) => r.h));
    const modules = rects.filter((r) => r.h !== tallest);
    const size = modules[0]!.h;
    const left = Math.min(...modules.map((r) => r.x));
    const top = Math.min(...modules.map((r) => r.y));
    const drawn = new Set<string>();
    for (const r of modules) {
      const row = Math.round((r.y - top) / size);
      const first = Math.round((r.x - left) / size);
      const count = Math.round(r.w / size);
      for (let col = first; col < first + count; col++) drawn.add(`${row},${col}`);
    }
    const expected = QRCode.create(PIX, { errorCorrectionLevel: 'M' }).modules;
    const dark = new Set<string>();
    for (let row = 0; row < expected.size; row++) {
      for (let col = 0; col < expected.size; col++) if (expected.get(row, col)) dark.add(`${row},${col}`);
    }
    assert.deepEqual(drawn, dark);
  });
});

describe('renderBoletoPdf determinism', () => {
  test('the same input gives byte-identical PDFs, compressed or not', async () => {
    assert.ok((await renderBoletoPdf(SAMPLE)).equals(await renderBoletoPdf(SAMPLE)));
    const plain = await renderBoletoPdf(SAMPLE, { compress: false });
    assert.ok(plain.equals(await renderBoletoPdf(SAMPLE, { compress: false })));
  });

  test('creation and modification dates come from the issue date', async () => {
    const raw = (await renderBoletoPdf(SAMPLE, { compress: false })).toString('latin1');
    assert.match(raw, /\/CreationDate \d+ 0 R/);
    assert.equal(raw.split('(D:20220425000000Z)').length - 1, 2);
  });

  test('a different input gives a different PDF', async () => {
    const base = await renderBoletoPdf(SAMPLE);
    for (const change of [
      { ourNumber: '14000000000012346' },
      { pixCode: undefined },
      { issueDate: '2022-04-26' },
      { description: 'Plano Fibra 600 Mega' },
    ]) {
      assert.ok(!base.equals(await renderBoletoPdf({ ...SAMPLE, ...change })), JSON.stringify(change));
    }
  });
});

describe('renderBoletoPdf validation', () => {
  test('rejects a barcode with a wrong DV geral, a bank code it does not start with, and bad amounts', async () => {
    const wrongDigit = `${SAMPLE.barcode.slice(0, 4)}0${SAMPLE.barcode.slice(5)}`;
    await assert.rejects(() => renderBoletoPdf({ ...SAMPLE, barcode: wrongDigit }), /DV geral/);
    await assert.rejects(() => renderBoletoPdf({ ...SAMPLE, bankCode: '237' }), /bank 237/);
    await assert.rejects(() => renderBoletoPdf({ ...SAMPLE, bankCode: '10' }), RangeError);
    await assert.rejects(() => renderBoletoPdf({ ...SAMPLE, amountCents: -1 }), RangeError);
    await assert.rejects(() => renderBoletoPdf({ ...SAMPLE, amountCents: 1.5 }), RangeError);
    await assert.rejects(() => renderBoletoPdf({ ...SAMPLE, dueDate: '2022-02-30' }), RangeError);
  });

  test('keeps a bank code given with its digit', async () => {
    const [page] = await extractPageTexts(await renderBoletoPdf({ ...SAMPLE, bankCode: '104-0' }));
    assert.ok(page!.includes('104-0'));
  });
});
