// IXC's protocol helpers: rows, errors and messages as IXC sends them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { errorMessage, normaliseRows, plainText } from './client.js';

describe('IXC client', () => {
  test('client helpers: registros in every shape, errors in both languages, HTML to text', () => {
    assert.deepEqual(normaliseRows({ '1': { id: 2 }, '0': { id: '1', x: null } }), [
      { id: '1', x: '' },
      { id: '2' },
    ]);
    assert.deepEqual(normaliseRows(undefined), []);
    assert.equal(normaliseRows('x'), null);
    assert.equal(errorMessage({ type: 'error', message: 'Falhou<br/>agora' }), 'Falhou\nagora');
    assert.equal(errorMessage([{ tipo: 'erro', mensagem: 'não' }]), 'não');
    assert.equal(errorMessage({ type: 'success' }), null);
    assert.equal(
      plainText('<div class="x">Ocorreu um erro&nbsp;ao processar.</div>'),
      'Ocorreu um erro ao processar.',
    );
  });
});
