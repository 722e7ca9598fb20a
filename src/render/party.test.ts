import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeParty, labelDocument } from './party.js';

test('labels and formats CPF and CNPJ (alphanumeric included) by length', () => {
  assert.equal(labelDocument('52998224725'), 'CPF 529.982.247-25');
  assert.equal(labelDocument('12ABC34501DE35'), 'CNPJ 12.ABC.345/01DE-35');
  assert.equal(labelDocument('123'), '123');
});

test('describes a party by name and labelled document, or by name alone without one', () => {
  assert.equal(describeParty({ name: 'Maria', document: '52998224725' }), 'Maria - CPF 529.982.247-25');
  assert.equal(describeParty({ name: 'Maria', document: '' }), 'Maria');
});
