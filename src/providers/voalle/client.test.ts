// The Voalle provider against its simulator over real HTTP, without the gateway: the token flow
// (cached, replaced on 401, refused credentials naming the settings, a separate auth port), the
// envelope variants the clients disagree on (messages null / "" / [], status placement, the two
// campaign shapes, paging from 0), success:false with HTTP 200, and the rate limit.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { PonteError } from '../../contract/index.js';
import { defaultTenantOptions } from '../tenant-options.js';
import type { CallContext } from '../types.js';
import { seedVoalle } from '../../../simulators/voalle/seed.js';
import {
  startVoalleSimulator,
  voalleTenantSettings,
  type VoalleSimulator,
} from '../../../simulators/voalle/server.js';
import { VoalleClient } from './client.js';
import { voalleProvider, type VoalleConnection } from './index.js';
import { voalleSettingsSchema } from './settings.js';

const F = seedVoalle().fixtures;
const call = (): CallContext => ({
  requestId: 'test',
  tenantId: 't1',
  signal: AbortSignal.timeout(20_000),
  now: new Date(),
  log: pino({ level: 'silent' }),
  warn: () => {},
});

async function connect(sim: VoalleSimulator, extra: Record<string, unknown> = {}): Promise<VoalleConnection> {
  const settings = voalleSettingsSchema.parse({ ...voalleTenantSettings(sim.url, sim.authUrl), ...extra });
  return voalleProvider.connect({
    tenantId: 't1',
    settings,
    options: defaultTenantOptions,
    dataDir: '',
    log: pino({ level: 'silent' }),
  });
}
const fn = voalleProvider.functions;

let sim: VoalleSimulator;
let conn: VoalleConnection;
before(async () => {
  sim = await startVoalleSimulator({ seed: { customers: 3 } });
  conn = await connect(sim);
});
after(async () => {
  await conn.client.close();
  await sim.close();
});

describe('Voalle token flow', () => {
  test('one token serves many calls; a revoked token is replaced once and the call goes through', async () => {
    const issued = sim.state.counters.tokensIssued;
    await fn.get_customer!(conn, { customer_document_number: F.withBills }, call());
    await fn.list_bills!(conn, { customer_document_number: F.withBills }, call());
    assert.equal(sim.state.counters.tokensIssued, issued + 1);
    sim.state.revokeAllTokens();
    const customer = await fn.get_customer!(conn, { customer_document_number: F.withBills }, call());
    assert.equal(customer.id_remoto !== '', true);
    assert.equal(sim.state.counters.tokensIssued, issued + 2);
  });

  test('the token is kept until a minute before expires_in, then renewed (injected clock)', async () => {
    let now = 1_000_000;
    const client = new VoalleClient(voalleSettingsSchema.parse(voalleTenantSettings(sim.url)), () => now);
    try {
      const issued = sim.state.counters.tokensIssued;
      const first = await client.bearer(call());
      now += 3_500_000; // 58 min 20 s: still fresh
      assert.equal(await client.bearer(call()), first);
      now += 50_000; // less than a minute left of 3600 s
      assert.notEqual((await client.bearer(call())).value, first.value);
      assert.equal(sim.state.counters.tokensIssued, issued + 2);
      // Concurrent callers share one token request.
      now += 3_600_000;
      await Promise.all(Array.from({ length: 10 }, () => client.bearer(call())));
      assert.equal(sim.state.counters.tokensIssued, issued + 3);
    } finally {
      await client.close();
    }
  });

  test('a bad secret is ERP_UNAVAILABLE naming client_id, client_secret and syndata, never the secret', async () => {
    const bad = await connect(sim, { client_secret: 'not-the-secret' });
    try {
      await assert.rejects(
        fn.get_customer!(bad, { customer_document_number: F.withBills }, call()),
        (error: unknown) => {
          assert.ok(error instanceof PonteError);
          assert.equal(error.code, 'ERP_UNAVAILABLE');
          assert.match(error.message, /client_secret/);
          assert.match(error.message, /syndata/);
          assert.doesNotMatch(JSON.stringify(error.toBody('x')), /not-the-secret/);
          return true;
        },
      );
    } finally {
      await bad.client.close();
    }
  });

  test('auth and API on separate ports', async () => {
    const split = await startVoalleSimulator({ separateAuthPort: true });
    const c = await connect(split);
    try {
      const bills = await fn.list_bills!(c, { customer_document_number: F.withBills }, call());
      assert.equal(bills.length, 3);
    } finally {
      await c.client.close();
      await split.close();
    }
  });

  test('check lists company places, contract types, campaigns, price lists and incident types', async () => {
    const report = await voalleProvider.check!(conn, call());
    assert.equal(report.ok, true, report.messages.join('\n'));
    assert.deepEqual(Object.keys(report.choices).sort(), [
      'company_place_tx_id',
      'contract_type',
      'crm_campaign_code',
      'crm_price_list_code',
      'incident_types',
    ]);
    assert.equal(report.choices.crm_price_list_code![0]!.id, '31');
  });
});

