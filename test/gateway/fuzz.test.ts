// Property-based fuzzing of the 21 functions over real HTTP, against the sandbox ERP: random JSON
// and non-JSON bodies, and structure-aware mutations of valid bodies (the contract's examples and
// bodies naming the sandbox's test customers, their bills and contracts, so that calls go deep).
// Whatever is sent, an answer is never a 500 and is always JSON: a 2xx body passes the function's
// output schema, any other is a contract error with a catalogue code and that code's status.
//
// fast-check prints the seed with the shrunk counterexample on failure; to replay one, set
// PONTE_FUZZ_SEED (and PONTE_FUZZ_PATH) to what the failure printed. Run it on
// PostgreSQL too (DATABASE_URL), which refuses values SQLite takes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  errorCatalogue,
  functionNames,
  functions,
  inputExamples,
  UFS,
  type ErrorCode,
  type FunctionName,
} from '../../src/contract/index.js';
import { cnpjCheckDigits, cpfCheckDigits } from '../../src/brasil/document.js';
import { fixtureCustomers } from '../../src/providers/sandbox/index.js';
import { startPonte, type RunningPonte } from '../helpers/ponte.js';

// The suite runs one fixed seed, so that CI is the same run every time; PONTE_FUZZ_SEED=random
// (or a number) explores others. The seed is printed before the run, so that a run that hangs (no
// counterexample printed) can be replayed too. Open: on PostgreSQL, seed 1549562327 makes
// "bodies naming the sandbox's test customers" run for minutes (under investigation).
const FIXED_SEED = '854762634';
const seed =
  process.env.PONTE_FUZZ_SEED === 'random'
    ? String(Math.floor(Math.random() * 2 ** 31))
    : (process.env.PONTE_FUZZ_SEED ?? FIXED_SEED);
console.log(`fuzz seed ${seed} (PONTE_FUZZ_SEED=${seed} replays this run)`);
const replayPath = process.env.PONTE_FUZZ_PATH;
// PONTE_FUZZ_SCALE=10 runs ten times as many bodies (a soak run; the suite uses 1).
const scale = Math.max(1, Number(process.env.PONTE_FUZZ_SCALE ?? 1) || 1);
const runParameters = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns: Math.round(numRuns * scale),
  seed: Number(seed),
  ...(replayPath === undefined ? {} : { path: replayPath }),
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** An excerpt of a value for failure messages: bodies can be megabytes long. */
function excerpt(value: unknown, max = 600): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}... (${text.length} characters)` : text;
}

// ---------------------------------------------------------------- the answer every call must get

let ponte: RunningPonte;
let key: string;
let calls = 0;

/** POSTs `text` to the function and checks the answer against the contract. */
async function callAndCheck(name: string, text: string, headers: Record<string, string> = {}): Promise<void> {
  calls += 1;
  const logged = ponte.logs.length;
  // A call that never answers fails here, naming its body, instead of hanging the file.
  const res = await fetch(`${ponte.url}/v1/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
    body: text,
    signal: AbortSignal.timeout(30_000),
  }).catch((error: unknown) => {
    throw new Error(`${name} <- ${excerpt(text)}\n  got no answer: ${(error as Error).message}`);
  });
  const raw = await res.text();
  const context = () => `${name} <- ${excerpt(text)}\n  answered ${res.status}: ${excerpt(raw)}`;
  assert.notEqual(res.status, 500, context());
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    assert.fail(`the answer is not JSON: ${context()}`);
  }
  if (res.status >= 200 && res.status < 300) {
    const spec = functions[name as FunctionName];
    assert.ok(spec, `a 2xx for an unknown function: ${context()}`);
    const parsed = spec.output.safeParse(body);
    assert.ok(
      parsed.success,
      `the 2xx body fails the output schema (${parsed.error?.message}): ${context()}`,
    );
    // The sandbox is always reachable: a queued settlement would hide an error of the call.
    assert.notEqual((body as { status?: unknown }).status, 'queued', `a settlement was queued: ${context()}`);
    assertNothingWentWrong(logged, res.headers.get('x-request-id'), context);
    return;
  }
  const error = (body as { error?: { code?: unknown; request_id?: unknown } } | null)?.error;
  assert.ok(error && typeof error === 'object', `not an error body: ${context()}`);
  assert.ok(
    typeof error.code === 'string' && Object.hasOwn(errorCatalogue, error.code),
    `not a catalogue code: ${context()}`,
  );
  assert.equal(
    errorCatalogue[error.code as ErrorCode].status,
    res.status,
    `status of the code: ${context()}`,
  );
  assert.ok(typeof error.request_id === 'string' && error.request_id !== '', `request_id: ${context()}`);
  assert.equal(error.request_id, res.headers.get('x-request-id'), `request_id is the header: ${context()}`);
  assertNothingWentWrong(logged, res.headers.get('x-request-id'), context);
}

