// The cliente mapper: customer, contacts, birth dates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { customerSchema } from '../../../contract/index.js';
import { birthDate, toContacts, toCustomer } from './customers.js';
import { cliente } from './samples.js';

test('an unknown birth date (the epoch artifact) is ""', () => {
  assert.equal(birthDate('1969-12-31 04:00:00'), '');
  assert.equal(birthDate('1994-03-10'), '1994-03-10');
  assert.equal(birthDate(null), '');
});

test('customer: address from the first service, bare CEP, no birth date', () => {
  const c = toCustomer(cliente);
  assert.ok(customerSchema.safeParse(c).success);
  assert.equal(c.rua_endereco, 'RUA DONA MARIA DAS DORES');
  assert.equal(c.cep_endereco, '35501048');
  assert.equal(c.aniversario, '');
  assert.equal(c.ativo, true);
});

test('contacts are deduplicated and normalised', () => {
  assert.deepEqual(toContacts(cliente), [
    { type: 'email', value: 'guilherme@silva.com.br' },
    { type: 'phone', value: '37988242968' },
  ]);
});
