// The settlement body against what real IXC clients send (fixtures/real-ixc.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ixcSettingsSchema } from '../settings.js';
import { REAL_OPEN_BILL, REAL_SETTLEMENTS } from './fixtures/real-ixc.js';
import { receiptBody, receiptType } from './receipts.js';

const settings = ixcSettingsSchema.parse({
  base_url: 'https://erp.example/webservice/v1',
  token: '1:abc',
  cash_account_id: 1,
});
const tx = { id: 'tx-1', method: 'cash' as const, amount: 3710, paid_at: '2021-10-24T15:00:00Z' };
const accounts = { cashAccount: '1', planningAccount: REAL_OPEN_BILL.id_conta, branch: '1' };

describe('IXC settlement body', () => {
  test('carries the same fields, with the same meanings, as a real client', () => {
    const body = receiptBody(REAL_OPEN_BILL, tx, accounts, settings, '[ponte:tx:tx-1]');
    const real = REAL_SETTLEMENTS.sdkCash;
    for (const field of Object.keys(real)) assert.ok(field in body, `${field} is sent`);
    assert.deepEqual(
      [body.conta_, body.id_conta, body.tipo_recebimento, body.tipo_lanc, body.previsao],
      [real.conta_, real.id_conta, real.tipo_recebimento, real.tipo_lanc, real.previsao],
    );
    assert.notEqual(body.conta_, body.id_conta, 'the planning account is not the cash account');
    assert.deepEqual([body.credito, body.debito, body.valor_total_recebido], ['37.10', '37.10', '37.10']);
    assert.equal(body.data, '24/10/2021');
  });

  test('tipo_recebimento: Pix and D by default, the tenant choice first, else the bill own', () => {
    assert.equal(receiptType('pix', REAL_OPEN_BILL, settings), 'Pix');
    assert.equal(receiptType('cash', REAL_OPEN_BILL, settings), 'D');
    assert.equal(receiptType('boleto', REAL_OPEN_BILL, settings), 'Boleto');
    const chosen = ixcSettingsSchema.parse({ ...settings, receipt_types: { credit_card: 'Cartão' } });
    assert.equal(receiptType('credit_card', REAL_OPEN_BILL, chosen), 'Cartão');
  });

  test('ids are accepted as numbers or strings and kept as strings', () => {
    assert.equal(settings.cash_account_id, '1');
    assert.equal(ixcSettingsSchema.parse({ ...settings, branch_id: '2' }).branch_id, '2');
    assert.throws(() => ixcSettingsSchema.parse({ ...settings, branch_id: 0 }));
  });
});
