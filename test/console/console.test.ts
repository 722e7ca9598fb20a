// The console end to end in a real browser (Debian's Chromium driven by playwright-core): log in,
// create a tenant against the IXC simulator, verify it and pick its ids from the lists the check
// found, create keys (one limited, then revoked), make a call with the key over HTTP and find it
// in the log, see a settlement the ERP did not confirm waiting in the queue and retry it, look at
// the ERP health, log out. With PONTE_CONSOLE_SCREENSHOTS=<dir> it saves a screenshot of each
// page there (docs/images/ holds the ones docs/console.md shows: scripts/console-screenshots.mjs).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ixcProvider } from '../../src/providers/ixc/index.js';
import { FIXTURES } from '../../simulators/ixc/seed.js';
import { startIxcSimulator, type IxcSimulator } from '../../simulators/ixc/server.js';
import { startPonte, type RunningPonte } from '../helpers/ponte.js';

const CHROMIUM = '/usr/bin/chromium';
const ADMIN = 'e2e-admin-token-4f1c9a7e2b';
const SIM_TOKEN = '7:5e884898da280471';
const SETTLE_RESOURCE = 'fn_areceber_recebimentos_baixas_novo';
const shots = process.env.PONTE_CONSOLE_SCREENSHOTS
  ? resolve(process.env.PONTE_CONSOLE_SCREENSHOTS)
  : undefined;

const skip = existsSync(CHROMIUM)
  ? false
  : `${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run does it): the browser test cannot run`;

