// vd_saida rows as the contract's invoices.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { toInvoice } from './invoices.js';

describe('IXC invoices', () => {
  test('invoices: telecom models only, cancelled status, 44-digit keys', () => {
    const sale = {
      id: '5',
      numero_nf: '1001',
      serie: '1',
      modelo_nf: '62',
      status: 'F',
      data_emissao: '2026-05-01',
      valor_total: '99.90',
      nfe_chave: '3'.repeat(44),
    };
    assert.equal(toInvoice(sale)?.chave_acesso.length, 44);
    assert.equal(toInvoice({ ...sale, status: 'C' })?.status, 'cancelled');
    assert.equal(toInvoice({ ...sale, modelo_nf: '55' }), null);
    assert.equal(toInvoice({ ...sale, numero_nf: '' }), null);
  });
});
