// The provider kit's shared pieces, on their own: bill valuation, the retry policy, the edge
// parsers, paging, and deriving a provider's functions from its folder.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PonteError } from '../../contract/index.js';
import { defineProvider, functionsFor, loadFunctions } from './define.js';
import { brDate, cents, digits, document, httpUrl, isoDate, text } from './edge.js';
import { readAllPages } from './paging.js';
import { retryWait } from './retry.js';
import { baseUrlSetting, idSetting, numericIdSetting } from './settings.js';
import { billMoney, byDueDate, valueBill, type FeeRule } from './valuation.js';

const rule: FeeRule = { fineBasisPoints: 200, monthlyInterestBasisPoints: 100, interestFrom: 'due_date' };

describe('valueBill', () => {
  test('rule: nothing until the due date, then the fine and pro rata interest', () => {
    assert.deepEqual(
      billMoney(valueBill(10_000, '2026-11-10', { kind: 'rule', rule, on: '2026-11-10', consumer: true })),
      {
        valor_inicial: '100.00',
        juros: '0.00',
        multa: '0.00',
        desconto: '0.00',
        valor_final: '100.00',
      },
    );
    // 20 days late: 2 % fine (200 cents) and 1 %/30 a day (10000 * 100 * 20 / 300000 = 66.67 -> 67).
    const late = valueBill(10_000, '2026-11-10', { kind: 'rule', rule, on: '2026-11-30', consumer: true });
    assert.equal(late.fineCents, 200);
    assert.equal(late.interestCents, 67);
    assert.equal(late.totalCents, 10_267);
    assert.equal(late.daysLate, 20);
  });

  test('a consumer fine is capped at 2 %, a company one is not', () => {
    const steep = { ...rule, fineBasisPoints: 1_000 };
    assert.equal(
      valueBill(10_000, '2026-11-10', { kind: 'rule', rule: steep, on: '2026-11-11', consumer: true })
        .fineCents,
      200,
    );
    assert.equal(
      valueBill(10_000, '2026-11-10', { kind: 'rule', rule: steep, on: '2026-11-11', consumer: false })
        .fineCents,
      1_000,
    );
  });

  test("erp: the ERP's own split, checked", () => {
    const a = valueBill(9_990, '2026-11-10', {
      kind: 'erp',
      interestCents: 33,
      fineCents: 199,
      discountCents: 10,
    });
    assert.equal(a.totalCents, 9_990 + 33 + 199 - 10);
    assert.throws(
      () => valueBill(100, '2026-11-10', { kind: 'erp', interestCents: 0, fineCents: 0, discountCents: 200 }),
      (e: unknown) => e instanceof PonteError && e.code === 'ERP_BAD_RESPONSE',
    );
  });

  test("erp_total: an updated total split into the rule's fine and the rest as interest", () => {
    const a = valueBill(10_000, '2026-11-10', {
      kind: 'erp_total',
      totalCents: 10_350,
      rule,
      consumer: true,
    });
    assert.deepEqual([a.fineCents, a.interestCents, a.discountCents], [200, 150, 0]);
    // An increase smaller than the fine is all fine; a total below the amount is a discount.
    const small = valueBill(10_000, '2026-11-10', {
      kind: 'erp_total',
      totalCents: 10_050,
      rule,
      consumer: true,
    });
    assert.deepEqual([small.fineCents, small.interestCents], [50, 0]);
    const less = valueBill(10_000, '2026-11-10', {
      kind: 'erp_total',
      totalCents: 9_500,
      rule,
      consumer: true,
    });
    assert.deepEqual(
      [less.fineCents, less.interestCents, less.discountCents, less.totalCents],
      [0, 0, 500, 9_500],
    );
  });

  test('paid: more than the amount is interest, less a discount', () => {
    assert.equal(valueBill(10_000, '2026-11-10', { kind: 'paid', paidCents: 10_120 }).interestCents, 120);
    assert.equal(valueBill(10_000, '2026-11-10', { kind: 'paid', paidCents: 9_900 }).discountCents, 100);
  });

  test('amounts that are not whole non-negative cents are the ERP contradicting itself', () => {
    assert.throws(() => valueBill(-1, '', { kind: 'none' }), /do not add up/);
    assert.throws(() => valueBill(10.5, '', { kind: 'none' }), /do not add up/);
  });

  test('byDueDate: oldest first, ties by numeric id, then by text', () => {
    const bills = [
      { vencimento: '2026-12-10', fatura: '10' },
      { vencimento: '2026-11-10', fatura: '9' },
      { vencimento: '2026-12-10', fatura: '9' },
      { vencimento: '2026-12-10', fatura: 'B' },
      { vencimento: '2026-12-10', fatura: 'A' },
    ];
    assert.deepEqual(
      [...bills].sort(byDueDate).map((b) => b.fatura),
      ['9', '9', '10', 'A', 'B'],
    );
  });
});

