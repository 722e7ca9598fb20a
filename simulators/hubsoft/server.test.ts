// The Hubsoft simulator answers as the official docs show: OAuth2 password grant, envelopes and
// their quirks, both pagination styles, documented errors, and the fault switches.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, todayInBrazil } from '../../src/brasil/dates.js';
import { parsePix } from '../../src/brasil/pix.js';
import { parseSlip } from '../../src/brasil/slip.js';
import { defaultHubsoftCredentials, seedHubsoft, startHubsoftSimulator } from './server.js';
import type { RunningHubsoftSimulator } from './server.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are asserted field by field
type Json = Record<string, any>;

let sim: RunningHubsoftSimulator;
let auth: Record<string, string>;
const API = '/api/v1/integracao';

async function token(body: Record<string, unknown>) {
  const res = await fetch(`${sim.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function parseJson(text: string): Json | null {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return null;
  }
}

async function get(path: string, headers: Record<string, string> = auth) {
  const res = await fetch(`${sim.url}${API}/${path}`, { headers });
  const text = await res.text();
  return {
    status: res.status,
    text,
    body: parseJson(text),
  };
}

async function post(path: string, body: unknown) {
  const res = await fetch(`${sim.url}${API}/${path}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

before(async () => {
  sim = await startHubsoftSimulator({ seed: { seed: 3, customers: 20 } });
  const t = await token({ grant_type: 'password', ...defaultHubsoftCredentials });
  auth = { authorization: `Bearer ${String(t.body.access_token)}` };
});
after(() => sim.close());

describe('seed', () => {
  test('the same options give the same data; fixtures are distinct customers', () => {
    const today = todayInBrazil();
    assert.deepEqual(seedHubsoft({ seed: 5, today }), seedHubsoft({ seed: 5, today }));
    const f = seedHubsoft({ seed: 5, today }).fixtures;
    assert.equal(new Set([f.withBills, f.otherWithBills, f.withoutBills, f.unlockable]).size, 4);
  });

  test('every boleto line and Pix code is valid', () => {
    const data = seedHubsoft({ seed: 9, customers: 60 });
    for (const b of data.bills) {
      if (b.linha_digitavel !== null) assert.ok(parseSlip(b.linha_digitavel).ok, b.linha_digitavel);
      if (b.pix !== null) assert.ok(parsePix(b.pix).ok);
    }
  });
});

describe('oauth/token', () => {
  test('the password grant issues a 30-day bearer token', async () => {
    const t = await token({ grant_type: 'password', ...defaultHubsoftCredentials });
    assert.equal(t.status, 200);
    assert.equal(t.body.token_type, 'Bearer');
    assert.equal(t.body.expires_in, 2592000);
    assert.equal(typeof t.body.refresh_token, 'string');
  });

  test('wrong user credentials: 401 invalid_credentials, as documented', async () => {
    const t = await token({ grant_type: 'password', ...defaultHubsoftCredentials, password: 'x' });
    assert.equal(t.status, 401);
    assert.deepEqual(t.body, {
      error: 'invalid_credentials',
      error_description: 'The user credentials were incorrect.',
      message: 'The user credentials were incorrect.',
    });
  });

  test('a wrong client is invalid_client', async () => {
    const t = await token({ grant_type: 'password', ...defaultHubsoftCredentials, client_secret: 'x' });
    assert.equal(t.status, 401);
    assert.equal(t.body.error, 'invalid_client');
  });

  test('no token, a revoked or an expired one: 401', async () => {
    assert.equal((await get('configuracao/vencimento', {})).status, 401);
    const t = await token({ grant_type: 'password', ...defaultHubsoftCredentials });
    const mine = { authorization: `Bearer ${String(t.body.access_token)}` };
    assert.equal((await get('configuracao/vencimento', mine)).status, 200);
    sim.state.expireAllTokens();
    assert.equal((await get('configuracao/vencimento', mine)).status, 401);
    const again = await token({ grant_type: 'password', ...defaultHubsoftCredentials });
    auth = { authorization: `Bearer ${String(again.body.access_token)}` };
    sim.state.revokeAllTokens();
    const revoked = await get('configuracao/vencimento');
    assert.equal(revoked.status, 401);
    assert.deepEqual(revoked.body, { message: 'Unauthenticated.' });
    const fresh = await token({ grant_type: 'password', ...defaultHubsoftCredentials });
    auth = { authorization: `Bearer ${String(fresh.body.access_token)}` };
  });
});

describe('routes', () => {
  test('cliente: search by CPF with services; the data_nascmento typo and the epoch artifact', async () => {
    const f = sim.state.data.fixtures;
    const answer = await get(`cliente?busca=cpf_cnpj&termo_busca=${f.withoutBills}`);
    assert.equal(answer.body!.status, 'success');
    const [c] = answer.body!.clientes;
    assert.equal(c.cpf_cnpj, f.withoutBills);
    assert.equal(c.data_nascmento, '1969-12-31 04:00:00');
    assert.equal(typeof c.servicos[0].valor, 'number');
    assert.deepEqual((await get('cliente?busca=cpf_cnpj&termo_busca=52998224725')).body!.clientes, []);
    assert.equal((await get('cliente?busca=cpf_cnpj')).status, 400);
    assert.equal((await get('cliente?busca=cpf_cnpj&termo_busca=1&limit=101')).status, 400);
  });

  test('cliente/financeiro: "suscess", money as numbers, DD/MM/YYYY, pending only by default', async () => {
    const answer = await get(
      `cliente/financeiro?busca=cpf_cnpj&termo_busca=${sim.state.data.fixtures.withBills}`,
    );
    assert.equal(answer.body!.status, 'suscess');
    const bills = answer.body!.faturas as Record<string, unknown>[];
    assert.ok(bills.length >= 3);
    for (const b of bills) {
      assert.equal(typeof b.valor, 'number');
      assert.match(String(b.data_vencimento), /^\d{2}\/\d{2}\/\d{4}$/);
      assert.equal(b.data_pagamento, null);
    }
  });

  test('financeiro/fatura: paginated, money as strings, YYYY-MM-DD, 500 per page at most', async () => {
    const today = todayInBrazil();
    const range = `data_inicio=${addDays(today, -400)}&data_fim=${addDays(today, 400)}`;
    const first = await get(`financeiro/fatura?${range}&pagina=0&itens_por_pagina=5`);
    const paging = first.body!.paginacao;
    assert.equal(first.body!.faturas.length, 5);
    assert.ok(paging.ultima_pagina >= 1);
    assert.equal(
      paging.total_registros,
      sim.state.data.bills.filter((b) => b.data_vencimento >= addDays(today, -400)).length,
    );
    const last = await get(`financeiro/fatura?${range}&pagina=${paging.ultima_pagina}&itens_por_pagina=5`);
    assert.ok(last.body!.faturas.length >= 1 && last.body!.faturas.length <= 5);
    const bill = first.body!.faturas[0];
    assert.equal(typeof bill.valor, 'string');
    assert.match(bill.data_vencimento, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(bill.pix_copia_e_cola, null, 'Pix only with exibir_pix_copia_cola=sim');
    assert.equal((await get('financeiro/fatura?itens_por_pagina=501')).status, 400);
  });

  test('cliente/nota_fiscal refuses more than 60 days', async () => {
    const id = sim.state.data.customers[0]!.id_cliente;
    const answer = await get(
      `cliente/nota_fiscal?busca=id_cliente&termo_busca=${id}&data_inicio=2026-01-01&data_fim=2026-06-01`,
    );
    assert.equal(answer.body!.status, 'error');
    assert.match(answer.body!.msg, /60 dias/);
  });

  test('liquidar settles once; the second time is the documented refusal', async () => {
    const bill = sim.state.data.bills.find((b) => b.data_pagamento === null)!;
    const body = {
      id_fatura: bill.id_fatura,
      id_caixa_financeiro: 123,
      data_pagamento: '2026-01-05',
      valor_pago: 10.5,
      meio_pagamento: 'pix',
    };
    const first = await post('financeiro/fatura/liquidar', body);
    assert.equal(first.body.status, 'success');
    assert.equal(first.body.recibo.valor_pago, 10.5);
    const second = await post('financeiro/fatura/liquidar', body);
    assert.equal(second.body.status, 'error');
    assert.equal(
      second.body.msg,
      `A fatura de ID ${bill.id_fatura} já encontra-se quitada com data de pagamento em 05/01/2026`,
    );
    const invalid = await post('financeiro/fatura/liquidar', { id_fatura: bill.id_fatura });
    assert.equal(invalid.status, 400);
    assert.ok((invalid.body.errors as string[]).some((e) => e.includes('id_caixa_financeiro')));
  });

  test('prospecto: a CPF/CNPJ already on a prospect is refused, as documented', async () => {
    const body = {
      cep: '35560000',
      servico: { id_servico: 1301, valor: 99.9 },
      cpf_cnpj: '68346567000158',
      telefone: '3732818000',
      nome_razaosocial: 'Empresa XPTO LTDA',
      tipo_pessoa: 'pj',
      bairro: 'Centro',
      endereco: 'Praça Getúlio Vargas',
      numero: 77,
    };
    const first = await post('prospecto', body);
    assert.equal(first.body.status, 'success');
    assert.equal(first.body.prospecto.origem, 'API');
    const again = await post('prospecto', body);
    assert.equal(again.body.msg, 'O CPF/CNPJ já foi cadastrado antes no prospecto EMPRESA XPTO LTDA');
    assert.equal((await get('prospecto/create')).body!.msg, 'CEP não informado.');
    assert.equal(
      (await get('prospecto/create?cep=01001000')).body!.msg,
      'Nenhuma cidade foi encontrada com esse CEP.',
    );
  });

  test('desbloqueio_confianca: only for a service suspended for debt, within the admin limit', async () => {
    const blocked = sim.state.data.services.find((s) => s.status === 'suspenso_debito')!;
    const tooLong = await post('cliente/desbloqueio_confianca', {
      id_cliente_servico: blocked.id_cliente_servico,
      dias_desbloqueio: 10,
    });
    assert.match(tooLong.body.msg, /ultrapassa/);
    const ok = await post('cliente/desbloqueio_confianca', {
      id_cliente_servico: String(blocked.id_cliente_servico),
      dias_desbloqueio: '2',
    });
    assert.match(
      ok.body.msg,
      /^Desbloqueio em confiança realizado com sucesso até a data \d{2}\/\d{2}\/\d{4}$/,
    );
    const again = await post('cliente/desbloqueio_confianca', {
      id_cliente_servico: blocked.id_cliente_servico,
    });
    assert.equal(again.body.status, 'error');
  });

  test('a write reads its input from the query string too, as Laravel does (older clients send it there)', async () => {
    // The old public Python client (research, Hubsoft H5) puts id_cliente_servico and
    // dias_desbloqueio in the query string of desbloqueio_confianca.
    const blocked = sim.state.data.services.filter((s) => s.status === 'suspenso_debito')[1]!;
    const answer = await post(
      `cliente/desbloqueio_confianca?id_cliente_servico=${blocked.id_cliente_servico}&dias_desbloqueio=1`,
      {},
    );
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.status, 'success');
    // The body wins over the query string.
    const other = sim.state.data.services.find((s) => s.status === 'servico_habilitado')!;
    const refused = await post(
      `cliente/desbloqueio_confianca?id_cliente_servico=${blocked.id_cliente_servico}`,
      {
        id_cliente_servico: other.id_cliente_servico,
      },
    );
    assert.match(refused.body.msg, /não está suspenso/);
  });

  test('the fatura link serves a PDF without a token', async () => {
    const bill = sim.state.data.bills.find((b) => b.tipo_cobranca === 'boleto_bancario')!;
    const res = await fetch(`${sim.url}/pdf/fatura/${bill.hash}`);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.equal(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    );
  });
});

describe('fault switches', () => {
  test('each x-sim-fault answers as announced', async () => {
    const path = 'configuracao/caixa_financeiro';
    const h = (fault: string) => ({ ...auth, 'x-sim-fault': fault });
    const s503 = await get(path, h('status=503'));
    assert.equal(s503.status, 503);
    const html = await get(path, h('html'));
    assert.equal(html.status, 200);
    assert.match(html.text, /^<!DOCTYPE html>/);
    const envelope = await get(path, h('error-envelope'));
    assert.equal(envelope.status, 200);
    assert.equal(envelope.body!.status, 'error');
    const malformed = await get(path, h('malformed'));
    assert.throws(() => JSON.parse(malformed.text) as unknown);
    const started = Date.now();
    assert.equal((await get(path, h('latency=120'))).status, 200);
    assert.ok(Date.now() - started >= 120);
    const timeout = await fetch(`${sim.url}${API}/${path}`, {
      headers: h('timeout'),
      signal: AbortSignal.timeout(200),
    }).catch((e: Error) => e);
    assert.ok(timeout instanceof Error);
  });

  test('a run fault limited to a route and a number of requests', async () => {
    sim.faults.set({ status: 504, route: 'vencimento', times: 1 });
    assert.equal((await get('configuracao/vendedor')).status, 200);
    assert.equal((await get('configuracao/vencimento')).status, 504);
    assert.equal((await get('configuracao/vencimento')).status, 200);
    sim.faults.clear();
  });

  test('revoked: the request carrying a good token gets 401', async () => {
    const before = sim.state.counters.unauthorized;
    assert.equal((await get('configuracao/vendedor', { ...auth, 'x-sim-fault': 'revoked' })).status, 401);
    assert.equal(sim.state.counters.unauthorized, before + 1);
    const fresh = await token({ grant_type: 'password', ...defaultHubsoftCredentials });
    auth = { authorization: `Bearer ${String(fresh.body.access_token)}` };
  });
});
