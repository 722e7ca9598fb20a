import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isValidCnpj } from '@brazilian-utils/brazilian-utils';
import { parseDocument } from '../../brasil/document.js';
import { parsePix } from '../../brasil/pix.js';
import { parseSlip } from '../../brasil/slip.js';
import { billSchema, invoiceSchema, planSchema } from '../../contract/index.js';
import { billingProfile, SlipMemo } from './billing.js';
import { openSandbox } from './db.js';
import type { SandboxDatabase } from './db.js';
import { fixtureCustomers } from './fixtures.js';
import { toBill } from './mappers/bills.js';
import { toInvoice } from './mappers/invoices.js';
import { toPlan } from './mappers/plans.js';
import type { PlanRow, BillRow, CustomerRow } from './rows.js';
import { FIRST_GENERATED_ID, TABLES } from './schema.js';
import { seedDatabase, seedSandbox, UNUSED_TEST_DOCUMENTS } from './seed.js';
import { defaultSandboxSettings } from './settings.js';

const TODAY = '2026-11-28';
const dir = mkdtempSync(join(tmpdir(), 'ponte-seed-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function dump(db: SandboxDatabase): string {
  return TABLES.map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all())).join('\n');
}

describe('seedSandbox', () => {
  test('the same seed and day give the same data; another seed gives other data', async () => {
    const paths = ['a', 'b', 'c'].map((n) => join(dir, `${n}.db`));
    await seedSandbox(paths[0]!, { customers: 200, seed: 7, today: TODAY });
    await seedSandbox(paths[1]!, { customers: 200, seed: 7, today: TODAY });
    await seedSandbox(paths[2]!, { customers: 200, seed: 8, today: TODAY });
    const [a, b, c] = paths.map((p) => {
      const db = openSandbox(p);
      const text = dump(db);
      db.close();
      return text;
    });
    assert.equal(a, b);
    assert.notEqual(a, c);
  });

  test('reports progress up to the total and replaces what was there', async () => {
    const path = join(dir, 'progress.db');
    await seedSandbox(path, { customers: 3000, seed: 1, today: TODAY });
    const seen: [number, number][] = [];
    const report = await seedSandbox(path, {
      customers: 2500,
      seed: 2,
      today: TODAY,
      onProgress: (done, total) => seen.push([done, total]),
    });
    assert.deepEqual(seen, [
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
    assert.equal(report.customers, 2500 + fixtureCustomers.length);
  });

  test('zero customers: only the fixed test customers', async () => {
    const report = await seedSandbox(join(dir, 'empty.db'), { customers: 0, today: TODAY });
    assert.equal(report.customers, fixtureCustomers.length);
  });
});

describe('a 1,000-customer dataset', () => {
  let db: SandboxDatabase;
  let customers: Map<number, CustomerRow>;
  const billing = billingProfile(defaultSandboxSettings);
  const ctx = {
    today: TODAY,
    rule: { fineBasisPoints: 200, monthlyInterestBasisPoints: 100, interestFrom: 'due_date' as const },
    codes: new SlipMemo(billing),
  };

  before(() => {
    db = openSandbox(join(dir, 'thousand.db'));
    seedDatabase(db, { customers: 1000, seed: 42, today: TODAY });
    customers = new Map(
      db
        .prepare<[], CustomerRow>('SELECT * FROM customers')
        .all()
        .map((c) => [c.id, c]),
    );
  });
  after(() => db.close());

  test('every document is valid and unique; some CNPJs are alphanumeric', () => {
    const documents = [...customers.values()].map((c) => c.document);
    assert.equal(new Set(documents).size, documents.length);
    for (const document of documents) {
      const parsed = parseDocument(document);
      assert.ok(parsed.ok, `${document}: ${parsed.ok ? '' : parsed.reason}`);
      assert.equal(parsed.value, document);
    }
    const alphanumeric = documents.filter((d) => /[A-Z]/.test(d));
    assert.ok(alphanumeric.length >= 5, `only ${alphanumeric.length} alphanumeric CNPJs`);
    for (const d of alphanumeric) assert.ok(isValidCnpj(d, { version: 2 }), d);
    for (const d of UNUSED_TEST_DOCUMENTS) assert.ok(!documents.includes(d), `${d} must stay unknown`);
  });

  test('every bill: valid 47-digit line for its bank, due date and amount; Pix with amount and txid; invariant', () => {
    const bills = db.prepare<[], BillRow>('SELECT * FROM bills').all();
    assert.ok(bills.length > 4000, `${bills.length} bills`);
    const statuses = new Set<string>();
    for (const row of bills) {
      const bill = billSchema.parse(toBill(row, customers.get(row.customer_id)!, ctx));
      statuses.add(row.status === 'open' && row.due_on < TODAY ? 'overdue' : row.status);
      const cents = (v: string) => Math.round(Number(v) * 100);
      assert.equal(
        cents(bill.valor_final),
        cents(bill.valor_inicial) + cents(bill.juros) + cents(bill.multa) - cents(bill.desconto ?? '0.00'),
      );
      if (row.status === 'cancelled') {
        assert.equal(bill.linha_digitavel, '');
        continue;
      }
      const slip = parseSlip(bill.linha_digitavel, { referenceDate: TODAY });
      assert.ok(slip.ok && slip.kind === 'boleto', `bill ${row.id}: ${slip.ok ? '' : slip.reason}`);
      assert.equal(slip.bank, '341');
      assert.equal(slip.dueDate, row.due_on);
      assert.equal(slip.amountCents, row.amount_cents);
      if (row.status === 'open') {
        const pix = parsePix(bill.pix_code);
        assert.ok(pix.ok, `bill ${row.id}: ${pix.ok ? '' : pix.reason}`);
        assert.equal(pix.fields.amountCents, cents(bill.valor_final));
        assert.equal(pix.fields.txid, `SBXFAT${String(row.id).padStart(10, '0')}`);
        assert.deepEqual(pix.fields.warnings, []);
      } else {
        assert.equal(bill.pix_code, '');
      }
    }
    assert.deepEqual([...statuses].sort(), ['cancelled', 'open', 'overdue', 'paid']);
  });

  test('every invoice has a 44-digit access key with a valid check digit', () => {
    for (const row of db.prepare<[], BillRow>('SELECT * FROM bills').all()) {
      const key = invoiceSchema.parse(toInvoice(row, ctx.codes)).chave_acesso;
      let sum = 0;
      for (let i = 42, w = 2; i >= 0; i--, w = w === 9 ? 2 : w + 1) sum += Number(key[i]) * w;
      assert.equal(Number(key[43]), sum % 11 < 2 ? 0 : 11 - (sum % 11), key);
    }
  });

  test('contracts in every status, consistent with the bills', () => {
    const plans = db
      .prepare<[], PlanRow>(
        'SELECT c.*, p.name AS plan_name FROM contracts c JOIN products p ON p.code = c.product_code',
      )
      .all();
    const kinds = new Set(plans.map((p) => `${p.status}/${p.block_reason}`));
    for (const kind of [
      'active/',
      'blocked/financial',
      'blocked/manual',
      'suspended/',
      'pending/',
      'cancelled/',
      'inactive/',
    ]) {
      assert.ok(kinds.has(kind), `no ${kind} contract`);
    }
    for (const p of plans) planSchema.parse(toPlan(p, TODAY, 30));
    const overdueOf = db.prepare<[number, string], { n: number }>(
      "SELECT count(*) AS n FROM bills WHERE contract_id = ? AND status = 'open' AND due_on < ?",
    );
    for (const p of plans.filter((k) => k.block_reason === 'financial' && k.id >= FIRST_GENERATED_ID)) {
      assert.ok(
        overdueOf.get(p.id, TODAY)!.n >= 1,
        `contract ${p.id} is blocked for debt without overdue bills`,
      );
    }
    const pending = plans.filter((p) => p.status === 'pending' && p.id >= FIRST_GENERATED_ID);
    const billed = db.prepare<[number], { n: number }>(
      'SELECT count(*) AS n FROM bills WHERE contract_id = ?',
    );
    for (const p of pending) assert.equal(billed.get(p.id)!.n, 0);
  });

  test('realistic extras: duplicated contacts, pending notes, tickets, settlements, past trust unlocks', () => {
    const count = (sql: string) => db.prepare<[], { n: number }>(sql).get()!.n;
    assert.ok(
      count(
        'SELECT count(*) AS n FROM contacts c JOIN customers u ON u.id = c.customer_id WHERE lower(c.value) = u.email',
      ) > 50,
    );
    assert.ok(count('SELECT count(*) AS n FROM internal_notes WHERE pending = 1') > 20);
    assert.ok(count('SELECT count(*) AS n FROM tickets') > 30);
    assert.ok(count("SELECT count(*) AS n FROM settlements WHERE status = 'settled'") > 100);
    assert.ok(count('SELECT count(*) AS n FROM trust_unlocks') > 10);
    assert.ok(count('SELECT count(*) AS n FROM leads') > 5);
    assert.ok(count("SELECT count(*) AS n FROM bills WHERE discount_cents > 0 AND status = 'open'") > 10);
  });
});
