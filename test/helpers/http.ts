// Raw HTTP for the gateway tests (bodies the harness's `call` cannot send, other methods and
// paths), and the check every error answer must pass.
import assert from 'node:assert/strict';
import { errorCatalogue, type ErrorCode } from '../../src/contract/index.js';
import type { Answer } from './ponte.js';

export interface RawAnswer extends Answer {
  text: string;
}

export async function send(
  url: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawAnswer> {
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: init.headers,
    body: init.body,
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

/** Asserts the answer is the error `code` with its catalogue status and the contract's body shape. */
export function assertError(answer: Answer, code: ErrorCode): void {
  const context = JSON.stringify(answer.body);
  assert.equal(answer.status, errorCatalogue[code].status, `status of ${code}: ${context}`);
  const error = (answer.body as { error?: Record<string, unknown> } | undefined)?.error;
  assert.ok(error, `an error body: ${context}`);
  assert.equal(error.code, code, context);
  assert.equal(typeof error.message, 'string');
  assert.notEqual(error.message, '');
  assert.equal(typeof error.request_id, 'string');
  assert.notEqual(error.request_id, '');
  assert.equal(error.request_id, answer.headers.get('x-request-id'), 'request_id is the X-Request-Id header');
  const allowed = new Set(['code', 'message', 'details', 'request_id', 'upstream']);
  for (const key of Object.keys(error)) assert.ok(allowed.has(key), `unexpected error field ${key}`);
}

/** The field paths named in an error's details. */
export function detailPaths(answer: Answer): string[] {
  const details = (answer.body as { error?: { details?: unknown } }).error?.details;
  return Array.isArray(details) ? details.map((d: { path: string }) => d.path) : [];
}
