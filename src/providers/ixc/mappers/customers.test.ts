// The cliente row as the contract's customer, contacts and notes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  customerContacts,
  documentForms,
  internalNotes,
  pickCustomer,
  recordForUpdate,
  toCustomer,
} from './customers.js';

describe('IXC customers', () => {
  test('documents are searched masked first, then as digits', () => {
    assert.deepEqual(documentForms('31845720300'), ['318.457.203-00', '31845720300']);
    assert.deepEqual(documentForms('27184639000188'), ['27.184.639/0001-88', '27184639000188']);
  });
  test('of duplicated customers the active one with the lowest id wins', () => {
    const rows = [
      { id: '9', ativo: 'S' },
      { id: '3', ativo: 'N' },
      { id: '5', ativo: 'S' },
    ];
    assert.equal(pickCustomer(rows)?.id, '5');
    assert.equal(pickCustomer([]), undefined);
  });
  test('customer: city from the lookup, phones normalised, empty dates as ""', () => {
    const c = toCustomer(
      {
        id: '2',
        razao: 'Maria',
        ativo: 'S',
        data_nascimento: '0000-00-00',
        data_cadastro: '2020-01-02',
        cep: '13015-100',
        telefone_celular: '',
        whatsapp: '(19) 98765-4321',
        email: 'Maria@Example.com; outra@example.com',
      },
      { name: 'Campinas', uf: 'SP' },
    );
    assert.deepEqual(
      [
        c.aniversario,
        c.data_registro,
        c.cep_endereco,
        c.telefone,
        c.email,
        c.cidade_endereco,
        c.estado_endereco,
      ],
      ['', '2020-01-02', '13015100', '19987654321', 'maria@example.com', 'Campinas', 'SP'],
    );
  });
  test('contacts are deduplicated across fields; notes are plain text without obs', () => {
    const contacts = customerContacts({
      email: 'a@x.com',
      hotsite_email: 'A@x.com',
      telefone_celular: '(19) 98765-4321',
      whatsapp: '19987654321',
      fone: 'não tem',
    });
    assert.deepEqual(contacts, [
      { type: 'email', value: 'a@x.com' },
      { type: 'phone', value: '19987654321' },
    ]);
    assert.deepEqual(
      internalNotes({ alerta: 'Ligar antes<br />Documentação &amp; contrato', obs: 'histórico' }, [
        { status: 'A', alerta_contrato: 'Roteador com defeito' },
        { status: 'I', alerta_contrato: 'contrato antigo' },
      ]),
      ['Ligar antes\nDocumentação & contrato', 'Roteador com defeito'],
    );
  });

  test('an update sends dates back dd/mm/yyyy and empty dates as "", as real clients do', () => {
    assert.deepEqual(
      recordForUpdate({
        data_nascimento: '1985-03-07',
        data_cadastro: '0000-00-00',
        ultima_atualizacao: '0000-00-00 00:00:00',
        cep: '13015-100',
        obs: '2026-01-01 nota',
      }),
      {
        data_nascimento: '07/03/1985',
        data_cadastro: '',
        ultima_atualizacao: '',
        cep: '13015-100',
        obs: '2026-01-01 nota',
      },
    );
  });
});
