// The mappers and the envelope reader against what real Hubsoft installations answer
// (real-answers.ts), not only against the simulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { billSchema } from '../../../contract/index.js';
import type { ErpResponse } from '../../kit/http.js';
import { parseEnvelope, refusal } from '../client.js';
import { prospectId } from '../sales.js';
import { hubsoftSettingsSchema } from '../settings.js';
import { toBill } from './bills.js';
import {
  boletoOnlyFatura,
  clienteFinanceiroFatura,
  clienteFound,
  numericClientIds,
  pendingFaturaWithPix,
  prospectRecorded,
  unlockGranted,
  writeRefused,
} from './real-answers.js';

const ctx = {
  today: '2026-11-01',
  fallback: { fineBasisPoints: 200, monthlyInterestBasisPoints: 100 },
  interestFrom: 'due_date' as const,
};

function answer(body: unknown, status = 200): ErpResponse {
  const raw = Buffer.from(JSON.stringify(body));
  return { status, headers: { 'content-type': 'application/json' }, body: raw, text: () => raw.toString() };
}

test('a pending fatura (data_pagamento null) is open, with its Pix code', () => {
  const bill = toBill(pendingFaturaWithPix, ctx);
  assert.ok(billSchema.safeParse(bill).success);
  assert.equal(bill.status, 'open');
  assert.equal(bill.valor_final, '99.90');
  assert.equal(bill.pix_code, pendingFaturaWithPix.pix_copia_e_cola);
  assert.equal(bill.link_boleto, pendingFaturaWithPix.link);
});

test('a boleto-only fatura (Pix null) has no Pix code and keeps its boleto', () => {
  const bill = toBill(boletoOnlyFatura, ctx);
  assert.ok(billSchema.safeParse(bill).success);
  assert.equal(bill.pix_code, '');
  assert.equal(bill.linha_digitavel, '34191090088635712773607144464000716260000009990');
});

test("the per-customer route's pix_copia_cola is read as the Pix code too", () => {
  // That route prints the customer beside its faturas, not inside each one.
  const bill = toBill({ ...clienteFinanceiroFatura, cliente: pendingFaturaWithPix.cliente }, ctx);
  assert.ok(billSchema.safeParse(bill).success);
  assert.equal(bill.pix_code, clienteFinanceiroFatura.pix_copia_cola);
  assert.equal(bill.vencimento, '2026-12-10');
  assert.equal(bill.valor_inicial, '99.90');
});

test('envelopes: success with an empty msg, an error with its msg, a cliente list', () => {
  assert.equal(parseEnvelope(answer(unlockGranted), 'POST cliente/desbloqueio_confianca').ok, true);
  const recorded = parseEnvelope(answer(prospectRecorded), 'POST prospecto');
  assert.equal(prospectId(recorded), '5821');
  const refused = parseEnvelope(answer(writeRefused), 'POST prospecto');
  assert.equal(refused.ok, false);
  const error = refusal(refused);
  assert.equal(error.code, 'ERP_REJECTED');
  assert.match(error.message, /motivo da recusa/);
  const found = parseEnvelope(answer(clienteFound), 'GET cliente');
  assert.ok(Array.isArray(found.body.clientes));
});

test('a numeric client_id, as Hubsoft hands them out, is accepted and kept as text', () => {
  for (const clientId of numericClientIds) {
    const settings = hubsoftSettingsSchema.parse({
      base_url: 'https://api.provedor.example',
      client_id: clientId,
      client_secret: 's',
      username: 'api@provedor.example',
      password: 'p',
    });
    assert.equal(settings.client_id, String(clientId));
  }
});
