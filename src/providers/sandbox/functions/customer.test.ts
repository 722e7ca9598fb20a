import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PonteError } from '../../../contract/index.js';
import { fixture } from '../fixtures.js';
import { noonOf, openTestSandbox } from '../sandbox.test-helper.js';
import type { TestSandbox } from '../sandbox.test-helper.js';

const DAY = '2026-11-16';
const doc = (key: string) => ({ customer_document_number: fixture(key).document_number });

describe('customer functions', () => {
  let sb: TestSandbox;
  before(async () => {
    sb = await openTestSandbox({ customers: 0 }, {}, noonOf(DAY));
  });
  after(() => sb.close());

  test('get_customer answers the record; an unknown document is CUSTOMER_NOT_FOUND', async () => {
    const customer = await sb.call('get_customer', doc('due-today'));
    assert.equal(customer.nome_completo, 'Marina Albuquerque Rocha');
    assert.equal(customer.id_remoto, '3');
    assert.equal(customer.ativo, true);
    for (const name of [
      'get_customer',
      'get_customer_contacts',
      'get_internal_pending',
      'list_plans',
      'list_invoices',
    ] as const) {
      await assert.rejects(sb.call(name, { customer_document_number: '111.444.777-35' }), (e: unknown) => {
        assert.ok(e instanceof PonteError && e.code === 'CUSTOMER_NOT_FOUND', name);
        return true;
      });
    }
  });

  test('update_customer changes only the given fields', async () => {
    const before = await sb.call('get_customer', doc('internal-notes'));
    const out = await sb.call('update_customer', {
      ...doc('internal-notes'),
      changes: {
        phone: '(21) 99876-5432',
        address: { number: '500', complement: 'Fundos', latitude: -22.9 },
      },
    });
    assert.equal(out.success, true);
    assert.deepEqual(JSON.parse(out.api_response).campos_alterados, ['phone', 'number', 'complement']);
    const after = await sb.call('get_customer', doc('internal-notes'));
    assert.deepEqual(after, {
      ...before,
      telefone: '21998765432',
      numero_endereco: '500',
      complemento_endereco: 'Fundos',
    });
    const contacts = await sb.call('get_customer_contacts', doc('internal-notes'));
    assert.deepEqual(contacts[1], { type: 'phone', value: '21998765432' });

    const same = await sb.call('update_customer', {
      ...doc('internal-notes'),
      changes: { phone: '21998765432' },
    });
    assert.deepEqual(JSON.parse(same.api_response).campos_alterados, []);
  });
});
