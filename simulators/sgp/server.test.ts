// The SGP simulator's own behaviour over HTTP: the vendor's answer shapes and quirks, the three
// body encodings, the token check, baixar's status codes, the trust-unlock states and the faults.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSgpSimulator, defaultSgpCredentials } from './server.js';
import type { SgpSimulator } from './server.js';

const { token, app } = defaultSgpCredentials;
let sim: SgpSimulator;

before(async () => {
  sim = await startSgpSimulator({ seed: { customers: 5 } });
});
after(() => sim.close());

const fixtures = () => sim.state.data.fixtures;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are asserted field by field
const jsonOf = async (res: Response): Promise<any> => res.json();

async function form(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(`${sim.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ token, app, ...fields }),
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    body = text;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are asserted field by field
  return { status: res.status, text, body: body as any, type: res.headers.get('content-type') ?? '' };
}

describe('customers', () => {
  test('consultacliente: one entry per contract, padded status, dd/mm/yyyy registration, camelCase', async () => {
    const a = await form('/api/ura/consultacliente/', { cpfcnpj: fixtures().company });
    assert.equal(a.status, 200);
    assert.equal(a.body.msg, 'Contrato(s) Localizado(s)');
    assert.equal(a.body.contratos.length, 2);
    const [first] = a.body.contratos;
    assert.equal(first.contratoStatusDisplay, ' Ativo ');
    assert.match(first.dataCadastro, /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    assert.match(first.cpfCnpj, /^\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}$/);
    assert.equal(typeof first.telefones[0].contato, 'string', 'this install prints contacts as objects');
  });

  test('an unknown CPF is {"contratos": []}, as recorded', async () => {
    const a = await form('/api/ura/consultacliente/', { cpfcnpj: '52998224725' });
    assert.deepEqual(a.body, { contratos: [] });
  });

  test('JSON and multipart bodies and token + app in the query are accepted too', async () => {
    const json = await fetch(`${sim.url}/api/ura/consultacliente/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, app, cpfcnpj: fixtures().overdue }),
    });
    assert.equal((await jsonOf(json)).contratos.length, 1);
    const multipart = new FormData();
    multipart.set('token', token);
    multipart.set('app', app);
    multipart.set('cpfcnpj', fixtures().overdue);
    const mp = await fetch(`${sim.url}/api/ura/consultacliente`, { method: 'POST', body: multipart });
    assert.equal((await jsonOf(mp)).contratos.length, 1);
    const query = await fetch(
      `${sim.url}/api/ura/consultacliente/?${new URLSearchParams({ token, app, cpfcnpj: fixtures().overdue }).toString()}`,
      { method: 'POST' },
    );
    assert.equal((await jsonOf(query)).contratos.length, 1);
  });

  test('a wrong token or app is HTTP 403 with DRF detail', async () => {
    const res = await fetch(`${sim.url}/api/ura/consultacliente/`, {
      method: 'POST',
      body: new URLSearchParams({ token, app: app.toUpperCase(), cpfcnpj: fixtures().overdue }),
    });
    assert.equal(res.status, 403);
    assert.ok((await jsonOf(res)).detail);
  });

  test('contato/add appends a contact and answers null', async () => {
    const k = (await form('/api/ura/consultacliente/', { cpfcnpj: fixtures().paidOnly })).body.contratos[0];
    const a = await form('/api/ura/contato/add/', {
      contrato: String(k.contratoId),
      contato: 'novo@example.com',
      tipo: 'EMAIL',
    });
    assert.equal(a.text, 'null');
    const again = (await form('/api/ura/consultacliente/', { cpfcnpj: fixtures().paidOnly })).body
      .contratos[0];
    assert.equal(again.emails.at(-1), 'novo@example.com');
  });
});

