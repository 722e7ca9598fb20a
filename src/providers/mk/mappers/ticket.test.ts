import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitInfo } from './ticket.js';

test('a short text is kept; a long one is cut so that its entity-encoded form fits 300', () => {
  assert.equal(fitInfo('Sem conexão'), 'Sem conexão');
  const long = 'ção '.repeat(100);
  const cut = fitInfo(long);
  assert.ok(cut.endsWith('...'));
  const stored = cut.replace(/[^\p{ASCII}]/gu, (c) => `&#${c.codePointAt(0)!};`);
  assert.ok(stored.length <= 300, String(stored.length));
  assert.ok(stored.length > 280);
});
