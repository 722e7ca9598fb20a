import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PonteError, errorCatalogue, issuesToError } from './errors.js';
import { inputExamples } from './examples.js';
import { inputSchemas } from './schemas.js';

// CONTRACT.md §6, in its order.
const CONTRACT_ERRORS: [string, number][] = [
  ['INVALID_INPUT', 400],
  ['INVALID_DOCUMENT', 400],
  ['UNAUTHENTICATED', 401],
  ['FORBIDDEN', 403],
  ['UNKNOWN_FUNCTION', 404],
  ['CUSTOMER_NOT_FOUND', 404],
  ['BILL_NOT_FOUND', 404],
  ['CONTRACT_NOT_FOUND', 404],
  ['INVOICE_NOT_FOUND', 404],
  ['IDEMPOTENCY_CONFLICT', 409],
  ['ERP_REJECTED', 422],
  ['RATE_LIMITED', 429],
  ['NOT_SUPPORTED', 501],
  ['ERP_BAD_RESPONSE', 502],
  ['ERP_UNAVAILABLE', 503],
  ['SERVICE_UNAVAILABLE', 503],
  ['INTERNAL', 500],
];

describe('errorCatalogue', () => {
  test('holds exactly the contract codes, in order, with their statuses', () => {
    assert.deepEqual(
      Object.entries(errorCatalogue).map(([code, entry]) => [code, entry.status]),
      CONTRACT_ERRORS,
    );
    for (const entry of Object.values(errorCatalogue)) assert.ok(entry.description.length > 10);
  });
});

describe('PonteError', () => {
  test('takes its status from the catalogue and renders the error body', () => {
    const error = new PonteError('ERP_UNAVAILABLE', 'IXC did not answer within 15 s', {
      upstream: { status: null, excerpt: '' },
      retryAfterSeconds: 30,
      cause: new Error('timeout'),
    });
    assert.ok(error instanceof Error);
    assert.equal(error.status, 503);
    assert.equal(error.retryAfterSeconds, 30);
    assert.equal((error.cause as Error).message, 'timeout');
    assert.deepEqual(error.toBody('req-1'), {
      error: {
        code: 'ERP_UNAVAILABLE',
        message: 'IXC did not answer within 15 s',
        request_id: 'req-1',
        upstream: { status: null, excerpt: '' },
      },
    });
  });

  test('leaves out what it does not have', () => {
    const body = new PonteError('NOT_SUPPORTED', 'SGP cannot list invoices').toBody('req-2');
    assert.deepEqual(Object.keys(body.error), ['code', 'message', 'request_id']);
  });
});

describe('issuesToError', () => {
  const order = inputExamples.create_order.order as Record<string, unknown> & { customer: object };

  test('an invalid CPF anywhere is INVALID_DOCUMENT, with its path', () => {
    const result = inputSchemas.create_order.safeParse({
      message: '',
      order: { ...order, customer: { ...order.customer, document_number: '529.982.247-26' } },
    });
    const error = issuesToError(result.error!);
    assert.equal(error.code, 'INVALID_DOCUMENT');
    assert.equal(error.status, 400);
    assert.deepEqual(error.details, [
      { path: 'order.customer.document_number', message: 'CPF check digits do not match (expected 25)' },
    ]);
    assert.match(error.message, /order\.customer\.document_number/);
  });

  test('an invalid document wins over other problems, which stay in details', () => {
    const result = inputSchemas.get_bill.safeParse({ customer_document_number: '123' });
    const error = issuesToError(result.error!);
    assert.equal(error.code, 'INVALID_DOCUMENT');
    assert.deepEqual(
      (error.details as { path: string }[]).map((d) => d.path),
      ['customer_bill_id', 'customer_document_number'],
    );
  });

  test('anything else is INVALID_INPUT, naming each field by its contract path', () => {
    const result = inputSchemas.create_order.safeParse({
      order: {
        ...order,
        items: [
          { product_code: 'A', price: '1' },
          { product_code: 'B', price: 1.005 },
        ],
      },
    });
    const error = issuesToError(result.error!);
    assert.equal(error.code, 'INVALID_INPUT');
    const details = error.details as { path: string; message: string }[];
    assert.deepEqual(
      details.map((d) => d.path),
      ['order.items.1.price', 'message'],
    );
    assert.match(details[0]!.message, /more than 2 decimal places/);
    assert.match(error.message, /^Invalid input at order\.items\.1\.price: .* \(and 1 more\)$/);
  });

  test('a body that is not an object is named "body"', () => {
    const error = issuesToError(inputSchemas.list_bills.safeParse('52998224725').error!);
    assert.equal(error.code, 'INVALID_INPUT');
    assert.deepEqual(error.details, [
      { path: '', message: 'Invalid input: expected object, received string' },
    ]);
    assert.match(error.message, /^Invalid input at body: /);
  });
});
