// Two `ponte serve` processes on one PostgreSQL share the webhook outbox: 20 settlements queued
// while IXC is down (half through each process) are applied when it is back, and the platform's
// endpoint, a real HTTP server on 127.0.0.1, gets each settlement.settled event exactly once
// (counted at the receiver), each a distinct event id for a distinct transaction.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { Store } from '../../src/store/index.js';
import { verifyWebhook } from '../../src/webhooks/verify.js';
import { ixcTenantSettings, startIxcSimulator, type IxcSimulator } from '../../simulators/ixc/server.js';
import { testDatabase, type TestDatabase } from '../helpers/database.js';
import { callProcess, startPonteProcess } from '../helpers/ponte-process.js';
import { switchableProxy, type SwitchableProxy } from '../helpers/switchable-proxy.js';
import { startReceiver, until, type Receiver } from '../helpers/webhook-receiver.js';

const TOKEN = '9:2c26b46b68ffc68f';
const PAID_AT = new Date().toISOString();
const COUNT = 20;

describe(
  'two gateways on one PostgreSQL',
  { skip: process.env.DATABASE_URL ? false : 'needs DATABASE_URL (PostgreSQL)' },
  () => {
    let sim: IxcSimulator;
    let erp: SwitchableProxy;
    let receiver: Receiver;
    let database: TestDatabase;
    let dataDir: string;
    let env: Record<string, string>;
    let key: string;
    let tenantId: string;
    let secret: string;

    before(async () => {
      sim = await startIxcSimulator({ token: TOKEN, seed: { customers: 20 } });
      erp = await switchableProxy({ host: '127.0.0.1', port: Number(new URL(sim.url).port) });
      receiver = await startReceiver();
      dataDir = mkdtempSync(join(tmpdir(), 'ponte-webhooks-'));
      database = await testDatabase(process.env.DATABASE_URL);
      env = {
        PONTE_DATA_DIR: dataDir,
        DATABASE_URL: database.url!,
        PONTE_WORKER_INTERVAL_MS: '50',
        PONTE_SETTLEMENT_RETRY_MS: '100',
        PONTE_WEBHOOK_INTERVAL_MS: '50',
        PONTE_WEBHOOK_RETRY_MS: '100',
        PONTE_WEBHOOKS_ALLOW_PRIVATE: 'true',
      };
      const app = await openApp(loadConfig(env), pino({ level: 'silent' }));
      try {
        const created = await app.admin.createTenant({
          name: 'isp',
          provider: 'ixc',
          settings: ixcTenantSettings(erp.url('/webservice/v1'), TOKEN),
          options: { circuit_open_seconds: 1, deadline_ms: 3000 },
        });
        key = created.api_key;
        tenantId = created.tenant.id;
        const added = await app.gateway.webhooks.add(tenantId, {
          url: `${receiver.url}/hooks`,
          events: ['settlement.settled'],
        });
        secret = added.secret;
      } finally {
        await app.close();
      }
    });
    after(async () => {
      await receiver.close();
      await erp.close();
      await sim.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    test('deliver each settlement.settled event once between them', async () => {
      const a = await startPonteProcess(env);
      const b = await startPonteProcess(env);
      try {
        const documents = sim.state.tables.cliente!.rows.map((r) => String(r.cnpj_cpf).replace(/\D/g, ''));
        const bills: { document: string; remote_id: string; valor_final: string }[] = [];
        for (const document of documents) {
          const answer = await callProcess(a.url, 'list_bills', { customer_document_number: document }, key);
          if (answer.status !== 200) continue;
          for (const bill of answer.body as { remote_id: string; valor_final: string }[]) {
            bills.push({ document, ...bill });
          }
          if (bills.length >= COUNT) break;
        }
        assert.ok(bills.length >= COUNT);
        await erp.down();
        const txs = bills.slice(0, COUNT).map((_, i) => `tx-wh-${i}-${Date.now()}`);
        await Promise.all(
          bills.slice(0, COUNT).map(async (bill, i) => {
            const answer = await callProcess(
              (i % 2 === 0 ? a : b).url,
              'settle_bill',
              {
                customer_document_number: bill.document,
                boleto_id: bill.remote_id,
                transaction: { id: txs[i], method: 'pix', amount: bill.valor_final, paid_at: PAID_AT },
              },
              key,
            );
            assert.deepEqual([answer.status, answer.body.status], [200, 'queued']);
          }),
        );
        await erp.up();
        const store = await Store.open({ dataDir, databaseUrl: database.url });
        try {
          await until(
            'every delivery to be made',
            async () => {
              const rows = await store.webhooks.listDeliveries({ tenantId, limit: 1000 });
              return rows.length === COUNT && rows.every((r) => r.state === 'delivered') ? true : undefined;
            },
            60_000,
          );
        } finally {
          await store.close();
        }
        const settled = receiver.received.filter((d) => d.json?.type === 'settlement.settled');
        const ids = settled.map((d) => d.json.id as string);
        assert.equal(settled.length, COUNT, 'each event delivered once');
        assert.equal(new Set(ids).size, COUNT);
        assert.deepEqual(settled.map((d) => d.json.data.transaction_id as string).sort(), [...txs].sort());
        for (const d of settled) {
          assert.ok(
            verifyWebhook({ body: d.body, header: d.headers['ponte-signature'] as string, secrets: secret })
              .ok,
          );
        }
      } finally {
        await a.stop();
        await b.stop();
      }
    });
  },
);