describe('Voalle envelope variants answer the same', () => {
  const document = { customer_document_number: F.withBills };
  let baseline: { bills: unknown; bill: unknown; none: unknown; products: unknown; plans: unknown };
  const read = async (c: VoalleConnection) => {
    const bills = await fn.list_bills!(c, document, call());
    return {
      bills,
      bill: await fn.get_bill!(c, { ...document, customer_bill_id: bills[0]!.fatura }, call()),
      none: await fn.list_bills!(c, { customer_document_number: F.withoutBills }, call()),
      products: await fn.list_products!(c, {}, call()),
      plans: await fn.list_plans!(c, { customer_document_number: F.unlockable }, call()),
    };
  };
  before(async () => {
    baseline = await read(conn);
  });

  for (const variant of [
    'messages-empty-string',
    'messages-array',
    'status-on-item',
    'campaigns-ts',
    'nothing-open-success',
    'paging-zero',
  ]) {
    test(variant, async () => {
      const v = await startVoalleSimulator({ variants: [variant], seed: { customers: 3 } });
      const c = await connect(v);
      try {
        assert.deepEqual(await read(c), baseline);
      } finally {
        await c.client.close();
        await v.close();
      }
    });
  }

  test('open-bare: no status and no contractNumber on open titles; the bills stay open', async () => {
    const v = await startVoalleSimulator({ variants: ['open-bare'] });
    const c = await connect(v);
    try {
      const bills = await fn.list_bills!(c, document, call());
      assert.equal(bills.length, 3);
      assert.ok(bills.every((b) => b.status === 'open' && !b.historico.startsWith('Contrato')));
    } finally {
      await c.client.close();
      await v.close();
    }
  });

  test('success:false with HTTP 200 on a read is ERP_BAD_RESPONSE with the message', async () => {
    sim.faults.set({ kind: 'error200', route: 'getopentitlesbytxid', times: 1 });
    try {
      await assert.rejects(fn.list_bills!(conn, document, call()), /Ocorreu um erro ao processar/);
    } finally {
      sim.faults.clear();
    }
  });

  test('an unknown document is CUSTOMER_NOT_FOUND ("Registro não encontrado.")', async () => {
    await assert.rejects(
      fn.get_customer!(conn, { customer_document_number: F.prospectOnly }, call()),
      /no client/,
    );
    await assert.rejects(
      fn.list_bills!(conn, { customer_document_number: '52998224725' }, call()),
      /no client/,
    );
  });
});

describe('Voalle rate limit', () => {
  test('beyond 30 requests a minute the simulator answers 429 and the provider reports ERP_UNAVAILABLE with Retry-After', async () => {
    const limited = await startVoalleSimulator({ faults: [{ kind: 'rate-limit' }] });
    const c = await connect(limited);
    try {
      // The first call costs the token request (auth is not limited) and one request.
      for (let i = 0; i < 30; i++) await fn.list_due_dates!(c, {}, call());
      const short: CallContext = { ...call(), signal: AbortSignal.timeout(300) };
      await assert.rejects(fn.list_due_dates!(c, {}, short), (error: unknown) => {
        // Either the deadline of this short call or the ERP_UNAVAILABLE of the 429 (Retry-After is seconds away).
        return error instanceof PonteError
          ? error.code === 'ERP_UNAVAILABLE' && (error.retryAfterSeconds ?? 0) >= 1
          : (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
      });
      assert.ok(limited.state.counters.rateLimited >= 1);
    } finally {
      await c.client.close();
      await limited.close();
    }
  });
});