describe('títulos', () => {
  test('titulos pages by offset/limit, camelCase, fresh titles without line or Pix, valorCorrigido above valor when overdue', async () => {
    const all = await form('/api/ura/titulos/', { cpfcnpj: fixtures().overdue });
    assert.equal(all.body.paginacao.total, 5);
    const page = await form('/api/ura/titulos/', { cpfcnpj: fixtures().overdue, offset: '1', limit: '2' });
    assert.deepEqual(page.body.paginacao, { offset: 1, limit: 2, parcial: 2, total: 5 });
    const open = await form('/api/ura/titulos/', { cpfcnpj: fixtures().overdue, status: 'abertos' });
    assert.equal(open.body.titulos.length, 3);
    const [overdue, fresh] = open.body.titulos;
    assert.ok(overdue.valorCorrigido > overdue.valor);
    assert.equal(overdue.status, 'aberto');
    assert.equal(fresh.linhaDigitavel, '');
    assert.equal(fresh.codigoPix, '');
  });

  test('the Central list uses lowercase keys, statusid and a relative link', async () => {
    const k = (await form('/api/ura/consultacliente/', { cpfcnpj: fixtures().overdue })).body.contratos[0];
    const a = await form('/api/central/titulos/', { contrato: String(k.contratoId) });
    assert.equal(a.body.paginacao.total, 4, 'open and paid by default');
    const [first] = a.body.faturas;
    assert.ok('valorcorrigido' in first && 'linhadigitavel' in first && 'statusid' in first);
    assert.match(first.link, /^\/boleto\//);
  });

  test('fatura2via by CPF of a customer with several contracts is refused, as recorded', async () => {
    const a = await form('/api/ura/fatura2via/', { cpfcnpj: fixtures().company });
    assert.equal(a.body.status, 0);
    assert.match(a.body.msg, /mais de um contrato/);
  });

  test('the Pix endpoint gives the code and the title keeps it', async () => {
    const fresh = (await form('/api/ura/titulos/', { cpfcnpj: fixtures().overdue, status: 'abertos' })).body
      .titulos[1];
    const a = await form(`/api/ura/pagamento/pix/${fresh.id}`, { contrato: String(fresh.clienteContrato) });
    assert.equal(a.body.status, 1);
    assert.match(a.body.pix, /^000201/);
    const again = await form('/api/ura/titulos/', { titulo_id: String(fresh.id) });
    assert.equal(again.body.titulos[0].codigoPix, a.body.pix);
  });

  test('the boleto link serves a PDF (or an HTML page on the title set up for it)', async () => {
    const open = (await form('/api/ura/titulos/', { cpfcnpj: fixtures().overdue, status: 'abertos' })).body
      .titulos;
    const pdf = await fetch(open[0].link);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    );
    const html = await fetch(open[2].link);
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);
  });

  test('consultaplano prints preco as a string', async () => {
    const res = await fetch(
      `${sim.url}/api/ura/consultaplano/?${new URLSearchParams({ token, app }).toString()}`,
    );
    const body = await jsonOf(res);
    assert.equal(typeof body.planos[0].preco, 'string');
  });
});

describe('baixar', () => {
  test('202 with an empty body, then 404 (no título "Gerado"); 401 on bad input', async () => {
    const t = (await form('/api/ura/titulos/', { cpfcnpj: fixtures().unlockUsed, status: 'abertos' })).body
      .titulos[0];
    const bad = await form(`/api/banco/titulo/${t.id}/baixar/`, {
      data_pagamento: '2026-01-01',
      valor_pago: '0',
    });
    assert.equal(bad.status, 401);
    const wrongForm = await form(`/api/banco/titulo/${t.id}/baixar/`, {
      data_pagamento: '2026-01-01',
      valor_pago: '10.00',
      forma_pagamento: 'CHEQUE',
    });
    assert.equal(wrongForm.status, 401);
    const baixas = sim.state.counters.baixas;
    const ok = await form(`/api/banco/titulo/${t.id}/baixar/`, {
      data_pagamento: '2026-01-01',
      valor_pago: '51.52',
      forma_pagamento: 'PIX',
    });
    assert.deepEqual([ok.status, ok.text], [202, '']);
    assert.equal(sim.state.counters.baixas, baixas + 1);
    const twice = await form(`/api/banco/titulo/${t.id}/baixar/`, {
      data_pagamento: '2026-01-01',
      valor_pago: '51.52',
    });
    assert.equal(twice.status, 404);
    const read = await form('/api/ura/titulos/', { titulo_id: String(t.id) });
    assert.equal(read.body.titulos[0].status, 'pago');
    assert.equal(read.body.titulos[0].usuario_baixa, app);
  });

  test('a token without "Permite Baixar Titulo" is 403', async () => {
    const strict = await startSgpSimulator({ seed: { customers: 0 }, credentials: { canSettle: false } });
    try {
      const t = strict.state.data.titles.find((x) => x.status === 'Gerado')!;
      const res = await fetch(`${strict.url}/api/banco/titulo/${t.id}/baixar/`, {
        method: 'POST',
        body: new URLSearchParams({ token, app, data_pagamento: '2026-01-01', valor_pago: '1.00' }),
      });
      assert.equal(res.status, 403);
      assert.equal(strict.state.counters.baixas, 0);
    } finally {
      await strict.close();
    }
  });
});

