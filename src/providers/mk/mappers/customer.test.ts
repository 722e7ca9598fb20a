// Customer mapping, on fixtures shaped like the recorded WSMKConsultaDoc answers (clients.md §1,
// §5.1, §5.3; values ours).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contactsOf, mainRecord, splitEndereco, toCustomer } from './customer.js';

// The §5.1 form: flat, Fone digits only, CEP 8 digits, one-string address, no coordinates.
const main = {
  CodigoPessoa: 10401,
  Nome: 'JOSÉ ÂNGELO CONCEIÇÃO ÁVILA',
  Email: 'jose@example.com',
  Fone: '49991234567',
  Endereco: 'RUA DAS ACÁCIAS, 120 - JARDIM AMÉRICA, CHAPECÓ',
  CEP: '89805000',
  Situacao: 'Ativo',
};
const other = {
  ...main,
  CodigoPessoa: 10402,
  Email: 'JOSE@example.com; jose.old@example.com',
  Fone: '4933221100',
  Situacao: 'Inativo',
};

test('the one-string address is split into street, number, district and city', () => {
  assert.deepEqual(splitEndereco(main.Endereco), {
    street: 'RUA DAS ACÁCIAS',
    number: '120',
    district: 'JARDIM AMÉRICA',
    city: 'CHAPECÓ',
  });
  assert.deepEqual(splitEndereco('SITIO BOA VISTA'), {
    street: 'SITIO BOA VISTA',
    number: '',
    district: '',
    city: '',
  });
});

test('toCustomer: the contract Customer; estado, complemento and aniversario are unknown', () => {
  assert.deepEqual(toCustomer(main, '2024-05-25'), {
    nome_completo: 'JOSÉ ÂNGELO CONCEIÇÃO ÁVILA',
    aniversario: '',
    data_registro: '2024-05-25',
    ativo: true,
    id_remoto: '10401',
    rua_endereco: 'RUA DAS ACÁCIAS',
    numero_endereco: '120',
    cep_endereco: '89805000',
    cidade_endereco: 'CHAPECÓ',
    complemento_endereco: '',
    bairro_endereco: 'JARDIM AMÉRICA',
    estado_endereco: '',
    email: 'jose@example.com',
    telefone: '49991234567',
  });
  assert.equal(toCustomer({ ...main, Situacao: 'Inativo', Fone: '123', CEP: '' }, '2024-05-25').ativo, false);
});

test('mainRecord: the main registration when active, else the first active one', () => {
  assert.equal(mainRecord([main, other]).CodigoPessoa, 10401);
  assert.equal(mainRecord([other, main]).CodigoPessoa, 10401);
  assert.equal(mainRecord([other]).CodigoPessoa, 10402);
});

test('contacts of every registration, lower-cased e-mails, deduplicated', () => {
  assert.deepEqual(contactsOf([main, other]), [
    { type: 'email', value: 'jose@example.com' },
    { type: 'phone', value: '49991234567' },
    { type: 'email', value: 'jose.old@example.com' },
    { type: 'phone', value: '4933221100' },
  ]);
});
