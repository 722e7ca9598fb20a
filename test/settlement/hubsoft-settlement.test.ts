// settle_bill through Hubsoft (the simulator) for a tenant whose settings lack the caixa
// financeiro: the customer has paid, so the settlement is stored, waits for configuration without
// anything being sent to Hubsoft, and is posted exactly once when the setting is filled in (given
// as a string, sent as the number Hubsoft wants).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { hubsoftProvider } from '../../src/providers/hubsoft/index.js';
import {
  defaultHubsoftCredentials,
  seedHubsoft,
  startHubsoftSimulator,
  type RunningHubsoftSimulator,
} from '../../simulators/hubsoft/server.js';
import type { RunningPonte } from '../helpers/ponte.js';
import { startSettlementPonte, until } from '../helpers/settlement.js';

const LIQUIDAR = 'POST /api/v1/integracao/financeiro/fatura/liquidar';
const data = seedHubsoft({ seed: 5, customers: 10 });
const f = data.fixtures;
let sim: RunningHubsoftSimulator;
let ponte: RunningPonte;
let tenant: { id: string; key: string };

before(async () => {
  sim = await startHubsoftSimulator({ seed: data });
  ponte = await startSettlementPonte(hubsoftProvider);
  tenant = await ponte.createTenant('isp', 'hubsoft', { base_url: sim.url, ...defaultHubsoftCredentials });
});
after(async () => {
  await ponte.close();
  await sim.close();
});

test('without caixa_financeiro_id: not ready, waits unsent, and is posted once the setting is set', async () => {
  const catalogue = await fetch(`${ponte.url}/v1/functions`, {
    headers: { authorization: `Bearer ${tenant.key}` },
  });
  const settle = ((await catalogue.json()) as { functions: Record<string, unknown>[] }).functions.find(
    (fn) => fn.name === 'settle_bill',
  );
  assert.deepEqual(
    { supported: settle?.supported, ready: settle?.ready, missing: settle?.missing_settings },
    { supported: true, ready: false, missing: ['caixa_financeiro_id'] },
  );

  const bill = (await ponte.call('list_bills', { customer_document_number: f.withBills }, tenant.key))
    .body[0];
  const answer = await ponte.call(
    'settle_bill',
    {
      boleto_id: bill.remote_id,
      customer_document_number: f.withBills,
      transaction: {
        id: 'tx-no-caixa',
        method: 'pix',
        amount: bill.valor_final,
        paid_at: new Date().toISOString(),
      },
    },
    tenant.key,
  );
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.equal(answer.body.success, false);
  assert.equal(answer.body.status, 'queued');
  const settlements = ponte.app.gateway.settlements;
  assert.equal((await settlements.show(tenant.id, 'tx-no-caixa'))?.state, 'waiting_config');
  assert.equal(sim.state.requestsTo(LIQUIDAR), 0, 'nothing is sent while the setting is missing');

  await ponte.app.admin.updateTenant(tenant.id, { settings: { caixa_financeiro_id: '139' } });
  await settlements.retry(tenant.id, 'tx-no-caixa');
  const row = await until('the settlement to be posted', async () => {
    const r = await settlements.show(tenant.id, 'tx-no-caixa');
    return r?.state === 'settled' ? r : undefined;
  });
  assert.equal(row.state, 'settled');
  const posted = sim.state.counters.writes.filter((w) => w.path.endsWith('/financeiro/fatura/liquidar'));
  assert.equal(posted.length, 1);
  assert.equal(posted[0]!.body.id_caixa_financeiro, 139);
});
