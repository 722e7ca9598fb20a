// Bills whose linha digitável or Pix code fail their check digits / CRC reach the caller with ''
// in that field and leave a warning in the log; valid ones pass unchanged.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { barcodeToLine, buildBoletoBarcode } from '../../src/brasil/boleto.js';
import { buildStaticPix } from '../../src/brasil/pix.js';
import type { Bill } from '../../src/contract/index.js';
import { exampleOutput, fakeProvider } from '../helpers/fake-provider.js';
import { send } from '../helpers/http.js';
import { startPonte, type RunningPonte } from '../helpers/ponte.js';

const CPF = '52998224725';

function validLine(dueDate: string, cents: number, seed: string): string {
  return barcodeToLine(
    buildBoletoBarcode({ bank: '341', dueDate, amountCents: cents, freeField: seed.repeat(25) }),
  );
}

function validPix(cents: number, txid: string): string {
  return buildStaticPix({
    key: 'financeiro@netrapida.example',
    amountCents: cents,
    txid,
    merchantName: 'NET RAPIDA TELECOM',
    merchantCity: 'CAMPINAS',
  });
}

/** The same digits with one check digit changed (field 1's, position 10). */
function brokenLine(line: string): string {
  return line.slice(0, 9) + String((Number(line[9]) + 1) % 10) + line.slice(10);
}

/** The same code with its CRC's last hex digit changed. */
function brokenPix(code: string): string {
  return code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');
}

function bill(fatura: string, vencimento: string, seed: string): Bill {
  return {
    ...exampleOutput('get_bill')[0]!,
    fatura,
    remote_id: fatura,
    vencimento,
    valor_inicial: '99.90',
    valor_final: '99.90',
    juros: '0.00',
    multa: '0.00',
    desconto: '0.00',
    linha_digitavel: validLine(vencimento, 9990, seed),
    pix_code: validPix(9990, `FAT${fatura}`),
  };
}

const good = bill('1001', '2026-11-10', '1');
const badLine = { ...bill('1002', '2026-12-10', '2') };
badLine.linha_digitavel = brokenLine(badLine.linha_digitavel);
const badPix = { ...bill('1003', '2027-01-10', '3') };
badPix.pix_code = brokenPix(badPix.pix_code);
const shortLine = { ...bill('1004', '2027-02-10', '4'), linha_digitavel: '3419109123' };
const bothBad = { ...bill('1005', '2027-03-10', '5') };
bothBad.linha_digitavel = brokenLine(bothBad.linha_digitavel);
bothBad.pix_code = brokenPix(bothBad.pix_code);

const provider = fakeProvider({
  id: 'fake',
  functions: {
    list_bills: () => Promise.resolve(structuredClone([good, badLine, badPix, shortLine, bothBad])),
    get_bill: (_conn, input) =>
      Promise.resolve(
        structuredClone(
          [good, badLine, badPix, shortLine, bothBad].filter((b) => b.fatura === input.customer_bill_id),
        ),
      ),
  },
});

interface LogLine {
  level: number;
  msg: string;
  request_id?: string;
}

describe('bill sanitising', () => {
  let ponte: RunningPonte;
  let key: string;

  before(async () => {
    ponte = await startPonte({ providers: [provider] });
    key = (await ponte.createTenant('bills', 'fake')).key;
  });
  after(() => ponte.close());

  const warnings = (requestId: string) =>
    ponte.logs
      .map((l) => JSON.parse(l) as LogLine)
      .filter((l) => l.level === 40 && l.request_id === requestId)
      .map((l) => l.msg);

  test('the test data: valid codes are valid and broken ones are really broken', () => {
    assert.equal(good.linha_digitavel.length, 47);
    assert.notEqual(badLine.linha_digitavel, good.linha_digitavel);
    assert.equal(badLine.linha_digitavel.length, 47);
  });

  test('list_bills: broken fields become "", valid bills pass unchanged, one warning each', async () => {
    const answer = await ponte.call('list_bills', { customer_document_number: CPF }, key, {
      'x-request-id': 'sanitize-list',
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const [a, b, c, d, e] = answer.body as Bill[];
    assert.deepEqual(a, good);
    assert.deepEqual(b, { ...badLine, linha_digitavel: '' });
    assert.deepEqual(c, { ...badPix, pix_code: '' });
    assert.deepEqual(d, { ...shortLine, linha_digitavel: '' });
    assert.deepEqual(e, { ...bothBad, linha_digitavel: '', pix_code: '' });

    const logged = warnings('sanitize-list');
    assert.equal(logged.length, 5, JSON.stringify(logged));
    assert.ok(logged.some((m) => m.includes('1002') && /linha digit/.test(m)));
    assert.ok(logged.some((m) => m.includes('1003') && /Pix/.test(m)));
    assert.ok(logged.some((m) => m.includes('1004') && /linha digit/.test(m)));
    assert.equal(logged.filter((m) => m.includes('1005')).length, 2);
    assert.ok(!logged.some((m) => m.includes('1001')));
  });

  test('get_bill: the same checks for one bill', async () => {
    const ok = await ponte.call(
      'get_bill',
      { customer_bill_id: '1001', customer_document_number: CPF },
      key,
      {
        'x-request-id': 'sanitize-get-ok',
      },
    );
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body, [good]);
    assert.deepEqual(warnings('sanitize-get-ok'), []);

    const broken = await ponte.call(
      'get_bill',
      { customer_bill_id: '1003', customer_document_number: CPF },
      key,
      {
        'x-request-id': 'sanitize-get-bad',
      },
    );
    assert.equal(broken.status, 200);
    assert.deepEqual(broken.body, [{ ...badPix, pix_code: '' }]);
    assert.equal(warnings('sanitize-get-bad').length, 1);
  });

  test('the warnings are counted in /metrics', async () => {
    const metrics = await send(ponte.url, '/metrics');
    const line = metrics.text
      .split('\n')
      .find((l) => l.startsWith('ponte_answer_warnings_total{function="list_bills"'));
    assert.ok(line, 'a warnings sample for list_bills');
    assert.match(line, / 5$/);
  });
});
