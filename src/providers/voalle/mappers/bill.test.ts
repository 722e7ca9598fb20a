// Titles as real tenants answered them (FIKTA's recorded getopentitlesbytxid / gettitlesbytxid
// shapes and the Dart app's model; the values are ours) -> Bills.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { billFromTitle, parseTitle, titleStatus } from './bill.js';

const openItem = {
  id: 771002,
  contractNumber: 23401,
  billet: {
    bankTitleNumber: null,
    barcode: null,
    typefulLine: '00190.00009 03344.001237 45077.100217 1 12340000012990',
    pixQRCode: '',
    title: 'FAT771002',
    issueDate: '2026-05-14T00:00:00',
    expirationDate: '2026-06-03T00:00:00',
    processingDate: '2026-05-14T00:00:00',
    status: 'Vencida',
    // Whole numbers for value, fine and discount, decimals for interest and finalValue, as recorded.
    amount: { value: 129.9, finalValue: 133.02, discount: 0, fine: 2.6, interest: 0.52 },
  },
  client: { txId: '31847620503', name: 'Maria Aparecida Nogueira', address: { city: 'Lavras' } },
  companyPlace: { txId: '11222333000181', name: 'VALE NET' },
  bank: {
    code: '001',
    name: 'Banco do Brasil S.A.',
    agency: { number: '3344', digit: '5' },
    account: { number: '0012345', digit: 'X' },
    bankUse: '',
  },
  collectionType: { specieTitle: 'DMI', loanPortfolio: '17', quantity: '1', accept: 'N' },
};

describe('Voalle titles -> Bill', () => {
  test("an overdue title keeps Voalle's own fine and interest, and they add up", () => {
    const bill = billFromTitle(parseTitle(openItem), '31847620503');
    assert.deepEqual(
      [bill.valor_inicial, bill.multa, bill.juros, bill.desconto, bill.valor_final],
      ['129.90', '2.60', '0.52', '0.00', '133.02'],
    );
    assert.equal(bill.fatura, '771002');
    assert.equal(bill.remote_id, '771002');
    assert.equal(bill.vencimento, '2026-06-03');
    assert.equal(bill.emissao, '2026-05-14');
    assert.equal(bill.code_fatura, 'FAT771002');
    assert.equal(bill.historico, 'Contrato 23401 - FAT771002');
    assert.equal(bill.linha_digitavel, '00190000090334400123745077100217112340000012990');
    assert.equal(bill.status, 'open');
    assert.equal(bill.link_boleto, '');
  });

  test('a finalValue that contradicts the split is ERP_BAD_RESPONSE', () => {
    const item = {
      ...openItem,
      billet: { ...openItem.billet, amount: { ...openItem.billet.amount, finalValue: 140 } },
    };
    assert.throws(() => billFromTitle(parseTitle(item), '31847620503'), /finalValue/);
  });

  test('the bare shape (no status, no item contractNumber) is an open bill', () => {
    const { contractNumber: _, ...bare } = openItem;
    const { status: __, ...billet } = openItem.billet;
    const bill = billFromTitle(parseTitle({ ...bare, billet }), '31847620503');
    assert.equal(bill.status, 'open');
    assert.equal(bill.historico, 'FAT771002');
  });

  test('gettitlesbytxid: status in billet or on the item; a paid title values what was received', () => {
    const paid = {
      ...openItem,
      billet: {
        ...openItem.billet,
        status: 'Paga',
        amount: { value: 129.9, finalValue: 129.9, discount: 0, fine: 0, interest: 0, originalValue: 129.9 },
        receipts: {
          ammount: 133.02,
          discount: 0,
          fine: 2.6,
          interest: 0.52,
          receiptDate: '2026-06-10T00:00:00',
        },
      },
    };
    const bill = billFromTitle(parseTitle(paid), '31847620503');
    assert.deepEqual([bill.status, bill.valor_final, bill.juros], ['paid', '133.02', '3.12']);
    const { status: _, ...billet } = openItem.billet;
    assert.equal(parseTitle({ ...openItem, status: 'Cancelada', billet }).status, 'cancelled');
  });

  test('status labels, with and without accents', () => {
    assert.deepEqual(['Em aberto', 'Vencida', 'Paga', 'Cancelada', 'Cancelado', '', null].map(titleStatus), [
      'open',
      'open',
      'paid',
      'cancelled',
      'cancelled',
      null,
      null,
    ]);
  });

  test('a title without an id or a due date is ERP_BAD_RESPONSE', () => {
    assert.throws(() => parseTitle({ billet: openItem.billet }), /without an id/);
    assert.throws(
      () => parseTitle({ id: 1, billet: { ...openItem.billet, expirationDate: null } }),
      /due date/,
    );
  });
});
