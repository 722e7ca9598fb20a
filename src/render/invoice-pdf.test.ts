import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { renderInvoicePdf } from './invoice-pdf.js';
import type { InvoiceDocument } from './invoice-pdf.js';
import { extractPageTexts } from './pdf-probe.test-helper.js';

const ACCESS_KEY = '41260111222333000181620010001234561123456789';
const PIX =
  '00020101021226770014BR.GOV.BCB.PIX2555pix.example.com/qr/93598be0-1bd0-4997-8318-81776a1d8a99' +
  '5204000053039865802BR5907EMPRESA6009SAO PAULO62070503***6304EEAB';

const DRAFT: InvoiceDocument = {
  issuer: {
    name: 'Provedor Net Ltda',
    document: '11222333000181',
    stateRegistration: '9012345678',
    address: 'Rua das Flores, 100 - Centro - Curitiba/PR - 80000-000',
  },
  customer: {
    name: 'Maria Souza',
    document: '52998224725',
    address: 'Av. Brasil, 2000',
    customerCode: 'C-1001',
  },
  number: '123456',
  series: '1',
  model: '62',
  issueDate: '2026-01-05',
  accessKey: ACCESS_KEY,
  authorized: false,
  items: [
    { description: 'Plano Fibra 500 Mega', quantity: 1, unitCents: 9990, totalCents: 9990 },
    { description: 'Roteador Wi-Fi (locação)', quantity: 1.5, unitCents: 1000, totalCents: 1500 },
  ],
  totalCents: 11490,
  dueDate: '2026-01-10',
  line: '10492006506100010004200997263900989810000021403',
  pixCode: PIX,
};

const AUTHORIZED: InvoiceDocument = {
  ...DRAFT,
  authorized: true,
  authorizationProtocol: '341260000123456 05/01/2026 10:00:00',
};

async function textOf(doc: InvoiceDocument): Promise<string> {
  return (await extractPageTexts(await renderInvoicePdf(doc))).join('\n');
}

describe('renderInvoicePdf fiscal status', () => {
  test('a note that is not authorised says SEM VALOR FISCAL and is not titled DANFE-COM', async () => {
    const text = await textOf(DRAFT);
    assert.ok(text.includes('SEM VALOR FISCAL'));
    assert.ok(text.includes('FATURA'));
    assert.ok(!text.includes('DANFE-COM'));
  });

  test('an authorised note is a DANFE-COM with its protocol and no SEM VALOR FISCAL', async () => {
    const text = await textOf(AUTHORIZED);
    assert.ok(!text.includes('SEM VALOR FISCAL'));
    assert.ok(text.includes('DANFE-COM'));
    assert.ok(text.includes('Protocolo de Autorização'));
    assert.ok(text.includes('341260000123456 05/01/2026 10:00:00'));
  });

  test('every page of a long unauthorised invoice carries the mark, and every item is listed', async () => {
    const items = Array.from({ length: 120 }, (_, i) => ({
      description: `Serviço adicional ${i + 1}`,
      quantity: 1,
      unitCents: 100 + i,
      totalCents: 100 + i,
    }));
    const pages = await extractPageTexts(await renderInvoicePdf({ ...DRAFT, items }));
    assert.ok(pages.length >= 3);
    for (const page of pages) assert.ok(page.includes('SEM VALOR FISCAL'));
    const all = pages.join('\n');
    for (const item of items) assert.ok(all.includes(`${item.description} `), item.description);
    assert.ok(pages.at(-1)!.includes('Linha digitável'));
    assert.ok(pages.at(1)!.includes('Fatura nº 123456 (continuação)'));
  });
});

describe('renderInvoicePdf content', () => {
  test('shows issuer, customer, identification, access key, items and totals', async () => {
    const text = await textOf(AUTHORIZED);
    for (const expected of [
      'Provedor Net Ltda',
      'CNPJ 11.222.333/0001-81',
      'IE 9012345678',
      'Maria Souza - CPF 529.982.247-25',
      'Código do assinante: C-1001',
      'Modelo 62',
      'Série 1',
      'Número 123456',
      '05/01/2026',
      '4126 0111 2223 3300 0181 6200 1000 1234 5611 2345 6789',
      'Plano Fibra 500 Mega',
      'R$ 99,90',
      '1,5',
      'R$ 15,00',
      'Valor Total da Fatura R$ 114,90',
    ]) {
      assert.ok(text.includes(expected), expected);
    }
    assert.ok(text.replace(/\s/g, '').includes(ACCESS_KEY));
  });

  test('shows the bill: due date, linha digitável and Pix copia e cola', async () => {
    const text = await textOf(DRAFT);
    assert.ok(text.includes('Vencimento: 10/01/2026'));
    assert.ok(text.includes('10492.00650 61000.100042 00997.263900 9 89810000021403'));
    assert.ok(text.replace(/\s/g, '').includes(PIX.replace(/\s/g, '')));
  });

  test('formats a 48-digit arrecadação line in four blocks with their digits', async () => {
    const text = await textOf({ ...DRAFT, line: '846100000005246100291102005460339004695895061080' });
    assert.ok(text.includes('84610000000-5 24610029110-2 00546033900-4 69589506108-0'));
  });

  test('leaves out the access key box and the payment box when there is nothing to show', async () => {
    const text = await textOf({
      ...DRAFT,
      accessKey: '',
      line: undefined,
      pixCode: undefined,
      dueDate: undefined,
    });
    assert.ok(!text.includes('Chave de Acesso'));
    assert.ok(!text.includes('Dados para Pagamento'));
    assert.ok(text.includes('Valor Total da Fatura R$ 114,90'));
  });
});

describe('renderInvoicePdf determinism and validation', () => {
  test('the same input gives byte-identical PDFs and a different one differs', async () => {
    const first = await renderInvoicePdf(DRAFT);
    assert.ok(first.equals(await renderInvoicePdf(DRAFT)));
    assert.ok(!first.equals(await renderInvoicePdf(AUTHORIZED)));
    assert.ok(!first.equals(await renderInvoicePdf({ ...DRAFT, totalCents: 11491 })));
    const raw = (await renderInvoicePdf(DRAFT, { compress: false })).toString('latin1');
    assert.equal(raw.split('(D:20260105000000Z)').length - 1, 2);
  });

  test('rejects a malformed access key, line or date', async () => {
    await assert.rejects(() => renderInvoicePdf({ ...DRAFT, accessKey: '123' }), /accessKey/);
    await assert.rejects(() => renderInvoicePdf({ ...DRAFT, line: '1049' }), /47 or 48/);
    await assert.rejects(() => renderInvoicePdf({ ...DRAFT, issueDate: '05/01/2026' }), RangeError);
  });
});