describe('retryWait', () => {
  const policy = { retries: 2, baseMs: 100, capMs: 5_000 };
  test('reads are retried up to the limit, with jittered exponential backoff', () => {
    assert.equal(
      retryWait({ attempt: 0, read: true, delivery: 'maybe_sent' }, policy, () => 0.5),
      50,
    );
    assert.equal(
      retryWait({ attempt: 1, read: true, delivery: 'maybe_sent' }, policy, () => 0.5),
      100,
    );
    assert.equal(
      retryWait({ attempt: 2, read: true, delivery: 'maybe_sent' }, policy, () => 0.5),
      null,
    );
    // Never less than a tenth of the step.
    assert.equal(
      retryWait({ attempt: 0, read: true, delivery: 'maybe_sent' }, policy, () => 0),
      10,
    );
  });
  test('a write is retried only when it provably never left', () => {
    assert.equal(
      retryWait({ attempt: 0, read: false, delivery: 'maybe_sent' }, policy, () => 0.5),
      null,
    );
    assert.equal(
      retryWait({ attempt: 0, read: false, delivery: 'not_sent' }, policy, () => 0.5),
      50,
    );
  });
  test("the ERP's Retry-After wins, within the cap", () => {
    assert.equal(
      retryWait({ attempt: 0, read: true, delivery: 'maybe_sent', retryAfterSeconds: 2 }, policy),
      2_000,
    );
    assert.equal(
      retryWait({ attempt: 0, read: true, delivery: 'maybe_sent', retryAfterSeconds: 60 }, policy),
      5_000,
    );
  });
});

describe('edge parsers', () => {
  test('money in every form ERPs send, never guessed', () => {
    assert.equal(cents(54.95), 5_495);
    assert.equal(cents('28.27'), 2_827);
    assert.equal(cents('1.234,56'), 123_456);
    assert.equal(cents('R$ 10,00'), 1_000);
    assert.equal(cents(''), null);
    assert.equal(cents('1.234'), null, 'ambiguous: three decimals or thousands');
    assert.equal(cents(null), null);
  });
  test('dates as ISO, with or without a time, or dd/mm/yyyy; impossible ones are null', () => {
    assert.equal(isoDate('2026-11-28'), '2026-11-28');
    assert.equal(isoDate('2026-11-28 14:03:00'), '2026-11-28');
    assert.equal(isoDate('2026-11-28T14:03:00-03:00'), '2026-11-28');
    assert.equal(isoDate('28/11/2026'), '2026-11-28');
    assert.equal(isoDate('28/11/2026 14:03:00'), '2026-11-28');
    assert.equal(isoDate('0000-00-00'), null);
    assert.equal(isoDate('31/02/2026'), null);
    assert.equal(brDate('2026-11-28'), '28/11/2026');
  });
  test('text, digits, documents and links', () => {
    assert.equal(text(' Ativo '), 'Ativo');
    assert.equal(text(12), '12');
    assert.equal(text({}), '');
    assert.equal(digits('(19) 98765-4321'), '19987654321');
    assert.equal(document('529.982.247-25'), '52998224725');
    assert.equal(httpUrl(' https://erp.example/boleto/1 '), 'https://erp.example/boleto/1');
    assert.equal(httpUrl('/boleto/1'), '');
    assert.equal(httpUrl('null'), '');
  });
});

