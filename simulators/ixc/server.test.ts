import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSlip } from '../../src/brasil/slip.js';
import { isValidPix } from '../../src/brasil/pix.js';
import { formatDocument } from '../../src/brasil/document.js';
import { FIXTURES } from './seed.js';
import { startIxcSimulator, type IxcSimulator } from './server.js';
import { simClient } from './sim-client.test-helper.js';

let sim: IxcSimulator;
const TOKEN = '7:abc123';
const { auth, post } = simClient(() => sim, TOKEN);
const listar = { ixcsoft: 'listar' };

before(async () => {
  sim = await startIxcSimulator({ token: TOKEN, today: '2026-06-15', seed: { customers: 5 } });
});
after(() => sim.close());

describe('IXC simulator protocol', () => {
  test('a POST with ixcsoft: listar lists; without it the same body inserts a record', async () => {
    const body = { qtype: 'su_oss_assunto.id', query: '1', oper: '>=' };
    const before = sim.state.tables.su_oss_assunto!.rows.length;
    const listed = await post('su_oss_assunto', body, listar);
    assert.equal(listed.json.total, String(before));
    const inserted = await post('su_oss_assunto', { ...body, assunto: 'Criado por engano' });
    assert.equal(inserted.json.type, 'success');
    assert.equal(sim.state.tables.su_oss_assunto!.rows.length, before + 1);
    assert.equal(sim.state.counters.inserts.su_oss_assunto, 1);
  });

  test('GET without the header is 404; Bearer is 400; a wrong token is 401', async () => {
    const get = await fetch(`${sim.baseUrl}/cliente`, { headers: { authorization: auth } });
    assert.equal(get.status, 404);
    assert.equal((await post('cliente', {}, { ...listar, authorization: 'Bearer x' })).status, 400);
    assert.equal(
      (await post('cliente', {}, { ...listar, authorization: `Basic ${btoa('7:wrong')}` })).status,
      401,
    );
  });

  test('an unknown resource is type:error with HTTP 200', async () => {
    const answer = await post('clientes', {}, listar);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { type: 'error', message: 'Recurso clientes não está disponível!' });
  });

  test('customers are stored with a masked CPF; every value is a string', async () => {
    const answer = await post(
      'cliente',
      { qtype: 'cliente.cnpj_cpf', query: formatDocument(FIXTURES.bills) },
      listar,
    );
    assert.equal(answer.json.total, '1');
    const row = answer.json.registros[0];
    for (const v of Object.values(row)) assert.equal(typeof v, 'string');
    const digits = await post('cliente', { qtype: 'cliente.cnpj_cpf', query: FIXTURES.bills }, listar);
    assert.equal(digits.json.total, '0');
    assert.equal(digits.json.registros, undefined);
  });

  test('seeded bills: valid linha digitável, gateway links, Pix codes in one field or the other', async () => {
    const bills = (await post('fn_areceber', { qtype: 'fn_areceber.status', query: 'A', rp: '1000' }, listar))
      .json.registros;
    assert.ok(bills.length > 5);
    for (const b of bills) {
      if (b.linha_digitavel) assert.ok(parseSlip(b.linha_digitavel).ok);
      else assert.match(b.gateway_link, /^https:\/\//);
      const pix = (await post('get_pix', { id_areceber: b.id })).json;
      assert.equal(pix.type, 'success');
      const code = pix.pix.dadosPix.pixCopiaECola || pix.pix.qrCode.qrcode;
      assert.ok(isValidPix(code));
    }
  });

  test('PUT replaces the whole record: a partial body is refused, a whole one changes only what differs', async () => {
    const row = (await post('cliente', { qtype: 'cliente.id', query: '2' }, listar)).json.registros[0];
    const partial = await post('cliente/2', { email: 'x@example.com' }, {}, 'PUT');
    assert.equal(partial.json.type, 'error');
    const whole = await post('cliente/2', { ...row, email: 'novo@example.com' }, {}, 'PUT');
    assert.equal(whole.json.type, 'success');
    const after = (await post('cliente', { qtype: 'cliente.id', query: '2' }, listar)).json.registros[0];
    assert.deepEqual(after, { ...row, email: 'novo@example.com' });
    const { telefone_celular: _dropped, ...withoutPhone } = row;
    await post('cliente/2', { ...withoutPhone }, {}, 'PUT');
    assert.equal(sim.state.tables.cliente!.rows.find((r) => r.id === '2')!.telefone_celular, '');
  });

  test('settlement: once accepted, the bill is received and a second one is refused', async () => {
    const bill = sim.state.tables.fn_areceber!.rows.find((r) => r.id_cliente === '2' && r.status === 'A')!;
    const body = {
      filial_id: '1',
      id_receber: bill.id,
      conta_: '3',
      id_conta: bill.id_conta,
      tipo_recebimento: 'Pix',
      data: '15/06/2026',
      valor_parcela: bill.valor_aberto,
      valor_total_recebido: bill.valor_aberto,
      historico: 'x',
    };
    assert.equal((await post('fn_areceber_recebimentos_baixas_novo', body)).json.type, 'success');
    assert.equal(bill.status, 'R');
    const again = await post('fn_areceber_recebimentos_baixas_novo', body);
    assert.equal(again.json.type, 'error');
    assert.equal(sim.state.counters.baixas, 1);
  });

  test('desbloqueio_confianca answers an object (v1) or a list (v2)', async () => {
    const blocked = sim.state.tables.cliente_contrato!.rows.filter(
      (r) => r.status_internet === 'CA' && r.dt_ult_des_bloq_conf === '0000-00-00',
    );
    const v1 = await post('desbloqueio_confianca', { id: blocked[0]!.id });
    assert.equal(v1.json.tipo, 'sucesso');
    assert.match(v1.json.mensagem, /at\u00e9 18\/06\/2026/);
    assert.match(v1.text, /\\u00e9/, 'IXC escapes non-ASCII characters');
    const again = await post(
      'desbloqueio_confianca',
      { id: blocked[0]!.id },
      { 'x-sim-variant': 'unlock-v2' },
    );
    assert.deepEqual(again.json, [{ type: 'error', message: 'Contrato já encontra-se ativo!' }]);
    assert.equal((await post('desbloqueio_confianca', { id: '999' })).json.codigo, '106');
  });

  test('get_boleto: base64 text, binary, quoted, data URI; dados for boleto bills', async () => {
    const bill = sim.state.tables.fn_areceber!.rows.find(
      (r) => r.status === 'A' && r.tipo_recebimento === 'Boleto',
    )!;
    const body = { boletos: bill.id, tipo_boleto: 'arquivo', base64: 'S' };
    const raw = await post('get_boleto', body);
    assert.equal(Buffer.from(raw.text, 'base64').subarray(0, 5).toString(), '%PDF-');
    const binary = await fetch(`${sim.baseUrl}/get_boleto`, {
      method: 'POST',
      headers: { authorization: auth },
      body: JSON.stringify({ ...body, base64: 'N' }),
    });
    assert.equal(
      Buffer.from(await binary.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    );
    assert.match((await post('get_boleto', body, { 'x-sim-variant': 'base64-quoted' })).text, /^"JVBER/);
    assert.match(
      (await post('get_boleto', body, { 'x-sim-variant': 'base64-data-uri' })).text,
      /^data:application\/pdf;base64,JVBER/,
    );
    const dados = (await post('get_boleto', { ...body, tipo_boleto: 'dados' })).json;
    assert.equal(dados[0].linha_digitavel, bill.linha_digitavel);
    assert.equal((await post('get_boleto', { ...body, boletos: '999999' })).json.type, 'error');
  });
});

describe('IXC simulator faults', () => {
  test('per request: each switch shapes the answer', async () => {
    const body = { qtype: 'vendedor.id', query: '1', oper: '>=' };
    const expect: Record<string, (a: Awaited<ReturnType<typeof post>>) => void> = {
      http500: (a) => assert.equal(a.status, 500),
      http502: (a) => assert.equal(a.status, 502),
      http503: (a) => assert.equal(a.status, 503),
      http504: (a) => assert.match(a.text, /504 Gateway Time-out/),
      html200: (a) => (assert.equal(a.status, 200), assert.match(a.text, /^<div.*Ocorreu um erro/)),
      error200: (a) => (
        assert.equal(a.json.type, 'error'),
        assert.match(a.json.message, /\d{3}\.\d{3}\.\d{3}-\d{2}/)
      ),
      malformed: (a) => (assert.equal(a.status, 200), assert.equal(a.json, undefined)),
      'registros-object': (a) =>
        assert.ok(!Array.isArray(a.json.registros) && a.json.registros['0'].id === '1'),
      'total-number': (a) => assert.equal(typeof a.json.total, 'number'),
      revoked: (a) => assert.equal(a.status, 401),
      'ip-blocked': (a) =>
        assert.deepEqual(a.json, { type: 'error', message: 'Seu IP não está liberado para efetuar login!' }),
      unavailable: (a) => assert.match(a.json.message, /Recurso vendedor não está disponível/),
    };
    for (const [fault, check] of Object.entries(expect)) {
      check(await post('vendedor', body, { ...listar, 'x-sim-fault': fault }));
      check(await post(`vendedor?sim_fault=${fault}`, body, listar));
    }
  });

  test('latency delays; timeout never answers; 5xx after a write still applied it', async () => {
    const started = Date.now();
    await post('vendedor', {}, { ...listar, 'x-sim-fault': 'latency=150' });
    assert.ok(Date.now() - started >= 140);
    await assert.rejects(
      fetch(`${sim.baseUrl}/vendedor`, {
        method: 'POST',
        headers: { authorization: auth, ...listar, 'x-sim-fault': 'timeout' },
        body: '{}',
        signal: AbortSignal.timeout(200),
      }),
    );
    const before = sim.state.tables.su_ticket!.rows.length;
    const ticket = {
      tipo: 'C',
      id_cliente: '1',
      id_assunto: '1',
      titulo: 't',
      id_ticket_setor: '1',
      prioridade: 'M',
      menssagem: 'm',
      su_status: 'N',
    };
    assert.equal((await post('su_ticket', ticket, { 'x-sim-fault': 'http504' })).status, 504);
    assert.equal(sim.state.tables.su_ticket!.rows.length, before + 1);
    assert.equal((await post('su_ticket', ticket, { 'x-sim-fault': 'ip-blocked' })).json.type, 'error');
    assert.equal(sim.state.tables.su_ticket!.rows.length, before + 1, 'a refused request changes nothing');
  });

  test('per run: rules match resource, method and listing, and `times` limits them', async () => {
    sim.faults.set({ kind: 'http503', resource: 'vendedor', listing: true, times: 2 });
    assert.equal((await post('vendedor', {}, listar)).status, 503);
    assert.equal((await post('filial', {}, listar)).status, 200);
    assert.equal((await post('vendedor', {}, listar)).status, 503);
    assert.equal((await post('vendedor', {}, listar)).status, 200);
    sim.faults.clear();
  });
});
