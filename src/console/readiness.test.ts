import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readiness } from './readiness.js';

const supported = ['list_bills', 'settle_bill', 'create_order', 'create_ticket', 'list_due_dates'];

test('functions named by a "not set" line wait for that setting; the others are ready', () => {
  const r = readiness(supported, {
    ok: true,
    messages: [
      'credentials accepted by IXC at https://erp.example/webservice/v1',
      'cash_account_id is not set: settle_bill cannot run until it is',
      'branch_id is not set: create_order (order_mode "contract"), settle_bill cannot run until it is',
      'ticket_subject_id is not set (needed by create_ticket)',
      '4 active sale plans (list_products)',
    ],
    choices: { branch_id: [{ id: '1', label: 'Matriz' }] },
  });
  assert.deepEqual(r, [
    { name: 'list_bills', ready: true, missing: [] },
    { name: 'settle_bill', ready: false, missing: ['cash_account_id', 'branch_id'] },
    { name: 'create_order', ready: false, missing: ['branch_id'] },
    { name: 'create_ticket', ready: false, missing: ['ticket_subject_id'] },
    { name: 'list_due_dates', ready: true, missing: [] },
  ]);
});

test('the settings a provider declares a function needs are missing too', () => {
  const r = readiness(
    ['list_bills', 'settle_bill'],
    { ok: true, messages: [], choices: {} },
    {
      settle_bill: { missing_settings: ['cash_account_id'] },
      list_bills: { missing_settings: [] },
    },
  );
  assert.deepEqual(r, [
    { name: 'list_bills', ready: true, missing: [] },
    { name: 'settle_bill', ready: false, missing: ['cash_account_id'] },
  ]);
});

test('a check that could not reach the ERP leaves every function not ready', () => {
  const r = readiness(supported, { ok: false, messages: ['IXC answered HTTP 401'], choices: {} });
  assert.ok(r.every((f) => !f.ready && f.missing.length === 0));
});
