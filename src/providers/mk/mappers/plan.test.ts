// Plan mapping, on fixtures with the recorded key sets of ContratosAtivos[] and Conexoes[]
// (clients.md §5.3; values ours).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pricesOf, toPlans } from './plan.js';

const contract = (codcontrato: number, plano_acesso: string) => ({
  adesao: '2024-03-01',
  cd_empresa: 1,
  codcontrato,
  nome_empresa: 'PROVEDOR',
  plano_acesso,
  previsao_vencimento: '10',
});
const connection = (codconexao: number, contrato: number | null, state: Record<string, unknown> = {}) => ({
  bloqueada: 'Não',
  cadastro: '2023-05-25',
  cep: '89805000',
  codconexao,
  contrato,
  endereco: 'RUA A, 1 - CENTRO, CHAPECÓ',
  esta_reduzida: 'Não',
  latitude: '',
  longitude: '',
  mac_address: 'E4:8D:8C:00:00:01',
  motivo_bloqueio: null,
  tecnologia: 'FTTH',
  username: 'cliente@fibra',
  ...state,
});

test('a contract is blocked when one of its connections is; the reason comes from motivo_bloqueio', () => {
  const plans = toPlans(
    [contract(1, 'FIBRA 300 MEGA'), contract(2, 'Rádio 20 Mega'), contract(3, 'FIBRA 1 GIGA')],
    [
      connection(11, 1, { bloqueada: 'Sim', motivo_bloqueio: 'Bloqueio automático por inadimplência' }),
      connection(12, 2),
      connection(13, 3, { esta_reduzida: 'Sim' }),
    ],
    pricesOf([{ name: 'RADIO 20 MEGA', price: '79.90' }]),
  );
  assert.deepEqual(
    plans.map((p) => [p.plan.contract_id, p.plan.status, p.plan.block_reason, p.plan.value]),
    [
      ['1', 'blocked', 'financial', '0.00'],
      ['2', 'active', '', '79.90'],
      ['3', 'blocked', 'reduced_speed', '0.00'],
    ],
  );
  assert.deepEqual(plans[0]!.connections, [{ id: '11', blocked: true }]);
  assert.equal(plans[0]!.plan.installation_address, 'RUA A, 1 - CENTRO, CHAPECÓ');
  assert.equal(plans[0]!.plan.trust_unlock_available, null);
});

test('a manual block, a connection of no contract and one of a contract not in force', () => {
  const plans = toPlans(
    [contract(1, 'FIBRA 300 MEGA')],
    [
      connection(11, 1, { bloqueada: 'Sim', motivo_bloqueio: 'Solicitação do cliente' }),
      connection(14, null, { bloqueada: 'Sim' }),
      connection(15, 9),
    ],
    new Map(),
  );
  assert.deepEqual(
    plans.map((p) => [p.plan.contract_id, p.plan.block_reason]),
    [
      ['1', 'manual'],
      ['conexao-14', 'manual'],
    ],
  );
});
