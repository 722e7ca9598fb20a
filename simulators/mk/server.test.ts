// The MK simulator answers as the recorded answers show: the token flow and its expiry on an
// injected clock, the error catalogue (001, 002, 003, 999), the charset bug on the wire, V1/V2
// variants, once-a-month auto-unlock and the fault switches.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePix } from '../../src/brasil/pix.js';
import { defaultMkProfile, startMkSimulator } from './server.js';
import type { RunningMkSimulator } from './server.js';
import { seedMk } from './seed.js';
import { mkJson } from './wire.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are asserted field by field
type Json = any;

let sim: RunningMkSimulator;
let clock = Date.parse('2026-11-30T15:00:00Z');
let token = '';
const fixtures = seedMk({ customers: 0 }).fixtures;

async function raw(service: string, params: Record<string, string>, headers: Record<string, string> = {}) {
  const qs = new URLSearchParams({ sys: 'MK0', ...params });
  const res = await fetch(`${sim.url}/mk/${service}.rule?${qs.toString()}`, { headers });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

async function call(
  service: string,
  params: Record<string, string> = {},
  headers: Record<string, string> = {},
) {
  const r = await raw(service, { token, ...params }, headers);
  const parsed: Json = JSON.parse(r.bytes.toString('latin1'));
  return parsed;
}

/** The repair a client must do: code points of each string reread as UTF-8 bytes. */
function repair(value: Json): Json {
  if (typeof value === 'string') return Buffer.from(value, 'latin1').toString('utf8');
  if (Array.isArray(value)) return value.map(repair);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, repair(v)]));
  return value;
}

async function login() {
  return call('WSAutenticacao', {
    token: defaultMkProfile.token,
    password: defaultMkProfile.contraSenha,
    cd_servico: '9999',
  });
}

before(async () => {
  sim = await startMkSimulator({ seed: { seed: 3, customers: 10 }, now: () => clock });
  token = (await login()).Token;
});
after(() => sim.close());

describe('authentication', () => {
  test('the recorded key set, Expire in Brasília time after the profile lifetime', async () => {
    const auth = await login();
    assert.deepEqual(Object.keys(auth).sort(), [
      'Expire',
      'LimiteUso',
      'ServicosAutorizados',
      'Token',
      'status',
    ]);
    assert.equal(auth.status, 'OK');
    assert.equal(auth.Expire, '30/11/2026 13:00:00');
    assert.deepEqual(auth.ServicosAutorizados, [9999]);
  });

  test('a wrong profile token is 001; a missing session token 999 Token not found', async () => {
    const bad = repair(
      await call('WSAutenticacao', { token: 'nope', password: defaultMkProfile.contraSenha }),
    );
    assert.deepEqual(bad, { Mensagem: 'Token inválido.', 'Num. ERRO': '001', status: 'ERRO' });
    const none = await call('WSMKConsultaDoc', { token: 'unknown', doc: fixtures.withBills });
    assert.deepEqual(none, { CodToken: 0, Mensagem: 'Token not found.', 'Num. ERRO': '999', status: 'ERRO' });
  });

  test('a session token expires with the clock (999 Token expirado) and a new one works', async () => {
    const mine = (await login()).Token;
    assert.equal((await call('WSMKConsultaDoc', { token: mine, doc: fixtures.withBills })).status, 'OK');
    clock += 61 * 60_000;
    const expired = await call('WSMKConsultaDoc', { token: mine, doc: fixtures.withBills });
    assert.equal(expired['Num. ERRO'], '999');
    assert.equal(repair(expired.Mensagem), 'Token expirado.');
    assert.equal(typeof expired.CodToken, 'number');
    token = (await login()).Token;
    assert.equal((await call('WSMKConsultaDoc', { doc: fixtures.withBills })).status, 'OK');
  });
});