describe('trust unlock', () => {
  test('released once (status 1, data_promessa), then the monthly limit (status 2)', async () => {
    const k = (await form('/api/ura/consultacliente/', { cpfcnpj: fixtures().unlockable, status: '4' })).body
      .contratos[0];
    const first = await form('/api/ura/liberacaopromessa/', { contrato: String(k.contratoId) });
    assert.equal(first.body.status, 1);
    assert.equal(first.body.liberado, true);
    assert.equal(first.body.liberado_dias, 3);
    assert.match(first.body.data_promessa, /^\d{4}-\d{2}-\d{2}$/);
    const second = await form('/api/ura/liberacaopromessa/', { contrato: String(k.contratoId) });
    assert.deepEqual([second.body.status, second.body.liberado], [2, false]);
    assert.match(second.body.msg, /atingiu quantidade permitida/);
  });

  test('an active contract has nothing to release (status 0, empty msg)', async () => {
    const k = (await form('/api/ura/consultacliente/', { cpfcnpj: fixtures().paidOnly })).body.contratos[0];
    const a = await form('/api/ura/liberacaopromessa/', { contrato: String(k.contratoId) });
    assert.deepEqual([a.body.status, a.body.liberado, a.body.msg], [0, false, '']);
  });
});

describe('faults', () => {
  test('http504 on baixar still records the baixa (the answer is lost)', async () => {
    const t = (await form('/api/ura/titulos/', { cpfcnpj: fixtures().reducedSpeed, status: 'abertos' })).body
      .titulos[0];
    const baixas = sim.state.counters.baixas;
    const a = await form(`/api/banco/titulo/${t.id}/baixar/?sim_fault=http504`, {
      data_pagamento: '2026-01-01',
      valor_pago: '10.00',
    });
    assert.equal(a.status, 504);
    assert.equal(sim.state.counters.baixas, baixas + 1);
  });

  test('http503 touches nothing; html200, malformed, error200 and revoked answer as named', async () => {
    const doc = { cpfcnpj: fixtures().overdue };
    assert.equal((await form('/api/ura/consultacliente/', doc, { 'x-sim-fault': 'http503' })).status, 503);
    const html = await form('/api/ura/consultacliente/', doc, { 'x-sim-fault': 'html200' });
    assert.deepEqual([html.status, html.type.startsWith('text/html')], [200, true]);
    const cut = await form('/api/ura/titulos/', doc, { 'x-sim-fault': 'malformed' });
    assert.equal(typeof cut.body, 'string');
    const err = await form('/api/ura/titulos/', doc, { 'x-sim-fault': 'error200' });
    assert.equal(err.body.status, 0);
    const revoked = await form('/api/ura/titulos/', doc, { 'x-sim-fault': 'revoked' });
    assert.equal(revoked.status, 403);
  });

  test('run faults are limited by route and count', async () => {
    sim.faults.set({ kind: 'http502', route: '/titulos', times: 1 });
    try {
      const doc = { cpfcnpj: fixtures().overdue };
      assert.equal((await form('/api/ura/consultacliente/', doc)).status, 200);
      assert.equal((await form('/api/ura/titulos/', doc)).status, 502);
      assert.equal((await form('/api/ura/titulos/', doc)).status, 200);
    } finally {
      sim.faults.clear();
    }
  });

  test('a timeout never answers (the client gives up)', async () => {
    await assert.rejects(
      fetch(`${sim.url}/api/ura/pops/`, {
        method: 'POST',
        headers: { 'x-sim-fault': 'timeout' },
        body: new URLSearchParams({ token, app }),
        signal: AbortSignal.timeout(50),
      }),
    );
  });
});