describe('readAllPages', () => {
  test('reads until a short page or the reported total, and refuses an ERP that never stops', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => i);
    const asked: number[] = [];
    const all = await readAllPages(
      (index, offset) => {
        asked.push(offset);
        return Promise.resolve({ rows: rows.slice(offset, offset + 10) });
      },
      { pageSize: 10, erpName: 'ERP' },
    );
    assert.deepEqual(all, rows);
    assert.deepEqual(asked, [0, 10, 20]);
    const exact = await readAllPages((i) => Promise.resolve({ rows: i === 0 ? [1, 2] : [9], total: 2 }), {
      pageSize: 2,
      erpName: 'ERP',
    });
    assert.deepEqual(exact, [1, 2], 'the total stops it without asking for an empty page');
    await assert.rejects(
      readAllPages(() => Promise.resolve({ rows: [1, 2] }), { pageSize: 2, maxPages: 5, erpName: 'ERP' }),
      /kept answering full pages after 5 pages/,
    );
  });
});

describe('settings fields', () => {
  test('ids as strings or numbers; the base URL rule', () => {
    assert.equal(idSetting('caixa').parse(139), '139');
    assert.equal(idSetting('caixa').parse(' 139 '), '139');
    assert.equal(numericIdSetting('caixa').parse('139'), 139);
    assert.equal(idSetting('caixa').safeParse('abc').success, false);
    assert.equal(idSetting('caixa').safeParse(0).success, false);
    assert.equal(baseUrlSetting().parse('https://erp.example/api/'), 'https://erp.example/api');
    assert.equal(
      baseUrlSetting({ pathSuffix: '/webservice/v1' }).safeParse('https://erp.example').success,
      false,
    );
    assert.equal(baseUrlSetting().safeParse('ftp://erp.example').success, false);
  });
});

describe('declaring functions', () => {
  type Conn = { n: number };
  const declare = functionsFor<Conn, { token: string; branch?: string; retries?: number }>();

  test('the map is derived from the declared functions, with their needs; a duplicate is refused', async () => {
    const fn = declare('list_products', (conn) =>
      Promise.resolve([{ codigo: String(conn.n), nome: 'x', valor: '1.00' }]),
    );
    const ticket = declare('create_ticket', { needs: ['branch'] }, () =>
      Promise.resolve({ remote_id: '1', protocol: '1' }),
    );
    const provider = defineProvider({
      id: 'x',
      displayName: 'X',
      settings: idSetting('x') as never,
      secretFields: ['token'],
      functions: [fn, ticket],
      connect: () => ({ n: 7 }),
    });
    assert.deepEqual(Object.keys(provider.functions), ['list_products', 'create_ticket']);
    assert.deepEqual(provider.needs, { create_ticket: ['branch'] });
    assert.deepEqual(await provider.functions.list_products!({ n: 7 }, {}, undefined as never), [
      { codigo: '7', nome: 'x', valor: '1.00' },
    ]);
    assert.throws(
      () =>
        defineProvider({
          id: 'y',
          displayName: 'Y',
          settings: idSetting('x'),
          secretFields: [],
          functions: [fn, fn],
          connect: () => ({ n: 1 }),
        }),
      /declares list_products twice/,
    );
  });

  test('a connect that throws at once is a rejected connection', async () => {
    const provider = defineProvider<unknown, Conn>({
      id: 'z',
      displayName: 'Z',
      settings: idSetting('x'),
      secretFields: [],
      functions: [],
      connect: () => {
        throw new Error('no dataset');
      },
    });
    await assert.rejects(provider.connect({} as never), /no dataset/);
  });

  test('loadFunctions: one file per function, named after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ponte-fns-'));
    try {
      const fn = (name: string) =>
        `export const f = { name: '${name}', needs: [], run: () => Promise.resolve([]) };\nexport const other = 1;\n`;
      writeFileSync(join(dir, 'list_plans.js'), fn('list_plans'));
      writeFileSync(join(dir, 'list_invoices.js'), fn('list_invoices'));
      writeFileSync(join(dir, 'list_invoices.test.js'), 'throw new Error("tests are not functions")');
      const url = new URL(`${pathToFileURL(dir).href}/`);
      assert.deepEqual(
        (await loadFunctions(url)).map((f) => f.name),
        ['list_invoices', 'list_plans'],
      );
      writeFileSync(join(dir, 'list_bills.js'), fn('get_bill'));
      await assert.rejects(
        loadFunctions(url),
        /list_bills\.js must declare exactly the function list_bills \(found: get_bill\)/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