describe('the wire', () => {
  test('declared ISO-8859-1, accents as escaped UTF-8 bytes (accented capitals included)', async () => {
    const r = await raw('WSMKConsultaDoc', { token, doc: fixtures.withBills });
    assert.match(r.type, /charset=ISO-8859-1/i);
    const text = r.bytes.toString('latin1');
    assert.ok(/^\p{ASCII}*$/u.test(text), 'only ASCII on the wire');
    assert.ok(text.includes('JOS\\u00C3\\u0089'), 'É is sent as \\u00C3\\u0089');
    const body: Json = JSON.parse(text);
    assert.notEqual(body.Nome, 'JOSÉ ÂNGELO CONCEIÇÃO ÁVILA');
    assert.equal(repair(body).Nome, 'JOSÉ ÂNGELO CONCEIÇÃO ÁVILA');
  });

  test('mkJson keeps ASCII and writes four escapes for a 2-byte character', () => {
    assert.equal(mkJson({ a: 'Ó' }).toString('latin1'), '{"a":"\\u00C3\\u0093"}');
    assert.equal(mkJson({ a: 'Ó' }, { rawUtf8: true }).toString('utf8'), '{"a":"Ó"}');
  });
});

describe('customers and bills', () => {
  test('ConsultaDoc: 002 for a malformed document, 003 for an unknown one, Outros for a shared CPF', async () => {
    assert.equal((await call('WSMKConsultaDoc', { doc: '123' }))['Num. ERRO'], '002');
    const missing = repair(await call('WSMKConsultaDoc', { doc: '52998224725' }));
    assert.deepEqual(missing, { Mensagem: 'Documento não localizado.', 'Num. ERRO': '003', status: 'ERRO' });
    const found = await call('WSMKConsultaDoc', { doc: fixtures.withBills });
    assert.equal(found.Outros.length, 1);
    assert.equal(found.Outros[0].Latitude, undefined, 'this registration has no coordinates');
  });

  test('FaturasPendentes lists open bills only; 2ª via, linha digitável and Pix per bill', async () => {
    const doc = await call('WSMKConsultaDoc', { doc: fixtures.withBills });
    const pending = await call('WSMKFaturasPendentes', { cd_cliente: String(doc.CodigoPessoa) });
    assert.equal(pending.FaturasPendentes.length, 3);
    const first = pending.FaturasPendentes[0];
    assert.match(first.data_vencimento, /^\d{2}\/\d{2}\/\d{4}$/);
    const via = await call('WSMKSegundaViaCobranca', { cd_fatura: String(first.codfatura) });
    assert.match(via.Valor, /^R\$ \d+,\d{2}$/);
    const pdf = await fetch(via.PathDownload);
    assert.equal(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
      '%PDF-',
    );
    const ld = await call('WSMKLDViaSMS', { cd_fatura: String(first.codfatura) });
    assert.equal(ld.DadosFatura[0].codfatura, first.codfatura);
    const pix = await call('WSMKRetornarCopieColaPix', { CodigoFatura: String(first.codfatura) });
    assert.ok(parsePix(pix.texto_qrcode).ok);
    const gone = repair(await call('WSMKLDViaSMS', { cd_fatura: '1' }));
    assert.deepEqual(gone, { Mensagem: 'Fatura não localizada.', status: 'ERRO' });
  });

  test('contracts V1 (envelope, active only) and V2 (bare array)', async () => {
    const doc = await call('WSMKConsultaDoc', { doc: fixtures.reduced });
    const v1 = await call('WSMKContratosPorCliente', { cd_cliente: String(doc.CodigoPessoa) });
    assert.equal(v1.ContratosAtivos.length, 1);
    assert.deepEqual(Object.keys(v1.ContratosAtivos[0]).sort(), [
      'adesao',
      'cd_empresa',
      'codcontrato',
      'nome_empresa',
      'plano_acesso',
      'previsao_vencimento',
    ]);
    const v2 = await call('WSMKContratosPorClienteV2', { cd_cliente: String(doc.CodigoPessoa) });
    assert.ok(Array.isArray(v2));
    assert.equal(v2.length, 2);
  });

  test('auto-unlock: once per connection per month, refusal with lowercase mensagem', async () => {
    const doc = await call('WSMKConsultaDoc', { doc: fixtures.unlockable });
    const conns = await call('WSMKConexoesPorCliente', { cd_cliente: String(doc.CodigoPessoa) });
    const blocked = conns.Conexoes.find((c: Json) => c.bloqueada === 'Sim');
    const ok = await call('WSMKAutoDesbloqueio', { cd_conexao: String(blocked.codconexao) });
    assert.equal(ok.status, 'OK');
    const again = repair(await call('WSMKAutoDesbloqueio', { cd_conexao: String(blocked.codconexao) }));
    assert.deepEqual(again, { status: 'ERRO', mensagem: 'Operação indisponível para esta conexão.' });
  });

  test('NovoAtendimento answers a YYMM.nnnnn protocol and stores accents as entities', async () => {
    const doc = await call('WSMKConsultaDoc', { doc: fixtures.withBills });
    const t = await call('WSMKNovoAtendimento', {
      cd_cliente: String(doc.CodigoPessoa),
      cd_processo: '12',
      cd_classificacao_ate: '3',
      origem_contato: '9',
      info: 'Sem conexão',
    });
    assert.equal(t.status, 'OK');
    assert.match(t.Protocolo, /^2611\.\d+$/);
    assert.equal(sim.state.tickets.at(-1)!.info, 'Sem conex&#227;o');
    assert.equal((await call('WSMKConsultaEquipes'))['Equipes:'].length, 1);
  });
});

