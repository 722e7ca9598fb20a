// One rule for every provider: a function the ERP can do but the tenant's settings do not let run
// yet is `supported: true, ready: false` in the catalogue, with the missing settings named; a call
// answers NOT_SUPPORTED naming them without reaching the ERP; a settlement is stored, waits for
// them (never sent, never an attempt), and is posted once they are set.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { exampleFunctions, fakeProvider } from '../helpers/fake-provider.js';
import { send } from '../helpers/http.js';
import { startPonte, type RunningPonte } from '../helpers/ponte.js';

const CPF = '52998224725';
const provider = fakeProvider({
  id: 'picky',
  displayName: 'Picky ERP',
  functions: exampleFunctions(['update_customer']),
  needs: { create_ticket: ['ticket_subject_id', 'ticket_department_id'], settle_bill: ['cash_account_id'] },
});

const settle = {
  customer_document_number: CPF,
  boleto_id: '1001',
  transaction: { id: 'tx-wait-1', method: 'pix', amount: '99.90', paid_at: '2026-12-01T10:00:00-03:00' },
};

describe('supported but not ready', () => {
  let ponte: RunningPonte;
  let tenant: { id: string; key: string };
  before(async () => {
    ponte = await startPonte({ providers: [provider], worker: false });
    tenant = await ponte.createTenant('picky', 'picky', { ticket_department_id: '' });
  });
  after(() => ponte.close());

  test('the catalogue says, per function, supported and ready, with the settings that are missing', async () => {
    const cat = await send(ponte.url, '/v1/functions', {
      headers: { authorization: `Bearer ${tenant.key}` },
    });
    const byName = new Map(
      (
        cat.body.functions as {
          name: string;
          supported: boolean;
          ready: boolean;
          missing_settings: string[];
        }[]
      ).map((f) => [f.name, f]),
    );
    assert.deepEqual(
      byName.get('create_ticket')!.missing_settings,
      ['ticket_subject_id', 'ticket_department_id'],
      'an empty string is missing too',
    );
    assert.equal(byName.get('create_ticket')!.supported, true);
    assert.equal(byName.get('create_ticket')!.ready, false);
    assert.equal(byName.get('list_bills')!.ready, true);
    assert.deepEqual(byName.get('list_bills')!.missing_settings, []);
    assert.equal(byName.get('update_customer')!.supported, false);
    assert.equal(byName.get('update_customer')!.ready, false);
  });

  test('a call answers NOT_SUPPORTED naming the missing settings, without reaching the ERP', async () => {
    const answer = await ponte.call(
      'create_ticket',
      { customer_document_number: CPF, subject_code: 'suporte', description: 'sem internet' },
      tenant.key,
    );
    assert.equal(answer.status, 501);
    assert.equal(answer.body.error.code, 'NOT_SUPPORTED');
    assert.match(answer.body.error.message, /ticket_subject_id, ticket_department_id/);
    assert.deepEqual(answer.body.error.details.missing_settings, [
      'ticket_subject_id',
      'ticket_department_id',
    ]);
    assert.equal(answer.body.error.details.ready, false);
    assert.equal(provider.count('create_ticket'), 0);
  });

  test('a settlement waits for the setting (stored, never sent), and is posted once it is set', async () => {
    const answer = await ponte.call('settle_bill', settle, tenant.key);
    assert.equal(answer.status, 200);
    assert.equal(answer.body.success, false);
    assert.equal(answer.body.status, 'queued');
    assert.match(answer.body.api_response, /cash_account_id/);
    const settlements = ponte.app.gateway.settlements;
    let row = await settlements.show(tenant.id, 'tx-wait-1');
    assert.equal(row?.state, 'waiting_config');
    assert.equal(row?.attempts, 0, 'waiting is not an attempt');
    assert.deepEqual(
      row?.attempts_made.map((a) => a.kind),
      ['wait'],
    );

    // The platform retries: same answer, still nothing sent; the worker leaves it waiting.
    const again = await ponte.call('settle_bill', settle, tenant.key);
    assert.equal(again.body.status, 'queued');
    await settlements.retry(tenant.id, 'tx-wait-1');
    await settlements.tick();
    row = await settlements.show(tenant.id, 'tx-wait-1');
    assert.equal(row?.state, 'waiting_config');
    assert.equal(provider.count('settle_bill'), 0, 'nothing was ever sent to the ERP');

    // `ponte check` says what is missing, what it blocks, and that a payment waits for it.
    const report = await ponte.app.gateway.check(tenant.id);
    assert.equal(report.ok, false);
    assert.deepEqual(report.missing_settings, [
      { setting: 'cash_account_id', blocks: ['settle_bill'] },
      { setting: 'ticket_subject_id', blocks: ['create_ticket'] },
      { setting: 'ticket_department_id', blocks: ['create_ticket'] },
    ]);
    assert.equal(report.waiting_settlements, 1);

    // The ISP fills the setting in: the payment is posted at the worker's next tick.
    await ponte.app.admin.updateTenant(tenant.id, { settings: { cash_account_id: '3' } });
    await settlements.tick();
    row = await settlements.show(tenant.id, 'tx-wait-1');
    assert.equal(row?.state, 'settled');
    assert.equal(row?.attempts, 1);
    assert.equal(provider.count('settle_bill'), 1);
    const done = await ponte.call('settle_bill', settle, tenant.key);
    assert.equal(done.body.success, true);
    assert.equal(provider.count('settle_bill'), 1, 'the duplicate replays the outcome');
  });
});
