// cliente_contrato rows as the contract's plans.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { toPlan } from './plans.js';

describe('IXC plans', () => {
  test('plans: access status decides blocked and its reason', () => {
    const plan = (over: Record<string, string>) =>
      toPlan(
        { id: '7', id_vd_contrato: '2', status: 'A', status_internet: 'A', ...over },
        { nome: 'Fibra', valor_contrato: '99.90' },
        'Rua X',
      );
    assert.deepEqual(
      [
        plan({}).status,
        plan({ status_internet: 'CA' }).block_reason,
        plan({ status_internet: 'FA' }).block_reason,
        plan({ status_internet: 'CM' }).block_reason,
      ],
      ['active', 'financial', 'financial', 'manual'],
    );
    assert.equal(plan({ status_internet: 'CA' }).trust_unlock_available, null);
    assert.equal(plan({ status_internet: 'CA', desbloqueio_confianca: 'N' }).trust_unlock_available, false);
    assert.equal(plan({ status_internet: 'CM' }).trust_unlock_available, false);
    assert.deepEqual(
      [
        plan({ status: 'P' }).status,
        plan({ status: 'I' }).status,
        plan({ status: 'D' }).status,
        plan({ contrato_suspenso: 'S' }).status,
        plan({ status_internet: 'AA' }).status,
      ],
      ['pending', 'inactive', 'cancelled', 'suspended', 'pending'],
    );
    assert.equal(plan({}).value, '99.90');
  });
});
