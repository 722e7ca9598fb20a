// contract/getpaged items -> Plan. Only contractNumber is confirmed by a client; the rest is our
// model of the answer (see plan.ts), so these tests pin the status decisions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseContract, planFromContract } from './plan.js';

const item = (status: number, stage = 3) => ({
  id: 9104,
  contractNumber: 23404,
  status,
  stage,
  description: 'Contrato FIBRA 300 MEGA',
  serviceProducts: [{ code: '1.1', title: 'FIBRA 300 MEGA', amount: 99.9 }],
  address: { street: 'Rua Tiradentes', number: '88', neighborhood: 'Centro', city: 'Lavras', state: 'MG' },
});

describe('Voalle contracts -> Plan', () => {
  test('a normal contract is active; contract_id is the contractNumber', () => {
    const p = planFromContract(parseContract(item(1))!);
    assert.deepEqual(p, {
      contract_id: '23404',
      plan_code: '1.1',
      plan_name: 'FIBRA 300 MEGA',
      status: 'active',
      blocked: false,
      block_reason: '',
      value: '99.90',
      installation_address: 'Rua Tiradentes, 88 - Centro - Lavras/MG',
      trust_unlock_available: false,
    });
  });

  test('status codes: 6 financial block, 7 administrative, 5 suspended, 4 cancelled, 9 inactive, stage < 3 pending', () => {
    const of = (status: number, stage?: number) => planFromContract(parseContract(item(status, stage))!);
    assert.deepEqual(
      [of(6).status, of(6).blocked, of(6).block_reason, of(6).trust_unlock_available],
      ['blocked', true, 'financial', null],
    );
    assert.deepEqual([of(7).block_reason, of(7).trust_unlock_available], ['manual', false]);
    assert.deepEqual([of(5).status, of(5).blocked], ['suspended', false]);
    assert.equal(of(4).status, 'cancelled');
    assert.equal(of(9).status, 'inactive');
    assert.equal(of(1, 2).status, 'pending');
  });

  test('an item with only contractNumber (all a client confirmed) still maps; without it, it is skipped', () => {
    assert.equal(planFromContract(parseContract({ contractNumber: 5 })!).contract_id, '5');
    assert.equal(parseContract({ id: 1 }), null);
  });
});
