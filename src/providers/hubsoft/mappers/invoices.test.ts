// The nota fiscal mapper and its 60-day windows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { invoiceWindows, invoicesOf } from './invoices.js';

test('notas 21/22 and NFS-e; NF-e 55 and pending NFS-e left out', () => {
  const notes = invoicesOf({
    notas_fiscais: [
      {
        id_nota_fiscal: 3064,
        numero_nota: 427,
        serie_nota: 'U',
        valor: '5',
        data_emissao_br: '25/02/2022',
        cancelado: false,
        tipo_documento_fiscal: { codigo: '21' },
        link: 'http://h/nf.pdf',
      },
    ],
    nfes: [{ id_nfe: 351, modelo: '55' }],
    nfses: [
      {
        id_nfse: 106,
        numero: '14890',
        serie: 'LAL',
        valor: '25',
        data_cadastro: '2021-08-26 10:22:51',
        link_pdf: '',
        status: 'autorizado',
      },
      {
        id_nfse: 107,
        numero: '14891',
        serie: 'LAL',
        valor: '25',
        data_cadastro: '2021-08-26 10:22:51',
        status: 'pendente',
      },
    ],
  });
  assert.deepEqual(
    notes.map((n) => [n.invoice.id_nota, n.invoice.modelo, n.invoice.valor, n.pdfUrl]),
    [
      ['nf-3064', '21', '5.00', 'http://h/nf.pdf'],
      ['nfse-106', 'NFS-e', '25.00', ''],
    ],
  );
});

test('invoice windows never exceed 60 days and cover the period', () => {
  const windows = invoiceWindows('2026-06-30', 180);
  assert.deepEqual(windows[0], { data_inicio: '2026-05-01', data_fim: '2026-06-30' });
  assert.equal(windows.at(-1)!.data_inicio, '2026-01-01');
  for (const w of windows) assert.ok(Date.parse(w.data_fim) - Date.parse(w.data_inicio) <= 60 * 86_400_000);
});
