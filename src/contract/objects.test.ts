import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatMoney } from '../brasil/money.js';
import { inputExamples, outputExamples } from './examples.js';
import {
  billSchema,
  blockedPlanSchema,
  customerChangesInput,
  echoOrder,
  leadInput,
  orderInput,
  planSchema,
  transactionInput,
  wdaOrderOutput,
} from './objects.js';

const exampleOrder = inputExamples.create_order.order as Record<string, unknown> & {
  customer: Record<string, unknown>;
  items: Record<string, unknown>[];
};

function orderWith(changes: Record<string, unknown>) {
  return { ...exampleOrder, ...changes };
}

describe('Order', () => {
  test('normalises the documents, phones, CEP, money and derives person_type', () => {
    const order = orderInput.parse(exampleOrder);
    assert.equal(order.customer.document_number, '52998224725');
    assert.equal(order.customer.person_type, 'F');
    assert.equal(order.customer.phone, '19987654321');
    assert.equal(order.customer.phone_secondary, '1932345678');
    assert.equal(order.address.zip_code, '13010111');
    assert.deepEqual(order.items, [
      { product_code: 'FIBRA-500M', name: 'Fibra 500 Mega', price: 12990, quantity: 1 },
    ]);
    assert.equal(order.installation_fee, 0);
  });

  test('a CNPJ customer is J; a person_type that contradicts the document is refused', () => {
    const company = { ...exampleOrder.customer, document_number: '12.ABC.345/01DE-35' };
    assert.equal(orderInput.parse(orderWith({ customer: company })).customer.person_type, 'J');
    const wrong = orderInput.safeParse(orderWith({ customer: { ...company, person_type: 'F' } }));
    assert.equal(wrong.success, false);
    assert.deepEqual(wrong.error.issues[0]!.path, ['customer', 'person_type']);
  });

  test('quantity defaults to 1; items must not be empty; unknown fields are dropped', () => {
    const order = orderInput.parse(
      orderWith({ items: [{ product_code: 42, quantity: null }], platform_internal: { x: 1 } }),
    );
    assert.deepEqual(order.items, [{ product_code: '42', quantity: 1 }]);
    assert.equal('platform_internal' in order, false);
    assert.equal(orderInput.safeParse(orderWith({ items: [] })).success, false);
    assert.equal(
      orderInput.safeParse(orderWith({ items: [{ product_code: 'X', quantity: 0 }] })).success,
      false,
    );
  });

  test('required fields are required', () => {
    for (const field of ['id', 'customer', 'address', 'items', 'due_date_code']) {
      const { [field]: _dropped, ...rest } = exampleOrder;
      const result = orderInput.safeParse(rest);
      assert.equal(result.success, false, field);
      assert.deepEqual(result.error.issues[0]!.path, [field]);
    }
    const noPhone = orderInput.safeParse(
      orderWith({ customer: { ...exampleOrder.customer, phone: undefined } }),
    );
    assert.deepEqual(noPhone.error!.issues[0]!.path, ['customer', 'phone']);
  });

  test('echoOrder gives back the normalised order with money as strings, valid as wda_order', () => {
    const echoed = echoOrder(orderInput.parse(exampleOrder));
    assert.deepEqual(echoed, outputExamples.create_order.wda_order);
    assert.equal(wdaOrderOutput.safeParse(echoed).success, true);
    const bare = echoOrder(
      orderInput.parse(orderWith({ items: [{ product_code: 'X' }], installation_fee: null })),
    );
    assert.deepEqual(bare.items, [{ product_code: 'X', quantity: 1 }]);
    assert.equal('installation_fee' in bare, false);
  });
});

