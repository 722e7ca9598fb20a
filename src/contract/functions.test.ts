import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  functionNames,
  functions,
  idempotencyKeyOf,
  inputSchemas,
  isFunctionName,
  jsonSchemaOf,
  type FunctionInput,
  type FunctionName,
  type FunctionOutput,
} from './index.js';

// CONTRACT.md §4, in its order.
const CONTRACT_FUNCTIONS = [
  'create_order',
  'create_order_existing_customer',
  'create_lead',
  'list_resellers',
  'list_products',
  'list_due_dates',
  'list_commercial_origins',
  'list_bills',
  'get_bill',
  'get_boleto_pdf',
  'settle_bill',
  'get_customer',
  'get_customer_contacts',
  'get_internal_pending',
  'update_customer',
  'list_plans',
  'list_blocked_plans',
  'trust_unlock',
  'create_ticket',
  'list_invoices',
  'get_invoice_pdf',
];

// Compile-time checks: the per-function types are precise.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const inputIsPrecise: Equal<FunctionInput<'list_bills'>, { customer_document_number: string }> = true;
const outputIsPrecise: Equal<FunctionOutput<'create_ticket'>, { remote_id: string; protocol: string }> = true;
const moneyIsCents: Equal<FunctionInput<'settle_bill'>['transaction']['amount'], number> = true;

function parseInput<N extends FunctionName>(name: N, body: unknown): FunctionInput<N> {
  return functions[name].input.parse(body) as FunctionInput<N>;
}

/** The first item of an output: the output itself, or its first element. */
function firstItem(output: unknown): unknown {
  const value = Array.isArray(output) ? (output[0] as unknown) : output;
  assert.notEqual(value, undefined, 'example outputs hold at least one element');
  return value;
}

function replaceFirstItem(output: unknown, replacement: unknown): unknown {
  return Array.isArray(output) ? [replacement, ...output.slice(1)] : replacement;
}

describe('the catalogue', () => {
  test('has the 21 contract functions, in contract order, keyed by name', () => {
    assert.equal(inputIsPrecise && outputIsPrecise && moneyIsCents, true);
    assert.deepEqual(functionNames, CONTRACT_FUNCTIONS);
    assert.deepEqual(Object.keys(functions), CONTRACT_FUNCTIONS);
    for (const name of functionNames) assert.equal(functions[name].name, name);
    assert.equal(isFunctionName('get_bill'), true);
    assert.equal(isFunctionName('toString'), false);
  });

  test('groups, kinds and caching follow the contract', () => {
    const by = (pick: (name: FunctionName) => boolean) => functionNames.filter(pick);
    assert.deepEqual(
      by((n) => functions[n].cacheable),
      ['list_resellers', 'list_products', 'list_due_dates', 'list_commercial_origins'],
    );
    assert.deepEqual(
      by((n) => functions[n].kind === 'write'),
      [
        'create_order',
        'create_order_existing_customer',
        'create_lead',
        'settle_bill',
        'update_customer',
        'trust_unlock',
        'create_ticket',
      ],
    );
    assert.deepEqual(
      by((n) => functions[n].group === 'billing'),
      ['list_bills', 'get_bill', 'get_boleto_pdf', 'settle_bill'],
    );
    assert.deepEqual(
      by((n) => functions[n].group === 'customer'),
      ['get_customer', 'get_customer_contacts', 'get_internal_pending', 'update_customer'],
    );
    assert.equal(functions.get_bill.pageName, 'Pegar uma fatura pelo ID (totem)');
    for (const name of functionNames) {
      assert.ok(functions[name].description.length > 20, name);
      assert.ok(functions[name].pageName.length > 5, name);
    }
  });
});

