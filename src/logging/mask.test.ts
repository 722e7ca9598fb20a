import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskDeep, maskPersonalData } from './mask.js';

test('masks CPF with and without punctuation, keeping only middle digits', () => {
  assert.equal(maskPersonalData('cpf 529.982.247-25 ok'), 'cpf ***.982.***-** ok');
  const bare = maskPersonalData('cliente 52998224725');
  assert.doesNotMatch(bare, /52998224725/);
  assert.match(bare, /\*\*\*/);
});

test('masks numeric and alphanumeric CNPJ', () => {
  assert.doesNotMatch(maskPersonalData('12.ABC.345/01DE-35'), /12\.ABC\.345\/01DE-35/);
  assert.doesNotMatch(maskPersonalData('x 11222333000181 y'), /11222333000181/);
});

test('masks e-mails, phones and credentials', () => {
  const out = maskPersonalData(
    'maria.silva@example.com.br (11) 98765-4321 +5511987654321 Authorization: Bearer abc.def-123 "senha":"segredo"',
  );
  assert.doesNotMatch(out, /maria\.silva/);
  assert.match(out, /m\*\*\*@example\.com\.br/);
  assert.doesNotMatch(out, /98765-4321/);
  assert.doesNotMatch(out, /987654321/);
  assert.doesNotMatch(out, /abc\.def-123/);
  assert.doesNotMatch(out, /segredo/);
});

test('leaves ordinary text, amounts and dates alone', () => {
  const text = 'Fatura 123 vence em 2026-12-10, valor 129.90';
  assert.equal(maskPersonalData(text), text);
});

test('maskDeep masks nested strings', () => {
  const out = maskDeep({ a: ['529.982.247-25'], b: { c: 'x@y.com' }, n: 5 }) as Record<string, unknown>;
  assert.equal(JSON.stringify(out).includes('529.982.247-25'), false);
  assert.equal(JSON.stringify(out).includes('x@y.com'), false);
  assert.equal(out.n, 5);
});
