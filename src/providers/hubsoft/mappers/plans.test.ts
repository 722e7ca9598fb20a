// The service mapper: plan states and the trust unlock's date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planSchema } from '../../../contract/index.js';
import { planState, toPlan, unlockedUntil } from './plans.js';
import { cliente } from './samples.js';

test('plans: status_prefixo decides the state', () => {
  const plan = toPlan(cliente.servicos![0]!);
  assert.ok(planSchema.safeParse(plan).success);
  assert.equal(plan.value, '119.90');
  assert.equal(plan.installation_address, 'RUA MINAS GERAIS, 1793 - IPIRANGA, DIVINÓPOLIS/MG');
  assert.deepEqual(planState('suspenso_debito'), {
    status: 'blocked',
    blocked: true,
    block_reason: 'financial',
  });
  assert.equal(planState('suspenso_pedido_cliente').status, 'suspended');
  assert.equal(planState('agendado_para_instalacao').status, 'pending');
  assert.equal(planState('cancelado').status, 'cancelled');
});

test('the unlock date is read from the message', () => {
  assert.equal(
    unlockedUntil('Desbloqueio em confiança realizado com sucesso até a data 26/11/2018'),
    '2018-11-26',
  );
  assert.equal(unlockedUntil('Erro'), '');
});