describe('APIs especiais', () => {
  test('NovaPessoa then NovoContrato: the new registration is found by ConsultaDoc with its contract', async () => {
    const pessoa = await call('WSMKNovaPessoa', {
      nome: 'Ana Souza',
      cpf_cnpj: '52998224725',
      cep: '89805000',
    });
    assert.equal(pessoa.status, 'OK');
    const again = await call('WSMKNovaPessoa', { nome: 'Ana Souza', cpf_cnpj: '52998224725' });
    assert.equal(again.status, 'ERRO');
    const contrato = await call('WSMKNovoContrato', {
      CodigoCliente: String(pessoa.CodigoPessoa),
      CodigoTipoPlano: '1',
      CodigoPlanoAcesso: '31',
      CodigoRegraVencimento: '2',
    });
    assert.equal(contrato.status, 'OK');
    const doc = await call('WSMKConsultaDoc', { doc: '52998224725' });
    const contracts = await call('WSMKContratosPorCliente', { cd_cliente: String(doc.CodigoPessoa) });
    assert.equal(contracts.ContratosAtivos[0].codcontrato, contrato.CodigoContrato);
    const lead = await call('WSMKNovaLead', { cd_cliente: String(doc.CodigoPessoa), info: 'Interessada' });
    assert.equal(typeof lead.CodigoLead, 'number');
  });
});

describe('faults', () => {
  test('servlet500, malformed, expire and invalidate', async () => {
    const trace = await raw('WSMKFaturasPendentes', { token }, { 'x-sim-fault': 'servlet500' });
    assert.equal(trace.status, 500);
    assert.match(trace.bytes.toString('utf8'), /javax\.servlet\.ServletException/);
    const cut = await raw('WSMKConsultaDoc', { token, doc: fixtures.withBills, sim_fault: 'malformed' });
    assert.throws(() => JSON.parse(cut.bytes.toString('latin1')));
    const expired = await call('WSMKConsultaDoc', { doc: fixtures.withBills }, { 'x-sim-fault': 'expire' });
    assert.equal(expired['Num. ERRO'], '999');
    token = (await login()).Token;
    const invalid = await call(
      'WSMKConsultaDoc',
      { doc: fixtures.withBills },
      { 'x-sim-fault': 'invalidate' },
    );
    assert.equal(invalid['Num. ERRO'], '001');
    token = (await login()).Token;
  });

  test('unknown services and another sys answer 404', async () => {
    assert.equal((await raw('WSMKNaoExiste', { token })).status, 404);
    const other = await fetch(`${sim.url}/mk/WSMKConsultaDoc.rule?sys=MK1&token=${token}`);
    assert.equal(other.status, 404);
  });

  test('a profile limited to some services refuses the others with 001', async () => {
    const limited = await startMkSimulator({ seed: { customers: 0 }, profile: { services: [6] } });
    try {
      const qs = (p: Record<string, string>) => new URLSearchParams({ sys: 'MK0', ...p }).toString();
      const auth = (await (
        await fetch(
          `${limited.url}/mk/WSAutenticacao.rule?${qs({ token: defaultMkProfile.token, password: defaultMkProfile.contraSenha, cd_servico: '9999' })}`,
        )
      ).json()) as Json;
      assert.deepEqual(auth.ServicosAutorizados, [6]);
      const refused = (await (
        await fetch(
          `${limited.url}/mk/WSMKFaturasPendentes.rule?${qs({ token: auth.Token, cd_cliente: '1' })}`,
        )
      ).json()) as Json;
      assert.equal(refused['Num. ERRO'], '001');
    } finally {
      await limited.close();
    }
  });
});
