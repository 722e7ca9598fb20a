// desbloqueio_confianca answers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { REAL_UNLOCK_CODES } from './fixtures/real-ixc.js';
import { dateInMessage, trustUnlockVerdict } from './trust-unlock.js';

describe('IXC trust unlock', () => {
  test('desbloqueio_confianca: both releases, codes and words', () => {
    assert.equal(
      trustUnlockVerdict({ tipo: 'sucesso', mensagem: 'ok com sucesso', codigo: '100' }).verdict,
      'unlocked',
    );
    assert.equal(
      trustUnlockVerdict([{ type: 'success', message: 'Contrato desbloqueado com sucesso.' }]).verdict,
      'unlocked',
    );
    assert.equal(
      trustUnlockVerdict({ tipo: 'erro', mensagem: 'Contrato inexistente!', codigo: '106' }).verdict,
      'not_found',
    );
    assert.equal(
      trustUnlockVerdict({ tipo: 'erro', mensagem: 'Contrato já encontra-se ativo!', codigo: '107' }).verdict,
      'refused',
    );
    assert.equal(
      trustUnlockVerdict([{ type: 'error', message: 'desabilitado para este contrato' }]).verdict,
      'refused',
    );
    assert.equal(trustUnlockVerdict('<p>Desbloqueio efetuado com sucesso</p>').verdict, 'unlocked');
    assert.equal(dateInMessage('Liberado até 18/06/2026.'), '2026-06-18');
    assert.equal(dateInMessage('sem data'), '');
  });

  test('every refusal code real IXC answers is a refusal, whatever its words', () => {
    // The words would say success (an unlock done "com sucesso" before): the code decides.
    const verdict = (codigo: string) =>
      trustUnlockVerdict({ mensagem: 'Desbloqueio feito com sucesso em 01/06/2026', codigo }).verdict;
    assert.equal(verdict(REAL_UNLOCK_CODES.notFound), 'not_found');
    for (const code of [
      REAL_UNLOCK_CODES.alreadyActive,
      REAL_UNLOCK_CODES.notAllowed,
      REAL_UNLOCK_CODES.usedPaymentPending,
    ])
      assert.equal(verdict(code), 'refused', code);
  });
});
