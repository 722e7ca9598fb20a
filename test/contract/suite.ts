// The provider contract suite: written once, run unchanged against every provider (the sandbox,
// and each ERP through its simulator) over real HTTP. A target supplies how to start Ponte on that
// provider and which of its customers play each role; the suite does the rest.
import { describe, test, before, after, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { functionNames, functions, type FunctionName } from '../../src/contract/index.js';
import { parseSlip } from '../../src/brasil/slip.js';
import { parsePix } from '../../src/brasil/pix.js';
import { parseMoney } from '../../src/brasil/money.js';
import type { Answer } from '../helpers/ponte.js';
import type { ContractRoles } from '../../simulators/types.js';

export interface ContractSession {
  /** Calls a function with the tenant's key. */
  call(name: string, body: unknown): Promise<Answer>;
  /** GET /v1/functions with the tenant's key. */
  catalogue(): Promise<Answer>;
  close(): Promise<void>;
}

/** The customers that play each role (see simulators/types.ts). */
export type ContractFixtures = ContractRoles;

export interface ContractTarget {
  name: string;
  /**
   * The functions this provider cannot do. The suite checks that the catalogue says exactly this
   * and reports their tests as skipped, so a function lost by accident fails the run.
   */
  unsupported: readonly FunctionName[];
  start(): Promise<ContractSession>;
  fixtures: ContractFixtures;
}

const cents = (money: string) => {
  const parsed = parseMoney(money);
  assert.ok(parsed.ok, `not money: ${money}`);
  return parsed.cents;
};

function assertValid(name: FunctionName, answer: Answer) {
  assert.equal(answer.status, 200, `${name}: ${JSON.stringify(answer.body)}`);
  const parsed = functions[name].output.safeParse(answer.body);
  assert.ok(parsed.success, `${name} output: ${JSON.stringify(parsed.error?.issues)}`);
}

function assertPdf(answer: Answer) {
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const bytes = Buffer.from(answer.body.base_64, 'base64');
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(bytes.length > 500);
}

function transaction(id: string, amount: string) {
  return { id, method: 'pix', amount, paid_at: new Date().toISOString(), end_to_end_id: `E${id}` };
}

export function providerContractSuite(target: ContractTarget): void {
  describe(`provider contract: ${target.name}`, () => {
    let s: ContractSession;
    let supported: Set<string>;
    const f = target.fixtures;
    const has = (name: FunctionName) => supported.has(name);
    // A function's tests are reported as skipped when the provider lacks it (which must be declared:
    // see the catalogue test); NOT_SUPPORTED is tested below.
    const when = (name: FunctionName, fn: () => Promise<void>) => async (t: TestContext) => {
      if (!has(name)) {
        t.skip(`${target.name} cannot do ${name}`);
        return;
      }
      await fn();
    };

    before(async () => {
      s = await target.start();
      const cat = await s.catalogue();
      assert.equal(cat.status, 200);
      supported = new Set(
        (cat.body.functions as { name: string; supported: boolean }[])
          .filter((x) => x.supported)
          .map((x) => x.name),
      );
    });
    after(async () => {
      await s.close();
    });

    test('the catalogue lists all 21 functions and which ones this provider supports', async () => {
      const cat = await s.catalogue();
      assert.deepEqual(
        cat.body.functions.map((x: { name: string }) => x.name),
        [...functionNames],
      );
      for (const x of cat.body.functions) assert.equal(typeof x.supported, 'boolean');
    });

    test('the functions it cannot do are exactly the ones declared for it', () => {
      const lacking = functionNames.filter((n) => !has(n));
      assert.deepEqual(
        lacking,
        functionNames.filter((n) => target.unsupported.includes(n)),
      );
    });

    test('functions the provider lacks answer 501 NOT_SUPPORTED naming the ERP', async () => {
      for (const name of functionNames.filter((n) => !has(n))) {
        const answer = await s.call(name, functions[name].example);
        assert.equal(answer.status, 501, name);
        assert.equal(answer.body.error.code, 'NOT_SUPPORTED');
        assert.match(answer.body.error.message, new RegExp(name));
      }
    });

    describe('catalogue reads', () => {
      for (const name of [
        'list_products',
        'list_due_dates',
        'list_resellers',
        'list_commercial_origins',
      ] as const) {
        test(
          `${name} answers its schema`,
          when(name, async () => {
            const answer = await s.call(name, {});
            assertValid(name, answer);
            assert.ok(Array.isArray(answer.body));
          }),
        );
      }
    });

    describe('billing', () => {
      test(
        'list_bills: open bills only, oldest first, amounts add up, check digits and CRCs hold',
        when('list_bills', async () => {
          for (const doc of [f.customerWithBills, f.otherCustomerWithBills]) {
            const answer = await s.call('list_bills', { customer_document_number: doc });
            assertValid('list_bills', answer);
            const bills = answer.body as Record<string, string>[];
            assert.ok(bills.length >= 1);
            const dates = bills.map((b) => b.vencimento!);
            assert.deepEqual(dates, [...dates].sort());
            for (const b of bills) {
              assert.equal(b.document_number, doc);
              assert.ok(b.status === undefined || b.status === 'open');
              assert.equal(
                cents(b.valor_final!),
                cents(b.valor_inicial!) + cents(b.juros!) + cents(b.multa!) - cents(b.desconto ?? '0.00'),
              );
              if (b.linha_digitavel) assert.ok(parseSlip(b.linha_digitavel).ok, b.linha_digitavel);
              if (b.pix_code) assert.ok(parsePix(b.pix_code).ok, b.pix_code);
              assert.notEqual(b.remote_id, '');
            }
          }
        }),
      );

      test(
        'list_bills accepts a masked document and answers the same',
        when('list_bills', async () => {
          const doc = f.customerWithBills;
          const masked =
            doc.length === 11
              ? `${doc.slice(0, 3)}.${doc.slice(3, 6)}.${doc.slice(6, 9)}-${doc.slice(9)}`
              : `${doc.slice(0, 2)}.${doc.slice(2, 5)}.${doc.slice(5, 8)}/${doc.slice(8, 12)}-${doc.slice(12)}`;
          const a = await s.call('list_bills', { customer_document_number: doc });
          const b = await s.call('list_bills', { customer_document_number: masked });
          assert.deepEqual(b.body, a.body);
        }),
      );

      test(
        'list_bills of a customer without open bills is []',
        when('list_bills', async () => {
          const answer = await s.call('list_bills', { customer_document_number: f.customerWithoutBills });
          assertValid('list_bills', answer);
          assert.deepEqual(answer.body, []);
        }),
      );

      test(
        'get_bill returns the bill to its owner and [] to anyone else',
        when('get_bill', async () => {
          const bills = (await s.call('list_bills', { customer_document_number: f.customerWithBills })).body;
          const bill = bills[0];
          const mine = await s.call('get_bill', {
            customer_document_number: f.customerWithBills,
            customer_bill_id: bill.fatura,
          });
          assertValid('get_bill', mine);
          assert.equal(mine.body.length, 1);
          assert.equal(mine.body[0].fatura, bill.fatura);
          const theirs = await s.call('get_bill', {
            customer_document_number: f.otherCustomerWithBills,
            customer_bill_id: bill.fatura,
          });
          assert.equal(theirs.status, 200);
          assert.deepEqual(theirs.body, []);
          const none = await s.call('get_bill', {
            customer_document_number: f.customerWithBills,
            customer_bill_id: '999999999',
          });
          assert.deepEqual(none.body, []);
        }),
      );

      test(
        'get_boleto_pdf returns a PDF; an unknown boleto is BILL_NOT_FOUND',
        when('get_boleto_pdf', async () => {
          const bill = (await s.call('list_bills', { customer_document_number: f.customerWithBills }))
            .body[0];
          const pdf = await s.call('get_boleto_pdf', { boleto_id: bill.remote_id });
          assertValid('get_boleto_pdf', pdf);
          assertPdf(pdf);
          const missing = await s.call('get_boleto_pdf', { boleto_id: '999999999' });
          assert.equal(missing.status, 404);
          assert.equal(missing.body.error.code, 'BILL_NOT_FOUND');
        }),
      );

      test(
        'settle_bill: exactly once per transaction, even under 20 concurrent duplicates',
        when('settle_bill', async () => {
          const bills = (await s.call('list_bills', { customer_document_number: f.customerWithBills })).body;
          const bill = bills[bills.length - 1];
          const body = {
            boleto_id: bill.remote_id,
            customer_document_number: f.customerWithBills,
            transaction: transaction(`contract-${Date.now()}`, bill.valor_final),
          };
          const answers = await Promise.all(Array.from({ length: 20 }, () => s.call('settle_bill', body)));
          for (const a of answers) {
            assertValid('settle_bill', a);
            assert.deepEqual(a.body, answers[0]!.body);
          }
          assert.equal(answers[0]!.body.success, true);
          assert.equal(answers[0]!.body.status, 'settled');
          assert.equal(typeof answers[0]!.body.api_response, 'string');

          const again = await s.call('settle_bill', body);
          assert.deepEqual(again.body, answers[0]!.body);

          const conflict = await s.call('settle_bill', {
            ...body,
            transaction: { ...body.transaction, amount: '1.00' },
          });
          assert.equal(conflict.status, 409);
          assert.equal(conflict.body.error.code, 'IDEMPOTENCY_CONFLICT');

          const other = await s.call('settle_bill', {
            ...body,
            transaction: transaction(`contract-other-${Date.now()}`, bill.valor_final),
          });
          assertValid('settle_bill', other);
          assert.equal(other.body.success, false);
          assert.equal(other.body.status, 'already_settled');

          const after = (await s.call('list_bills', { customer_document_number: f.customerWithBills })).body;
          assert.ok(
            !after.some((b: { fatura: string }) => b.fatura === bill.fatura),
            'a settled bill is no longer open',
          );
        }),
      );

      test(
        "settle_bill refuses another customer's bill",
        when('settle_bill', async () => {
          const bill = (await s.call('list_bills', { customer_document_number: f.otherCustomerWithBills }))
            .body[0];
          const answer = await s.call('settle_bill', {
            boleto_id: bill.remote_id,
            customer_document_number: f.customerWithBills,
            transaction: transaction(`contract-foreign-${Date.now()}`, bill.valor_final),
          });
          assert.equal(answer.status, 404);
          assert.equal(answer.body.error.code, 'BILL_NOT_FOUND');
        }),
      );
    });

    describe('customer', () => {
      test(
        'get_customer answers its schema; an unknown document is CUSTOMER_NOT_FOUND',
        when('get_customer', async () => {
          assertValid(
            'get_customer',
            await s.call('get_customer', { customer_document_number: f.customerWithBills }),
          );
          const missing = await s.call('get_customer', { customer_document_number: f.unknownCustomer });
          assert.equal(missing.status, 404);
          assert.equal(missing.body.error.code, 'CUSTOMER_NOT_FOUND');
        }),
      );

      test(
        'get_customer_contacts answers deduplicated contacts',
        when('get_customer_contacts', async () => {
          const answer = await s.call('get_customer_contacts', {
            customer_document_number: f.customerWithBills,
          });
          assertValid('get_customer_contacts', answer);
          const keys = answer.body.map((c: { type: string; value: string }) => `${c.type}:${c.value}`);
          assert.equal(new Set(keys).size, keys.length);
        }),
      );

      test(
        'get_internal_pending returns the notes',
        when('get_internal_pending', async () => {
          const answer = await s.call('get_internal_pending', {
            customer_document_number: f.customerWithNotes,
          });
          assertValid('get_internal_pending', answer);
          assert.ok(answer.body.length >= 1);
        }),
      );

      test(
        'update_customer changes only the given fields',
        when('update_customer', async () => {
          const doc = f.customerWithNotes;
          const before = (await s.call('get_customer', { customer_document_number: doc })).body;
          const email = `contract.${Date.now()}@example.com`;
          const answer = await s.call('update_customer', {
            customer_document_number: doc,
            changes: { email },
          });
          assertValid('update_customer', answer);
          assert.equal(answer.body.success, true);
          if (has('get_customer')) {
            const after = (await s.call('get_customer', { customer_document_number: doc })).body;
            assert.equal(after.email, email);
            assert.deepEqual({ ...after, email: before.email }, before);
          }
        }),
      );
    });

    describe('service', () => {
      test(
        'list_plans and list_blocked_plans: the blocked list is the blocked subset',
        when('list_plans', async () => {
          const all = await s.call('list_plans', { customer_document_number: f.unlockableCustomer });
          assertValid('list_plans', all);
          if (!has('list_blocked_plans')) return;
          const blocked = await s.call('list_blocked_plans', {
            customer_document_number: f.unlockableCustomer,
          });
          assertValid('list_blocked_plans', blocked);
          assert.ok(blocked.body.length >= 1);
          for (const p of blocked.body) assert.equal(p.blocked, true);
          assert.deepEqual(
            blocked.body,
            all.body.filter((p: { blocked: boolean }) => p.blocked),
          );
        }),
      );

      test(
        'trust_unlock releases the blocked contract once; a second try is refused as data',
        when('trust_unlock', async () => {
          const first = await s.call('trust_unlock', { customer_document_number: f.unlockableCustomer });
          assertValid('trust_unlock', first);
          assert.equal(first.body.success, true, JSON.stringify(first.body));
          const second = await s.call('trust_unlock', { customer_document_number: f.unlockableCustomer });
          assertValid('trust_unlock', second);
          assert.equal(second.body.success, false);
          assert.notEqual(second.body.message, '');
        }),
      );

      test(
        'trust_unlock of an unknown contract is CONTRACT_NOT_FOUND',
        when('trust_unlock', async () => {
          const answer = await s.call('trust_unlock', {
            customer_document_number: f.unlockableCustomer,
            contract_id: '999999999',
          });
          assert.equal(answer.status, 404);
          assert.equal(answer.body.error.code, 'CONTRACT_NOT_FOUND');
        }),
      );

      test(
        'create_ticket: the same request_id never opens two tickets',
        when('create_ticket', async () => {
          const body = {
            customer_document_number: f.customerWithBills,
            subject: 'Sem conexão',
            message: 'Cliente relata queda desde ontem',
            request_id: `contract-ticket-${Date.now()}`,
          };
          const answers = await Promise.all(Array.from({ length: 20 }, () => s.call('create_ticket', body)));
          for (const a of answers) {
            assertValid('create_ticket', a);
            assert.deepEqual(a.body, answers[0]!.body);
          }
          const another = await s.call('create_ticket', { ...body, request_id: `${body.request_id}-b` });
          assert.notEqual(another.body.remote_id, answers[0]!.body.remote_id);
        }),
      );

      test(
        'list_invoices and get_invoice_pdf; a foreign invoice is INVOICE_NOT_FOUND',
        when('list_invoices', async () => {
          const list = await s.call('list_invoices', { customer_document_number: f.customerWithInvoices });
          assertValid('list_invoices', list);
          assert.ok(list.body.length >= 1);
          if (!has('get_invoice_pdf')) return;
          const invoice = list.body[0];
          assertPdf(
            await s.call('get_invoice_pdf', {
              customer_document_number: f.customerWithInvoices,
              invoice_id: invoice.id_nota,
            }),
          );
          const foreign = await s.call('get_invoice_pdf', {
            customer_document_number: f.customerWithoutBills,
            invoice_id: invoice.id_nota,
          });
          assert.equal(foreign.status, 404);
          assert.equal(foreign.body.error.code, 'INVOICE_NOT_FOUND');
        }),
      );
    });

    describe('sales', () => {
      /** The contract's example order, with codes taken from this provider's own catalogue. */
      const orderFor = async (id: string) => {
        const example = functions.create_order.example.order;
        const product = has('list_products') ? (await s.call('list_products', {})).body[0] : undefined;
        const dueDate = has('list_due_dates') ? (await s.call('list_due_dates', {})).body[0] : undefined;
        const reseller = has('list_resellers') ? (await s.call('list_resellers', {})).body[0] : undefined;
        const origin = has('list_commercial_origins')
          ? (await s.call('list_commercial_origins', {})).body[0]
          : undefined;
        return {
          ...example,
          id,
          items: [{ ...example.items[0], product_code: product?.codigo ?? example.items[0]!.product_code }],
          due_date_code: dueDate?.code ?? example.due_date_code,
          reseller_code: reseller?.code,
          commercial_origin_code: origin?.code,
        };
      };

      test(
        'create_order: the same order id never creates a second record, even concurrently',
        when('create_order', async () => {
          const body = {
            ...functions.create_order.example,
            order: await orderFor(`contract-order-${Date.now()}`),
          };
          const answers = await Promise.all(Array.from({ length: 20 }, () => s.call('create_order', body)));
          for (const a of answers) {
            assertValid('create_order', a);
            assert.deepEqual(a.body, answers[0]!.body);
          }
          assert.equal(answers[0]!.body.wda_order.id, body.order.id);
          const changed = await s.call('create_order', { ...body, message: 'outra mensagem' });
          assert.equal(changed.status, 409);
          assert.equal(changed.body.error.code, 'IDEMPOTENCY_CONFLICT');
        }),
      );

      test(
        'create_order_existing_customer answers a remote id',
        when('create_order_existing_customer', async () => {
          const answer = await s.call('create_order_existing_customer', {
            ...functions.create_order_existing_customer.example,
            customer_document_number: f.customerWithBills,
            order: await orderFor(`contract-existing-${Date.now()}`),
          });
          assertValid('create_order_existing_customer', answer);
        }),
      );

      test(
        'create_lead is idempotent on lead.id',
        when('create_lead', async () => {
          const example = functions.create_lead.example;
          const body = { ...example, lead: { ...example.lead, id: `contract-lead-${Date.now()}` } };
          const [a, b] = await Promise.all([s.call('create_lead', body), s.call('create_lead', body)]);
          assertValid('create_lead', a);
          assert.deepEqual(b.body, a.body);
        }),
      );
    });

    describe('errors every provider shares', () => {
      test('an invalid document is INVALID_DOCUMENT with the field path', async () => {
        const answer = await s.call('list_bills', { customer_document_number: '529.982.247-26' });
        assert.equal(answer.status, 400);
        assert.equal(answer.body.error.code, 'INVALID_DOCUMENT');
        assert.equal(answer.body.error.details[0].path, 'customer_document_number');
      });

      test('a missing field is INVALID_INPUT', async () => {
        const answer = await s.call('get_bill', { customer_document_number: f.customerWithBills });
        assert.equal(answer.status, 400);
        assert.equal(answer.body.error.code, 'INVALID_INPUT');
      });

      test('an unknown function is UNKNOWN_FUNCTION', async () => {
        const answer = await s.call('list_everything', {});
        assert.equal(answer.status, 404);
        assert.equal(answer.body.error.code, 'UNKNOWN_FUNCTION');
      });
    });
  });
}