describe('each function', () => {
  for (const name of CONTRACT_FUNCTIONS as FunctionName[]) {
    const spec = functions[name];

    test(`${name}: the example request parses and the example answer is valid`, () => {
      const input = spec.input.safeParse(spec.example);
      assert.equal(input.success, true, JSON.stringify(input.error?.issues));
      const output = spec.output.safeParse(spec.exampleOutput);
      assert.equal(output.success, true, JSON.stringify(output.error?.issues));
    });

    test(`${name}: the output schema rejects an extra field and a wrong type`, () => {
      const first = firstItem(spec.exampleOutput);
      if (typeof first === 'object' && first !== null) {
        const extra = replaceFirstItem(spec.exampleOutput, { ...first, unexpected_field: 'x' });
        assert.equal(spec.output.safeParse(extra).success, false);
        const [firstKey] = Object.keys(first);
        const wrongType = replaceFirstItem(spec.exampleOutput, { ...first, [firstKey!]: { wrong: true } });
        assert.equal(spec.output.safeParse(wrongType).success, false);
      } else {
        assert.equal(
          spec.output.safeParse(replaceFirstItem(spec.exampleOutput, { wrong: true })).success,
          false,
        );
      }
      const wrongShape = Array.isArray(spec.exampleOutput) ? first : [first];
      assert.equal(spec.output.safeParse(wrongShape).success, false);
    });

    test(`${name}: JSON Schema in both directions`, () => {
      const input = jsonSchemaOf(name, 'input');
      const output = jsonSchemaOf(name, 'output');
      assert.equal(input.type, 'object');
      assert.equal(output.type, Array.isArray(spec.exampleOutput) ? 'array' : 'object');
      assert.equal(input.$schema, 'https://json-schema.org/draft/2020-12/schema');
      JSON.stringify([input, output]);
    });
  }
});