describe('the console in Chromium', { skip }, () => {
  let sim: IxcSimulator;
  let ponte: RunningPonte;
  let browser: Browser;
  let page: Page;

  const shot = async (name: string) => {
    if (!shots) return;
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `console-${name}.png`), fullPage: true });
  };
  const go = async (hash: string) => {
    await page.goto(`${ponte.url}/console#${hash}`);
  };

  before(async () => {
    sim = await startIxcSimulator({ token: SIM_TOKEN, seed: { customers: 5 } });
    ponte = await startPonte({
      providers: [ixcProvider],
      adminToken: ADMIN,
      // The worker runs often, but a settlement it could not apply waits an hour: only "Tentar
      // agora" brings it forward.
      env: { PONTE_WORKER_INTERVAL_MS: '50', PONTE_SETTLEMENT_RETRY_MS: '3600000' },
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'pt-BR',
      timezoneId: 'America/Sao_Paulo',
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('dialog', (dialog) => void dialog.accept());
  });
  after(async () => {
    await browser?.close();
    await ponte?.close();
    await sim?.close();
  });

  let tenantId = '';
  let apiKey = '';

  test('logging in', async () => {
    await go('/tenants');
    await page.getByLabel('Token de administração').waitFor();
    await shot('login');
    await page.getByLabel('Token de administração').fill('not-the-token');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByText('Token incorreto').waitFor();
    await page.getByLabel('Token de administração').fill(ADMIN);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('heading', { name: 'Tenants' }).waitFor();
    await page.getByText('Nenhum tenant ainda').waitFor();
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'ponte_console');
    assert.ok(session, 'a session cookie');
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Strict');
    assert.ok(!page.url().includes(ADMIN), 'the token is not in the URL');
  });

  test('creating a tenant against the IXC simulator', async () => {
    await page.getByRole('link', { name: '+ Novo tenant' }).click();
    await page.getByLabel('Nome').fill('Provedor Exemplo');
    await page.getByLabel('ERP').selectOption('ixc');
    await page.locator('#f-settings-base_url').fill(sim.baseUrl);
    await page.locator('#f-settings-token').fill(SIM_TOKEN);
    assert.equal(await page.locator('#f-settings-token').getAttribute('type'), 'password');
    await shot('tenant-new');
    await page.getByRole('button', { name: 'Criar tenant' }).click();
    await page.getByText('Tenant criado.').waitFor();
    tenantId = /#\/tenants\/([\w-]+)/.exec(page.url())?.[1] ?? '';
    const tenant = await ponte.app.gateway.tenants.require(tenantId);
    assert.equal(tenant.name, 'Provedor Exemplo');
    assert.equal(tenant.settings.token, SIM_TOKEN);
  });

  test('Verificar lists the ids found in IXC as pick lists, and which functions are ready', async () => {
    await page.getByRole('button', { name: 'Verificar' }).click();
    const result = page.getByTestId('check-result');
    await result.waitFor();
    await result.getByText('credentials accepted').waitFor();
    assert.equal(
      await result.locator('[data-function="settle_bill"]').getAttribute('class'),
      'fn fn-waiting',
    );
    assert.equal(await result.locator('[data-function="list_bills"]').getAttribute('class'), 'fn fn-ready');
    // The token stays secret: an empty password field that keeps the stored value.
    assert.equal(await page.locator('#f-settings-token').inputValue(), '');
    const branch = page.locator('#f-settings-branch_id');
    assert.equal(await branch.evaluate((el) => el.tagName), 'SELECT');
    assert.ok((await branch.locator('option').count()) > 1, 'branches found in IXC');
    await branch.selectOption('1');
    await page.locator('#f-settings-cash_account_id').selectOption('3');
    await shot('tenant-check');
    await page.getByRole('button', { name: 'Salvar alterações' }).click();
    await page.getByText('Alterações salvas.').waitFor();
    const saved = await ponte.app.gateway.tenants.require(tenantId);
    assert.equal(saved.settings.branch_id, '1');
    assert.equal(saved.settings.cash_account_id, '3');
    assert.equal(saved.settings.token, SIM_TOKEN, 'the secret kept its value');
    await page.getByRole('button', { name: 'Verificar' }).click();
    await page.getByTestId('check-result').locator('[data-function="settle_bill"].fn-ready').waitFor();
  });

  test('creating keys (one limited to a function), copying one, revoking one', async () => {
    await go('/keys');
    await page.getByRole('heading', { name: 'Chaves de API' }).waitFor();
    await page.getByText('Nenhuma chave').waitFor();
    await page.getByRole('button', { name: '+ Nova chave' }).click();
    await page.getByLabel('Rótulo').fill('plataforma de atendimento');
    await page.getByRole('button', { name: 'Criar chave' }).click();
    const shown = page.getByTestId('key-shown');
    await shown.waitFor();
    apiKey = (await page.getByTestId('api-key').textContent()) ?? '';
    assert.match(apiKey, /^pk_/);
    await shown.getByRole('button', { name: 'Copiar' }).click();
    await shown.getByRole('button', { name: 'Copiado!' }).waitFor();
    await shot('key-created');
    await page.getByRole('button', { name: 'Já copiei' }).click();
    assert.equal(await page.getByTestId('api-key').count(), 0, 'the key is shown once');

    await page.getByRole('button', { name: '+ Nova chave' }).click();
    await page.getByLabel('Rótulo').fill('só faturas');
    await page.getByLabel('Limitar a algumas funções').check();
    await page.locator('input[name="allowed"][value="list_bills"]').check();
    await page.getByRole('button', { name: 'Criar chave' }).click();
    const limitedKey = (await page.getByTestId('api-key').textContent()) ?? '';
    await page.getByRole('button', { name: 'Já copiei' }).click();
    const limited = (await ponte.app.store.keys.list(tenantId)).find((k) => k.label === 'só faturas');
    assert.deepEqual(limited?.allowed_functions, ['list_bills']);
    const row = page.locator(`tr[data-key="${limited?.id ?? ''}"]`);
    await row.getByText('list_bills').waitFor();
    await shot('keys');
    await row.getByRole('button', { name: 'Revogar' }).click();
    await row.getByText('revogada').waitFor();
    const refused = await ponte.call('list_bills', { customer_document_number: FIXTURES.bills }, limitedKey);
    assert.equal(refused.status, 401);
  });

  test('a call made with the key is in the log, with its detail', async () => {
    const answer = await ponte.call('list_bills', { customer_document_number: FIXTURES.bills }, apiKey, {
      'x-request-id': 'e2e-list-bills-1',
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const missing = await ponte.call('get_customer', { customer_document_number: '52998224725' }, apiKey, {
      'x-request-id': 'e2e-unknown-customer',
    });
    assert.equal(missing.status, 404);
    await go('/calls');
    const table = page.getByTestId('calls');
    const row = table.locator('tr', { hasText: 'e2e-list-bills-1' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Provedor Exemplo/);
    assert.match((await row.textContent()) ?? '', /list_bills/);
    await table.locator('tr', { hasText: 'e2e-unknown-customer' }).getByText('CUSTOMER_NOT_FOUND').waitFor();
    await shot('calls');
    await page.locator('select[name="status"]').selectOption('error');
    await page.waitForURL(/status=error/);
    await table.locator('tr', { hasText: 'e2e-unknown-customer' }).waitFor();
    await table.locator('tr', { hasText: 'e2e-list-bills-1' }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'e2e-unknown-customer' }).click();
    await page.getByRole('heading', { name: 'Chamada get_customer' }).waitFor();
    await page.getByText('Cliente não encontrado').waitFor();
    await shot('call-detail');
  });

  test('a settlement IXC did not confirm waits in the queue; "Tentar agora" applies it', async () => {
    const bills = await ponte.call('list_bills', { customer_document_number: FIXTURES.otherBills }, apiKey);
    const bill = (bills.body as { remote_id: string; valor_final: string }[])[0]!;
    const tx = `e2e-tx-${Date.now()}`;
    sim.faults.set({ kind: 'http503', resource: SETTLE_RESOURCE });
    const settle = await ponte.call(
      'settle_bill',
      {
        customer_document_number: FIXTURES.otherBills,
        boleto_id: bill.remote_id,
        transaction: { id: tx, method: 'pix', amount: bill.valor_final, paid_at: new Date().toISOString() },
      },
      apiKey,
    );
    assert.equal(settle.status, 200, JSON.stringify(settle.body));
    assert.equal(settle.body.status, 'queued');
    sim.faults.clear();
    await go('/settlements');
    const row = page.locator(`tr[data-transaction="${tx}"]`);
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Provedor Exemplo/);
    await shot('settlements');
    await row.getByRole('link', { name: tx }).click();
    await page.getByRole('heading', { name: 'Tentativas' }).waitFor();
    await page.getByText('envio da baixa').waitFor();
    await shot('settlement-detail');
    await page.getByRole('button', { name: 'Tentar agora' }).click();
    // The worker (every 50 ms) takes it up now, not in an hour.
    let state = '';
    for (let i = 0; i < 200; i++) {
      state = (await ponte.app.gateway.settlements.show(tenantId, tx))?.state ?? '';
      if (state === 'settled' || state === 'already_settled') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(state === 'settled' || state === 'already_settled', `finished: ${state}`);
    await go('/settlements?view=done');
    await page.locator(`tr[data-transaction="${tx}"]`).waitFor();
    await go('/settlements?view=waiting');
    await page.getByText('Fila vazia').waitFor();
  });

  test('the ERP health page and the tenant list show the last hour, and an ERP that is down', async () => {
    // A tenant whose IXC refuses connections: its circuit opens after 3 failures.
    const down = await ponte.createTenant(
      'Provedor Fora do Ar',
      'ixc',
      { base_url: 'http://127.0.0.1:1/webservice/v1', token: SIM_TOKEN },
      { circuit_failure_threshold: 3, circuit_open_seconds: 600, deadline_ms: 2000 },
    );
    for (let i = 0; i < 4; i++) {
      const failed = await ponte.call('list_bills', { customer_document_number: FIXTURES.bills }, down.key);
      assert.equal(failed.body.error?.code, 'ERP_UNAVAILABLE', JSON.stringify(failed.body));
    }
    await go('/health');
    const card = page.locator('section[data-tenant="Provedor Exemplo"]');
    await card.waitFor();
    await card.getByText('fechado').waitFor();
    assert.match((await card.textContent()) ?? '', /Chamadas\d+/);
    const downCard = page.locator('section[data-tenant="Provedor Fora do Ar"]');
    await downCard.getByText('fora do ar', { exact: true }).waitFor();
    await downCard.getByText('aberto', { exact: true }).waitFor();
    assert.match((await downCard.textContent()) ?? '', /100%/);
    await shot('health');
    await go('/tenants');
    const row = page.locator('tr', { hasText: 'Provedor Exemplo' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /IXC/);
    await page
      .locator('tr', { hasText: 'Provedor Fora do Ar' })
      .getByText('fora do ar', { exact: true })
      .waitFor();
    await shot('tenants');
  });

  test('logging out', async () => {
    await page.getByRole('button', { name: 'Sair' }).click();
    await page.getByLabel('Token de administração').waitFor();
    await go('/calls');
    await page.getByLabel('Token de administração').waitFor();
  });

  test('without PONTE_ADMIN_TOKEN the console says how to enable it', async () => {
    const closed = await startPonte();
    try {
      await page.goto(`${closed.url}/console`);
      await page.getByRole('heading', { name: 'Console desativado' }).waitFor();
      await page.getByText('PONTE_ADMIN_TOKEN=$(openssl rand -hex 32) npm start').waitFor();
      await shot('disabled');
    } finally {
      await closed.close();
    }
  });
});
