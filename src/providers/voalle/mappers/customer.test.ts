// people/txid as recorded on a real tenant (FIKTA; field set and forms, values ours) -> Customer,
// contacts and the update bodies.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addressUpdateBody,
  contactsOf,
  customerFromPerson,
  parsePerson,
  personUpdateBody,
} from './customer.js';

const response = {
  id: 48201,
  name: 'Maria Aparecida Nogueira',
  name2: '',
  txId: '31847620503',
  email: 'maria.nogueira@example.com',
  status: 1,
  phone: '(35) 3821-4455',
  birthDate: '1984-03-17T00:00:00',
  cellPhone: '35991234567',
  mainAddress: {
    streetType: 'Rua',
    street: 'das Palmeiras',
    number: '120',
    addressComplement: 'Apto 302',
    neighborhood: 'Centro',
    city: 'Lavras',
    codeCityId: 3138203,
    addressReference: '',
    state: 'MG',
    postalCode: '37200-000',
    longitude: null,
    latitude: null,
  },
  titles: [
    { id: 1, billet: { issueDate: '2025-02-10T00:00:00' } },
    { id: 2, billet: { issueDate: '2024-11-10T00:00:00' } },
  ],
};

describe('Voalle people -> Customer', () => {
  test('the recorded fields map; the earliest embedded title stands in for the registration date', () => {
    const c = customerFromPerson(parsePerson(response)!, '2026-06-15');
    assert.deepEqual(c, {
      nome_completo: 'Maria Aparecida Nogueira',
      aniversario: '1984-03-17',
      data_registro: '2024-11-10',
      ativo: true,
      id_remoto: '48201',
      rua_endereco: 'Rua das Palmeiras',
      numero_endereco: '120',
      cep_endereco: '37200000',
      cidade_endereco: 'Lavras',
      complemento_endereco: 'Apto 302',
      bairro_endereco: 'Centro',
      estado_endereco: 'MG',
      email: 'maria.nogueira@example.com',
      telefone: '35991234567',
    });
  });

  test('a company: birthDate null is ""; without titles the registration date is today', () => {
    const c = customerFromPerson(
      parsePerson({ ...response, birthDate: null, titles: [], status: 2 })!,
      '2026-06-15',
    );
    assert.deepEqual([c.aniversario, c.data_registro, c.ativo], ['', '2026-06-15', false]);
  });

  test('contacts: e-mail and both phones, deduplicated', () => {
    const p = parsePerson({ ...response, phone: '35991234567' })!;
    assert.deepEqual(contactsOf(p), [
      { type: 'email', value: 'maria.nogueira@example.com' },
      { type: 'phone', value: '35991234567' },
    ]);
  });

  test('update bodies: only the given parts; the address is sent whole', () => {
    assert.deepEqual(personUpdateBody('48201', { email: 'novo@example.com' }), {
      id: 48201,
      email: { email: 'novo@example.com' },
    });
    assert.equal(personUpdateBody('48201', { address: { number: '9' } }), null);
    const body = addressUpdateBody(parsePerson(response)!, { number: '9' });
    assert.deepEqual(body, {
      id: 48201,
      publicPlace: 'das Palmeiras',
      number: '9',
      complement: 'Apto 302',
      neighborhood: 'Centro',
      city: 'Lavras',
      state: 'MG',
      zipCode: '37200000',
      ibgeCode: '3138203',
      reference: '',
    });
  });
});
