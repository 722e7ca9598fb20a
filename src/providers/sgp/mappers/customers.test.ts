// consultacliente entries -> Customer, Contacts, Plan, with an entry shaped as the vendor's example
// (placeholders replaced by plausible values) and the object-form contacts seen on a real tenant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toContacts, toCustomer, toPlan } from './customers.js';
import type { SgpContractEntry } from './customers.js';

const entry: SgpContractEntry = {
  telefones_cargos: [{ cargo: null, contato: '(42) 3275-1100', nome: null }],
  contratoStatus: 1,
  dataCadastro: '20/03/2024 11:43:25',
  endereco_uf: 'PR',
  servico_plano: 'PLANO',
  cpfCnpj: '248.386.290-01',
  endereco_logradouro: 'RUA XV DE NOVEMBRO',
  dataNascimento: '1986-03-12',
  telefones: ['(42) 99876-5432'],
  contratoStatusDisplay: ' Ativo ',
  motivo_status: '',
  endereco_numero: 1,
  planointernet: 'Plano Empresarial 150 Mega',
  clienteId: 2827,
  endereco_complemento: '08 VERDE',
  endereco_bairro: 'VILA SAO JOSE',
  emails: ['EMAIL@EXAMPLE.COM', 'novo@example.com'],
  razaoSocial: 'RAZAO SOCIAL',
  endereco_cep: '84300-000',
  promessasPagamentoMes: 0,
  endereco_cidade: 'TIBAGI',
  contratoId: 10269,
};

test('the customer: dd/mm/yyyy registration, ISO birth date, CEP digits, the newest e-mail, first phone', () => {
  const c = toCustomer([entry]);
  assert.equal(c.data_registro, '2024-03-20');
  assert.equal(c.aniversario, '1986-03-12');
  assert.equal(c.id_remoto, '2827');
  assert.equal(c.numero_endereco, '1');
  assert.equal(c.cep_endereco, '84300000');
  assert.equal(c.estado_endereco, 'PR');
  assert.equal(c.email, 'novo@example.com');
  assert.equal(c.telefone, '42998765432');
  assert.equal(c.ativo, true);
});

test('contacts: strings and {tipoContato, contato} objects, lower-cased and deduplicated', () => {
  const objects: SgpContractEntry = {
    ...entry,
    contratoId: 10270,
    emails: [{ tipoContato: 'E-Mail', contato: 'email@example.com' }],
    telefones: [{ tipoContato: 'WhatsApp Número', contato: '(42) 99876-5432' }],
  };
  assert.deepEqual(toContacts([entry, objects]), [
    { type: 'email', value: 'email@example.com' },
    { type: 'email', value: 'novo@example.com' },
    { type: 'phone', value: '42998765432' },
    { type: 'phone', value: '4232751100' },
  ]);
});

test('plans from status codes: 4 blocked financial, 7 blocked reduced speed, 3 cancelled', () => {
  const price = () => ({ id: '21', price: 24990 });
  const active = toPlan(entry, price);
  assert.deepEqual(
    [active.status, active.blocked, active.block_reason, active.value, active.trust_unlock_available],
    ['active', false, '', '249.90', false],
  );
  assert.equal(active.plan_code, '21', 'found by name in consultaplano');
  const suspended = toPlan({ ...entry, contratoStatus: 4, motivo_status: 'Financeiro' }, price);
  assert.deepEqual(
    [suspended.status, suspended.blocked, suspended.block_reason, suspended.trust_unlock_available],
    ['blocked', true, 'financial', true],
  );
  const used = toPlan({ ...entry, contratoStatus: 4, promessasPagamentoMes: 1 }, price);
  assert.equal(used.trust_unlock_available, null);
  const slow = toPlan({ ...entry, contratoStatus: '7' }, price);
  assert.deepEqual([slow.status, slow.block_reason], ['blocked', 'reduced_speed']);
  assert.equal(toPlan({ ...entry, contratoStatus: 3 }, price).status, 'cancelled');
  assert.equal(
    active.installation_address,
    'RUA XV DE NOVEMBRO, 1 - 08 VERDE - VILA SAO JOSE - TIBAGI/PR - 84300-000',
  );
});
