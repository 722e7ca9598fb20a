// The charset repair on what MK's servlet writes (escaped UTF-8 bytes under an ISO-8859-1 header),
// accented capitals first: their second UTF-8 byte is a C1 control (0x80-0x9F), which a
// Windows-1252 repair gets wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyText, repairJson, repairString } from './charset.js';

const escaped = (s: string) =>
  [...Buffer.from(s, 'utf8')].map((b) => `\\u00${b.toString(16).padStart(2, '0')}`).join('');

test('accented capitals sent as escaped UTF-8 bytes come back whole', () => {
  const capitals = 'ÁÀÂÃÉÊÍÓÔÕÚÜÇ';
  const wire = `{"Nome":"${escaped(capitals)}","Situacao":"Ativo"}`;
  const parsed = JSON.parse(bodyText(Buffer.from(wire, 'latin1'))) as Record<string, string>;
  assert.notEqual(parsed.Nome, capitals);
  assert.deepEqual(repairJson(parsed), { Nome: capitals, Situacao: 'Ativo' });
});

test('raw UTF-8 bytes under the same header, real Latin-1 and plain text are kept', () => {
  assert.equal(bodyText(Buffer.from('"CONCEIÇÃO"', 'utf8')), '"CONCEIÇÃO"');
  assert.equal(repairString('CONCEIÇÃO'), 'CONCEIÇÃO');
  assert.equal(bodyText(Buffer.from('"Ó"', 'latin1')), '"Ó"');
  assert.equal(repairString('Token not found.'), 'Token not found.');
  assert.equal(repairString('Ã'), 'Ã');
});

test('keys are repaired too, numbers and nulls untouched', () => {
  assert.deepEqual(repairJson({ ['Equipes:']: [{ n: 1, x: null, d: 'EQUIPE S\u00c3\u0083O' }] }), {
    ['Equipes:']: [{ n: 1, x: null, d: 'EQUIPE SÃO' }],
  });
});