describe('Lead, Transaction and CustomerChanges', () => {
  test('a lead needs an email or a phone', () => {
    const lead = { id: 'l1', name: 'João' };
    assert.equal(leadInput.safeParse(lead).success, false);
    assert.equal(leadInput.safeParse({ ...lead, email: '' }).success, false);
    assert.equal(leadInput.parse({ ...lead, phone: '19 99123-4567' }).phone, '19991234567');
    assert.deepEqual(
      leadInput.parse({ ...lead, email: 'j@example.com', address: { city: 'Campinas' } }).address,
      {
        city: 'Campinas',
      },
    );
  });

  test('a transaction amount must be positive and paid_at a date-time', () => {
    const transaction = { id: 'txn_1', amount: '129.90', paid_at: '2026-12-08T09:41:27-03:00' };
    assert.equal(transactionInput.parse(transaction).amount, 12990);
    assert.equal(transactionInput.safeParse({ ...transaction, amount: 0 }).success, false);
    assert.equal(transactionInput.safeParse({ ...transaction, paid_at: '2026-12-08' }).success, false);
    assert.equal(transactionInput.safeParse({ ...transaction, method: 'cheque' }).success, false);
  });

  test('changes must hold at least one field', () => {
    assert.equal(customerChangesInput.safeParse({}).success, false);
    assert.equal(customerChangesInput.safeParse({ email: null, address: {} }).success, false);
    assert.deepEqual(customerChangesInput.parse({ address: { state: 'rj' } }), { address: { state: 'RJ' } });
    assert.equal(customerChangesInput.parse({ phone: '(21) 99876-5432' }).phone, '21998765432');
  });
});

describe('Bill', () => {
  const bill = outputExamples.get_bill[0]!;

  test('valor_final must equal valor_inicial + juros + multa - desconto, to the cent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 10 ** 6 }),
        fc.integer({ min: 0, max: 10 ** 6 }),
        fc.integer({ min: 0, max: 10 ** 6 }),
        fc.integer({ min: -3, max: 3 }).filter((n) => n !== 0),
        (inicial, juros, multa, desconto, error) => {
          const final = inicial + juros + multa - desconto;
          fc.pre(final >= 0 && final + error >= 0);
          const amounts = {
            valor_inicial: formatMoney(inicial),
            juros: formatMoney(juros),
            multa: formatMoney(multa),
            desconto: formatMoney(desconto),
          };
          assert.equal(
            billSchema.safeParse({ ...bill, ...amounts, valor_final: formatMoney(final) }).success,
            true,
          );
          const wrong = billSchema.safeParse({
            ...bill,
            ...amounts,
            valor_final: formatMoney(final + error),
          });
          assert.equal(wrong.success, false);
          assert.deepEqual(wrong.error.issues[0]!.path, ['valor_final']);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('an absent desconto counts as zero', () => {
    const { desconto: _desconto, ...withoutDiscount } = bill;
    assert.equal(billSchema.safeParse(withoutDiscount).success, true);
    assert.equal(billSchema.safeParse({ ...withoutDiscount, valor_final: '129.80' }).success, false);
  });

  test('is strict and all-string', () => {
    assert.equal(billSchema.safeParse({ ...bill, valor_atual: '129.90' }).success, false);
    assert.equal(billSchema.safeParse({ ...bill, valor_inicial: 129.9 }).success, false);
    assert.equal(billSchema.safeParse({ ...bill, status: 'overdue' }).success, false);
    assert.equal(billSchema.safeParse({ ...bill, vencimento: '' }).success, false);
    assert.equal(billSchema.safeParse({ ...bill, emissao: '' }).success, true);
  });
});

describe('Plan', () => {
  const plan = outputExamples.list_plans[0]!;

  test('blocked must agree with status and block_reason', () => {
    assert.equal(planSchema.safeParse(plan).success, true);
    assert.equal(planSchema.safeParse({ ...plan, blocked: false }).success, false);
    assert.equal(planSchema.safeParse({ ...plan, status: 'active', blocked: false }).success, false);
    assert.equal(
      planSchema.safeParse({ ...plan, status: 'active', blocked: false, block_reason: '' }).success,
      true,
    );
  });

  test('a blocked plan list holds blocked plans only', () => {
    assert.equal(blockedPlanSchema.safeParse(plan).success, true);
    const active = outputExamples.list_plans[1]!;
    assert.equal(planSchema.safeParse(active).success, true);
    assert.equal(blockedPlanSchema.safeParse(active).success, false);
  });
});
