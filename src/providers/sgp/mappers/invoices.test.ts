// notafiscal/list items -> Invoice, shaped as the vendor's example (data_cancela "None").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nfcomHasValue, nfcomToInvoice, nfseToInvoice, toInvoice } from './invoices.js';

const nota = {
  status: 2,
  numero: 2,
  serie: '00U',
  modelo: '21',
  link: 'https://sgp.example.com/spublic/notafiscal/0c9d416d-0000-4a1b-9c2d-a7f01a4be8e6',
  data_cancela: 'None',
  data_emissao: '2024-11-06 00:00:00',
  valortotal: 30.0,
  empresa_cnpj: '00.000.000/0001-00',
};

test('a model 21 nota: id from contract, serie and numero; "None" is not cancelled', () => {
  assert.deepEqual(toInvoice('306', nota), {
    id_nota: '306-00U-2',
    numero: '2',
    serie: '00U',
    modelo: '21',
    status: 'authorized',
    valor: '30.00',
    data_emissao: '2024-11-06',
    chave_acesso: '',
    url_nota_fiscal: nota.link,
  });
});

test('a cancellation date is cancelled; an unknown model is left out', () => {
  assert.equal(toInvoice('306', { ...nota, data_cancela: '2024-11-08 10:00:00' })?.status, 'cancelled');
  assert.equal(toInvoice('306', { ...nota, modelo: '55' }), null);
});

test('an NFCom as the vendor lists it: model 62, the access key, no value (0.00)', () => {
  const item = {
    status: '1',
    numero: 221,
    chave: '24264313945287000174620020005002211067268230',
    serie: '2',
    data_emissao: '2026-03-16 14:12:01',
    id: 213,
  };
  assert.deepEqual(nfcomToInvoice(item), {
    id_nota: 'nfcom-213',
    numero: '221',
    serie: '2',
    modelo: '62',
    status: 'authorized',
    valor: '0.00',
    data_emissao: '2026-03-16',
    chave_acesso: '24264313945287000174620020005002211067268230',
    url_nota_fiscal: '',
  });
  assert.equal(nfcomHasValue(item), false);
  assert.equal(nfcomToInvoice({ ...item, status: '8' })?.status, 'cancelled');
  assert.equal(nfcomToInvoice({ ...item, status: '3' }), null, 'still being typed');
});

test('an NFS-e, keys spelt as in the vendor example (nise_data, ntse_link) read too', () => {
  const invoice = nfseToInvoice({
    nise_data: '2025-06-27T10:42:37.132373',
    nfse_valor: 190,
    nfse_numero_rps: 851695,
    nfse_serie: 'UNICA',
    ntse_link: 'http://localhost:8000/api/central/nfse/print/219969?contrato=155',
    nfse_id: 219969,
  });
  assert.deepEqual(invoice, {
    id_nota: 'nfse-219969',
    numero: '851695',
    serie: 'UNICA',
    modelo: 'NFS-e',
    status: 'authorized',
    valor: '190.00',
    data_emissao: '2025-06-27',
    chave_acesso: '',
    url_nota_fiscal: 'http://localhost:8000/api/central/nfse/print/219969?contrato=155',
  });
});