describe('JSON Schema details', () => {
  test('inputs show what the platform sends; outputs are closed', () => {
    const input = jsonSchemaOf('list_bills', 'input') as {
      properties: Record<string, { type?: string }>;
      required: string[];
    };
    assert.equal(input.properties.customer_document_number?.type, 'string');
    assert.deepEqual(input.required, ['customer_document_number']);
    const settle = JSON.stringify(jsonSchemaOf('settle_bill', 'input'));
    assert.match(settle, /"anyOf":\[\{"type":"string","pattern":"\^\\\\d\+/);
    const bills = jsonSchemaOf('list_bills', 'output') as { items: { additionalProperties: unknown } };
    assert.equal(bills.items.additionalProperties, false);
    const ticket = jsonSchemaOf('create_ticket', 'input') as { required: string[] };
    assert.deepEqual(ticket.required, ['customer_document_number', 'subject', 'message']);
  });
});

describe('idempotency keys', () => {
  test('come from order.id, lead.id, transaction.id and request_id', () => {
    const order = parseInput('create_order', functions.create_order.example);
    assert.equal(functions.create_order.idempotencyKey?.(order), 'ord_20261128_0042');
    const existing = parseInput(
      'create_order_existing_customer',
      functions.create_order_existing_customer.example,
    );
    assert.equal(idempotencyKeyOf('create_order_existing_customer', existing), 'ord_20261128_0042');
    assert.equal(
      idempotencyKeyOf('create_lead', parseInput('create_lead', functions.create_lead.example)),
      'lead_51207',
    );
    assert.equal(
      idempotencyKeyOf('settle_bill', parseInput('settle_bill', functions.settle_bill.example)),
      'txn_7f3a9c21',
    );
    const ticket = parseInput('create_ticket', functions.create_ticket.example);
    assert.equal(idempotencyKeyOf('create_ticket', ticket), 'req_6c1e0b7d');
  });

  test('an integer id is the same key as its text', () => {
    const numeric = {
      ...functions.settle_bill.example,
      transaction: { ...functions.settle_bill.example.transaction },
    };
    numeric.transaction.id = 7731;
    assert.equal(idempotencyKeyOf('settle_bill', parseInput('settle_bill', numeric)), '7731');
  });

  test('create_ticket without request_id, and functions without keys, give null', () => {
    const { request_id: _dropped, ...withoutKey } = functions.create_ticket.example;
    assert.equal(idempotencyKeyOf('create_ticket', parseInput('create_ticket', withoutKey)), null);
    assert.equal(functions.update_customer.idempotencyKey, null);
    assert.equal(functions.trust_unlock.idempotencyKey, null);
    assert.equal(functions.list_bills.idempotencyKey, null);
    assert.equal(
      idempotencyKeyOf('get_customer', parseInput('get_customer', functions.get_customer.example)),
      null,
    );
  });
});

describe('function-level rules', () => {
  test('list inputs take an empty body and ignore unknown fields', () => {
    assert.deepEqual(inputSchemas.list_products.parse({ tenant: 'other' }), {});
  });

  test('list_bills answers open bills only, oldest due date first', () => {
    const bills = functions.list_bills.exampleOutput as Record<string, unknown>[];
    assert.equal(functions.list_bills.output.safeParse([...bills].reverse()).success, false);
    assert.equal(functions.list_bills.output.safeParse([{ ...bills[0], status: 'paid' }]).success, false);
    assert.equal(functions.get_bill.output.safeParse([{ ...bills[0], status: 'paid' }]).success, true);
    assert.equal(functions.get_bill.output.safeParse(bills).success, false);
  });

  test('settle_bill: success must agree with status', () => {
    const out = { success: false, api_response: '{"error":"título já baixado"}', status: 'already_settled' };
    assert.equal(functions.settle_bill.output.safeParse(out).success, true);
    assert.equal(functions.settle_bill.output.safeParse({ ...out, success: true }).success, false);
    assert.equal(functions.settle_bill.output.safeParse({ ...out, status: 'refunded' }).success, false);
    assert.equal(functions.settle_bill.output.safeParse({ success: true, api_response: '' }).success, true);
  });

  test('create_lead may answer a null remote_id; create_order a null remote_message', () => {
    assert.equal(functions.create_lead.output.safeParse({ remote_id: null }).success, true);
    assert.equal(functions.create_lead.output.safeParse({}).success, false);
    const order = {
      ...(functions.create_order.exampleOutput as object),
      remote_message: null,
      is_issue: true,
    };
    assert.equal(functions.create_order.output.safeParse(order).success, true);
  });

  test('contacts are typed and deduplicated', () => {
    const schema = functions.get_customer_contacts.output;
    assert.equal(schema.safeParse([{ type: 'phone', value: '(19) 98765-4321' }]).success, false);
    assert.equal(schema.safeParse([{ type: 'fax', value: '1932345678' }]).success, false);
    const twice = [
      { type: 'email', value: 'a@example.com' },
      { type: 'email', value: 'a@example.com' },
    ];
    assert.equal(schema.safeParse(twice).success, false);
  });

  test('trust_unlock: unlocked_until is a date or ""; contract_id is optional', () => {
    const refused = {
      success: false,
      message: 'Desbloqueio já utilizado neste mês',
      unlocked_until: '',
      protocol: '',
    };
    assert.equal(functions.trust_unlock.output.safeParse(refused).success, true);
    assert.equal(
      functions.trust_unlock.output.safeParse({ ...refused, unlocked_until: '11/12/2026' }).success,
      false,
    );
    assert.deepEqual(
      inputSchemas.trust_unlock.parse({ customer_document_number: '52998224725', contract_id: null }),
      {
        customer_document_number: '52998224725',
        contract_id: undefined,
      },
    );
  });

  test('update_customer needs a change; get_boleto_pdf takes the document as an option', () => {
    assert.equal(
      inputSchemas.update_customer.safeParse({ customer_document_number: '52998224725' }).success,
      false,
    );
    assert.equal(inputSchemas.get_boleto_pdf.safeParse({ boleto_id: '58213' }).success, true);
    assert.equal(
      inputSchemas.get_boleto_pdf.safeParse({ boleto_id: '58213', customer_document_number: '123' }).success,
      false,
    );
  });

  test('invoices: model, status and access key', () => {
    const invoice = (functions.list_invoices.exampleOutput as Record<string, unknown>[])[0]!;
    const schema = functions.list_invoices.output;
    assert.equal(schema.safeParse([{ ...invoice, modelo: 'NFS-e', chave_acesso: '' }]).success, true);
    assert.equal(schema.safeParse([{ ...invoice, modelo: '55' }]).success, false);
    assert.equal(schema.safeParse([{ ...invoice, status: 'pending' }]).success, false);
    assert.equal(schema.safeParse([{ ...invoice, chave_acesso: '3526' }]).success, false);
  });
});