/**
 * No line at level error (50) or above was logged about this request since `from`: a 200 can hide
 * a caught bug. (Lines of the background worker are checked once, at the end.)
 */
function assertNothingWentWrong(from: number, requestId: string | null, context: () => string): void {
  const errors = ponte.logs.slice(from).filter((line) => {
    const entry = JSON.parse(line) as { level?: number; request_id?: unknown };
    return entry.level! >= 50 && entry.request_id === requestId;
  });
  assert.deepEqual(errors, [], `an error was logged: ${context()}`);
}

// ---------------------------------------------------------------- values

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** Keys: the functions' own field names, prototype-polluting names, unicode. */
const keyArb = fc.oneof(
  fc.constantFrom(...PROTO_KEYS),
  fc.constantFrom(
    'customer_document_number',
    'order',
    'transaction',
    'amount',
    'boleto_id',
    'changes',
    'address',
    'items',
    'id',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);

/** JSON text of an object whose keys may repeat or be `__proto__` (which JSON.stringify cannot write). */
const objectTextArb = fc
  .array(fc.tuple(keyArb, fc.jsonValue({ maxDepth: 2 })), { maxLength: 6 })
  .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`);

const HUGE_NUMBERS = [
  '1e999',
  '-1e999',
  '1e308',
  '5e-324',
  '123456789012345678901234567890',
  '-0',
  '9007199254740993',
  '0.1e-99999',
];

/** Any JavaScript value as the text a platform might send (its JSON, else its string form). */
function asText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    try {
      return String(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
}

/** A whole body, for any function: JSON of every kind and text that is not JSON. */
const randomBodyArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.json({ maxDepth: 4 }), weight: 4 },
  { arbitrary: fc.json({ maxDepth: 3, stringUnit: 'binary' }), weight: 2 },
  {
    arbitrary: fc
      .anything({
        maxDepth: 3,
        key: keyArb,
        withBigInt: true,
        withDate: true,
        withNullPrototype: true,
        withObjectString: true,
        withSparseArray: true,
        withBoxedValues: true,
        withTypedArray: true,
      })
      .map(asText),
    weight: 3,
  },
  { arbitrary: objectTextArb, weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), weight: 1 },
  { arbitrary: fc.constantFrom(...HUGE_NUMBERS), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('customer_document_number', 'amount', 'order'), fc.constantFrom(...HUGE_NUMBERS))
      .map(([k, n]) => `{"${k}":${n}}`),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 20_000 }), fc.boolean())
      .map(([depth, close]) => '['.repeat(depth) + (close ? ']'.repeat(depth) : '')),
    weight: 1,
  },
  {
    arbitrary: fc
      .integer({ min: 1, max: 5_000 })
      .map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'null',
      'true',
      '"text"',
      '[]',
      '{',
      '{"a":1,}',
      "{'a':1}",
      '{"a":NaN}',
      '\uFEFF{}',
      '{}\u0000',
      '{"__proto__":{"polluted":"yes"}}',
      '{"constructor":{"prototype":{"polluted":"yes"}}}',
      '{"customer_document_number":"52998224725","customer_document_number":{"__proto__":null}}',
    ),
    weight: 1,
  },
);

/** Values to put where a field was: other types, null, huge strings, bad money, dates, documents. */
const fieldValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(true, false, 0, -1, 1.5, [], {}, 'text', '', '   ', null),
  fc.constantFrom('x'.repeat(100_000), '😀'.repeat(20_000), 'ç'.repeat(5_000), 'a\u0000b', '\u202e\u200b'),
  fc.string({ unit: 'binary', maxLength: 100 }),
  // money
  fc.constantFrom(
    -1,
    -0.01,
    '-10.00',
    0.001,
    1.005,
    129.999,
    '12.345',
    '1,00',
    'R$ 10,00',
    '1.000,00',
    1e21,
    1e308,
    '99999999999999999999999.99',
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    'NaN',
    'Infinity',
    '0.00',
    0,
    '.5',
    '5.',
    '+5.00',
  ),
  fc.double(),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  // dates and date-times
  fc.constantFrom(
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '0000-01-01',
    '9999-12-31',
    '2026-1-1',
    'yesterday',
    '2026-11-28T25:00:00-03:00',
    '2026-11-28T14:03:00',
    '2026-11-28T14:03:00+99:00',
    '2026-11-28 14:03:00-03:00',
    '+275760-09-13T00:00:00Z',
    '2024-02-29',
    '2023-02-29',
  ),
  // CPF / CNPJ
  fc.constantFrom(
    '00000000000',
    '11111111111',
    '529.982.247-26',
    '5299822472',
    '529982247250',
    'ABCDEFGHIJKLMN',
    '12.ABC.345/01DE-36',
    '12abc34501de35',
    '00.000.000/0000-00',
    '529.982.247/25',
    '５２９９８２２４７２５',
    ' 52998224725 ',
  ),
  fc.stringMatching(/^\d{11}$/),
  fc.stringMatching(/^[0-9A-Z]{12}\d{2}$/),
  // ids, phones, e-mails
  fc.constantFrom(
    2 ** 53 + 1,
    -5,
    1e300,
    '../../etc/passwd',
    "' OR 1=1 --",
    '%00',
    '+1 555 1234',
    'a@b',
    '@@',
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

// ---------------------------------------------------------------- mutations

/** Every node of a JSON value, the root first. */
function nodes(value: Json, path: Path = []): Path[] {
  const here = [path];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => nodes(v, [...path, i]))];
  if (value !== null && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => nodes(v, [...path, k]))];
  }
  return here;
}

interface Mutation {
  kind: 'drop' | 'set' | 'extra';
  /** Which node, modulo the number of nodes. */
  at: number;
  value: unknown;
  key: string;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('drop', 'set', 'set', 'extra'),
  at: fc.nat(),
  value: fieldValueArb,
  key: keyArb,
});

/** The body with the mutation applied (a copy). */
function mutate(body: Json, m: Mutation): Json {
  const copy = structuredClone(body);
  const all = nodes(copy);
  const path = all[m.at % all.length] ?? [];
  if (path.length === 0) {
    if (m.kind === 'drop') return {};
    if (m.kind === 'set') return m.value as Json;
  }
  let parent: Json = copy;
  for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[step] as Json;
  const last = path.at(-1);
  const target = last === undefined ? copy : (parent as Record<string | number, Json>)[last];
  if (m.kind === 'extra') {
    // An unknown field on the nearest object, set with defineProperty so that `__proto__` is a key.
    const holder = target !== null && typeof target === 'object' && !Array.isArray(target) ? target : parent;
    if (holder !== null && typeof holder === 'object' && !Array.isArray(holder)) {
      Object.defineProperty(holder, m.key, {
        value: m.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }
  if (last === undefined) return copy;
  if (m.kind === 'drop') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete (parent as Record<string, Json>)[last];
  } else {
    (parent as Record<string | number, Json>)[last] = m.value as Json;
  }
  return copy;
}

// ---------------------------------------------------------------- bodies that go deep

/** The codes the sandbox's catalogue lists, read before the properties run. */
const catalogue = {
  products: [] as string[],
  dueDates: [] as string[],
  resellers: [] as string[],
  origins: [] as string[],
};

function choose(list: readonly string[], n: number): string {
  return list[n % list.length] ?? '1';
}

/** The example order, with codes the sandbox knows, so that it can be created. */
function sandboxOrder(
  order: Json | undefined,
  pick: { id: string; bill: number; contract: number; customer: number },
): Json {
  const base = order as Record<string, Json>;
  return {
    ...base,
    id: pick.id,
    items: [{ product_code: choose(catalogue.products, pick.bill), quantity: 1 + (pick.contract % 2) }],
    due_date_code: choose(catalogue.dueDates, pick.contract),
    reseller_code: choose(catalogue.resellers, pick.customer),
    commercial_origin_code: choose(catalogue.origins, pick.bill + pick.contract),
  };
}

const PAID_AT = ['2026-11-28T10:00:00-03:00', '2026-12-01T09:00:00Z', new Date().toISOString()];

/** A valid-looking body of `name` naming a sandbox test customer and its own bills and contracts. */
function deepBody(
  name: FunctionName,
  pick: { customer: number; bill: number; contract: number; id: string; amount: string; masked: boolean },
): Json {
  const customer = fixtureCustomers[pick.customer % fixtureCustomers.length]!;
  const doc =
    pick.masked && customer.document_number.length === 11
      ? customer.document_number.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4')
      : customer.document_number;
  const bills = customer.bills.map((b) => String(b.id));
  const contracts = customer.contracts.map((c) => String(c.id));
  const bill = bills.length ? bills[pick.bill % bills.length]! : String(200 + (pick.bill % 40));
  const contract = contracts.length ? contracts[pick.contract % contracts.length]! : '101';
  const example = structuredClone(inputExamples[name]) as Record<string, Json>;
  switch (name) {
    case 'get_bill':
      return { customer_bill_id: bill, customer_document_number: doc };
    case 'get_boleto_pdf':
      return { boleto_id: bill, ...(pick.masked ? { customer_document_number: doc } : {}) };
    case 'get_invoice_pdf':
      return { invoice_id: bill, customer_document_number: doc };
    case 'settle_bill':
      return {
        transaction: {
          id: pick.id,
          method: 'pix',
          amount: pick.amount,
          paid_at: PAID_AT[pick.bill % PAID_AT.length]!,
        },
        boleto_id: bill,
        customer_document_number: doc,
      };
    case 'trust_unlock':
      return pick.masked
        ? { customer_document_number: doc }
        : { customer_document_number: doc, contract_id: contract };
    case 'create_ticket':
      return { ...example, customer_document_number: doc, contract_id: contract, request_id: pick.id };
    case 'update_customer':
      return { ...example, customer_document_number: doc };
    case 'create_order_existing_customer':
      return { ...example, customer_document_number: doc, order: sandboxOrder(example.order, pick) };
    case 'create_order':
      return { ...example, order: sandboxOrder(example.order, pick) };
    case 'create_lead':
      return {
        lead: {
          ...(example.lead as Record<string, Json>),
          id: pick.id,
          product_code: choose(catalogue.products, pick.bill),
          commercial_origin_code: choose(catalogue.origins, pick.contract),
        },
      };
    default:
      return 'customer_document_number' in example ? { ...example, customer_document_number: doc } : example;
  }
}

const pickArb = fc.record({
  customer: fc.nat(),
  bill: fc.nat(),
  contract: fc.nat(),
  // A few fixed ids so that some calls repeat an idempotency key (same or other content).
  id: fc.oneof(fc.uuid(), fc.constantFrom('fuzz-1', 'fuzz-2', 'fuzz-3')),
  amount: fc.oneof(
    fc.constantFrom('99.90', '104.16', '0.01', '1.00', '100000.00'),
    fc.integer({ min: 1, max: 10_000_000 }).map((cents) => (cents / 100).toFixed(2)),
  ),
  masked: fc.boolean(),
});

const nameArb = fc.constantFrom(...functionNames);

// ---------------------------------------------------------------- valid writes with random values

const textArb = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
const cpfArb = fc.stringMatching(/^\d{9}$/).map((base) => base + cpfCheckDigits(base));
const cnpjArb = fc.stringMatching(/^[0-9A-Z]{12}$/).map((base) => base + cnpjCheckDigits(base));
const phoneArb = fc.oneof(fc.stringMatching(/^[1-9]{2}9\d{8}$/), fc.stringMatching(/^[1-9]{2}[2-8]\d{7}$/));
const emailArb = fc.oneof(fc.emailAddress(), fc.stringMatching(/^[a-z0-9._-]{1,20}@example\.com$/));
const moneyArb = fc.oneof(
  fc.integer({ min: 1, max: 100_000_000 }).map((cents) => (cents / 100).toFixed(2)),
  fc.integer({ min: 1, max: 100_000_000 }).map((cents) => cents / 100),
  fc.integer({ min: 1, max: 1_000_000 }),
);
const dateTimeArb = fc
  .tuple(
    fc.oneof(
      fc.date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2100-01-01T00:00:00Z'),
        noInvalidDate: true,
      }),
      // Every instant an ISO 8601 date-time of 4-digit years can write.
      fc.date({
        min: new Date('0000-01-01T00:00:00Z'),
        max: new Date('9999-12-31T23:59:59Z'),
        noInvalidDate: true,
      }),
    ),
    fc.constantFrom('Z', '-03:00', '+05:30', '+14:00', '-12:00', '+23:59', '-23:59'),
  )
  .map(([date, offset]) => date.toISOString().replace('Z', offset))
  .chain((random) =>
    fc.oneof(
      { arbitrary: fc.constant(random), weight: 3 },
      // The edges: the first and last years, the years 0-99 (which Date.UTC reads as 1900-1999),
      // the epoch, 2038.
      fc.constantFrom(
        '0000-01-01T00:00:00Z',
        '0001-01-01T00:00:00Z',
        '0099-12-31T23:59:59-03:00',
        '0100-01-01T01:00:00+14:00',
        '1000-01-01T00:00:00Z',
        '1899-12-31T23:00:00-03:00',
        '1969-12-31T23:59:59Z',
        '2038-01-19T03:14:08Z',
        '9999-12-31T20:59:59-03:00',
        '9999-12-31T23:59:59-12:00',
      ),
    ),
  );
const addressArb = fc.record(
  {
    zip_code: fc.stringMatching(/^\d{5}-?\d{3}$/),
    street: textArb,
    number: fc.oneof(textArb, fc.constant('S/N')),
    complement: textArb,
    neighborhood: textArb,
    city: textArb,
    state: fc.constantFrom(...UFS, 'sp', ' rj '),
    ibge_code: fc.stringMatching(/^\d{7}$/),
    reference: textArb,
    latitude: fc.oneof(fc.double({ min: -90, max: 90, noNaN: true }), fc.constant('-22.9056')),
    longitude: fc.double({ min: -180, max: 180, noNaN: true }),
  },
  { requiredKeys: ['zip_code', 'street', 'number', 'neighborhood', 'city', 'state'] },
);
const partialAddressArb = fc.record(
  {
    zip_code: fc.stringMatching(/^\d{8}$/),
    street: textArb,
    number: textArb,
    complement: textArb,
    neighborhood: textArb,
    city: textArb,
    state: fc.constantFrom(...UFS),
  },
  { requiredKeys: [] },
);

const orderArb = fc.record(
  {
    id: fc.uuid(),
    created_at: dateTimeArb,
    customer: fc.record(
      {
        name: textArb,
        document_number: fc.oneof(cpfArb, cnpjArb),
        birth_date: fc
          .date({ min: new Date('1900-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        email: emailArb,
        phone: phoneArb,
        phone_secondary: phoneArb,
        rg: textArb,
      },
      { requiredKeys: ['name', 'document_number', 'phone'] },
    ),
    address: addressArb,
    installation_address: addressArb,
    items: fc.array(
      fc.record(
        { product_code: fc.nat(), name: textArb, price: moneyArb, quantity: fc.integer({ min: 1, max: 5 }) },
        { requiredKeys: ['product_code'] },
      ),
      { minLength: 1, maxLength: 3 },
    ),
    due_date_code: fc.nat(),
    reseller_code: fc.nat(),
    commercial_origin_code: fc.nat(),
    payment_method: fc.constantFrom('boleto', 'pix', 'credit_card', 'debit_account'),
    installation_fee: moneyArb,
    notes: fc.string({ unit: 'grapheme', maxLength: 200 }),
  },
  { requiredKeys: ['id', 'customer', 'address', 'items', 'due_date_code'] },
);

/** The codes drawn as numbers replaced by ones the sandbox knows (most of the time). */
function withSandboxCodes(order: Record<string, unknown>): Record<string, unknown> {
  const code = (list: string[], n: unknown) => (Number(n) % 5 === 4 ? String(n) : choose(list, Number(n)));
  const out: Record<string, unknown> = {
    ...order,
    items: (order.items as Record<string, unknown>[]).map((item) => ({
      ...item,
      product_code: code(catalogue.products, item.product_code),
    })),
    due_date_code: code(catalogue.dueDates, order.due_date_code),
  };
  if (order.reseller_code !== undefined) out.reseller_code = code(catalogue.resellers, order.reseller_code);
  if (order.commercial_origin_code !== undefined) {
    out.commercial_origin_code = code(catalogue.origins, order.commercial_origin_code);
  }
  return out;
}

type Call = [FunctionName, unknown];

const customerArb = fc.constantFrom(...fixtureCustomers);

/** A few calls: a valid write with random values, then reads of what it wrote. */
const scenarioArb: fc.Arbitrary<Call[]> = fc.oneof(
  orderArb.map((order): Call[] => [['create_order', { order: withSandboxCodes(order), message: 'fuzz' }]]),
  fc
    .tuple(orderArb, customerArb, fc.record({ id: fc.uuid(), name: textArb, email: emailArb }))
    .map(([order, customer, user]): Call[] => [
      [
        'create_order_existing_customer',
        {
          order: withSandboxCodes(order),
          message: '',
          customer_document_number: customer.document_number,
          wda_user: user,
        },
      ],
    ]),
  fc
    .record(
      {
        id: fc.uuid(),
        name: textArb,
        document_number: fc.oneof(cpfArb, cnpjArb),
        email: emailArb,
        phone: phoneArb,
        address: partialAddressArb,
        product_code: fc.constantFrom('11', '12', '99'),
        notes: fc.string({ unit: 'grapheme', maxLength: 200 }),
        created_at: dateTimeArb,
      },
      { requiredKeys: ['id', 'name', 'phone'] },
    )
    .map((lead): Call[] => [['create_lead', { lead }]]),
  fc
    .tuple(
      customerArb,
      fc.record(
        { email: emailArb, phone: phoneArb, phone_secondary: phoneArb, address: partialAddressArb },
        { requiredKeys: [] },
      ),
    )
    .map(([customer, changes]): Call[] => {
      const doc = { customer_document_number: customer.document_number };
      return [
        ['update_customer', { ...doc, changes }],
        ['get_customer', doc],
        ['get_customer_contacts', doc],
        ['list_plans', doc],
      ];
    }),
  fc
    .tuple(
      customerArb,
      fc.nat(),
      fc.record(
        {
          id: fc.uuid(),
          method: fc.constantFrom('pix', 'credit_card', 'debit_card', 'tef', 'cash', 'boleto'),
          amount: moneyArb,
          paid_at: dateTimeArb,
          end_to_end_id: textArb,
          txid: textArb,
          nsu: textArb,
          authorization_code: textArb,
          card_brand: textArb,
          installments: fc.integer({ min: 1, max: 24 }),
          fee: moneyArb,
        },
        { requiredKeys: ['id', 'amount', 'paid_at'] },
      ),
      fc.uuid(),
    )
    .map(([customer, n, transaction, otherId]): Call[] => {
      const doc = { customer_document_number: customer.document_number };
      const bill = String(customer.bills[n % Math.max(1, customer.bills.length)]?.id ?? 200 + (n % 40));
      return [
        ['settle_bill', { ...doc, boleto_id: bill, transaction }],
        // Another payment of the same bill: already settled, or judged again.
        ['settle_bill', { ...doc, boleto_id: bill, transaction: { ...transaction, id: otherId } }],
        ['get_bill', { ...doc, customer_bill_id: bill }],
        ['list_bills', doc],
      ];
    }),
  fc
    .tuple(
      customerArb,
      fc.record(
        {
          subject: textArb,
          message: textArb,
          contact_name: textArb,
          contact_phone: phoneArb,
          request_id: fc.uuid(),
        },
        { requiredKeys: ['subject', 'message'] },
      ),
      fc.nat(),
    )
    .map(([customer, ticket, n]): Call[] => {
      const doc = { customer_document_number: customer.document_number };
      const contract = customer.contracts[n % Math.max(1, customer.contracts.length)];
      return [
        [
          'create_ticket',
          { ...doc, ...ticket, ...(n % 2 && contract ? { contract_id: String(contract.id) } : {}) },
        ],
        ['trust_unlock', { ...doc, ...(contract && n % 3 ? { contract_id: contract.id } : {}) }],
        ['get_internal_pending', doc],
        ['list_blocked_plans', doc],
      ];
    }),
);

/** Some requests carry an X-Request-Id, valid or not. */
const headersArb: fc.Arbitrary<Record<string, string>> = fc
  .option(
    fc.oneof(fc.stringMatching(/^[\w.:-]{1,128}$/), fc.string({ unit: 'grapheme-ascii', maxLength: 140 })),
    {
      freq: 3,
    },
  )
  .map((id): Record<string, string> => (id === null ? {} : { 'x-request-id': id }));

// ---------------------------------------------------------------- the properties

describe('fuzzing the 21 functions against the sandbox', () => {
  before(async () => {
    ponte = await startPonte();
    key = (await ponte.createTenant('isp', 'sandbox', { customers: 50 })).key;
    const codes = async (name: FunctionName, field: string) => {
      const answer = await ponte.call(name, {}, key);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return (answer.body as Record<string, string>[]).map((row) => row[field]!);
    };
    catalogue.products = await codes('list_products', 'codigo');
    catalogue.dueDates = await codes('list_due_dates', 'code');
    catalogue.resellers = await codes('list_resellers', 'code');
    catalogue.origins = await codes('list_commercial_origins', 'code');
  });
  after(() => ponte.close());

  test('found by this file: a date-time whose date has no YYYY-MM-DD form is INVALID_INPUT', async () => {
    // Settling with paid_at in year 0 stored a payment date (0000-01-01) that broke every later
    // settlement of the bill with an internal error (answered as "queued"); year 10000 as well.
    const doc = fixtureCustomers.find((c) => c.key === 'overdue-bills')!.document_number;
    for (const paidAt of [
      '0000-01-01T00:00:00.003-03:00',
      '0099-12-31T23:59:59Z',
      '9999-12-31T23:59:59-12:00',
    ]) {
      const body = {
        customer_document_number: doc,
        boleto_id: '202',
        transaction: { id: `regression-${paidAt}`, amount: '25015.58', paid_at: paidAt },
      };
      const answer = await ponte.call('settle_bill', body, key);
      assert.equal(answer.status, 400, JSON.stringify(answer.body));
      assert.equal(answer.body.error.code, 'INVALID_INPUT');
      assert.deepEqual(
        answer.body.error.details.map((d: { path: string }) => d.path),
        ['transaction.paid_at'],
      );
    }
    const lead = {
      lead: { id: 'regression-lead', name: 'Ana', phone: '11987654321', created_at: '0001-01-01T00:00:00Z' },
    };
    assert.equal((await ponte.call('create_lead', lead, key)).body.error.code, 'INVALID_INPUT');
  });

  test('random bodies, JSON or not, for every function', async () => {
    await fc.assert(
      fc.asyncProperty(nameArb, randomBodyArb, headersArb, async (name, text, headers) => {
        await callAndCheck(name, text, headers);
      }),
      runParameters(2000),
    );
  });

  test("mutations of the contract's example bodies", async () => {
    await fc.assert(
      fc.asyncProperty(
        nameArb,
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        async (name, mutations) => {
          const body = mutations.reduce((b, m) => mutate(b, m), structuredClone(inputExamples[name]) as Json);
          await callAndCheck(name, JSON.stringify(body));
        },
      ),
      runParameters(2000),
    );
  });

  test("bodies naming the sandbox's test customers, as they are and mutated", async () => {
    await fc.assert(
      fc.asyncProperty(
        nameArb,
        pickArb,
        fc.array(mutationArb, { maxLength: 2 }),
        async (name, pick, mutations) => {
          const body = mutations.reduce((b, m) => mutate(b, m), deepBody(name, pick));
          await callAndCheck(name, JSON.stringify(body));
        },
      ),
      runParameters(1500),
    );
  });

  test('valid writes with random values, and the reads that follow them', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        for (const [name, body] of scenario) await callAndCheck(name, JSON.stringify(body));
      }),
      runParameters(500),
    );
  });

  test('random function names, keys and content types', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(nameArb, fc.string({ unit: 'binary', minLength: 1, maxLength: 120 })),
        fc.option(fc.string({ unit: 'grapheme-ascii', maxLength: 80 })),
        fc.option(
          fc.constantFrom(
            'text/plain',
            'application/x-www-form-urlencoded',
            'image/png',
            ';;;',
            'application/json; charset=latin1',
          ),
        ),
        fc.oneof(randomBodyArb, fc.constant('{}')),
        async (name, bearer, type, text) => {
          const headers: Record<string, string> = {};
          if (bearer !== null) headers.authorization = `Bearer ${bearer}`;
          if (type !== null) headers['content-type'] = type;
          await callAndCheck(encodeURIComponent(name), text, headers);
        },
      ),
      runParameters(300),
    );
  });

  test('the server still answers, and nothing was polluted', async () => {
    assert.ok(calls >= 3000, `${calls} calls`);
    const health = await fetch(`${ponte.url}/healthz`);
    assert.equal(health.status, 200);
    assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
    const errors = ponte.logs.filter((line) => (JSON.parse(line) as { level?: number }).level! >= 50);
    assert.deepEqual(errors, [], 'no error was logged');
  });
});
