// The simulator answers as real IXC installations do to the requests independent public clients
// send them (docs/erp/ixc.md lists the sources): settlement shapes, listing forms, error shapes,
// the empresa probe, unlock codes, and the body encodings of IXC's own PHP client.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDocument } from '../../src/brasil/document.js';
import { FIXTURES } from './seed.js';
import { startIxcSimulator, type IxcSimulator } from './server.js';
import { simClient } from './sim-client.test-helper.js';

let sim: IxcSimulator;
const TOKEN = '7:abc123';
const { send, post } = simClient(() => sim, TOKEN);
const listar = { ixcsoft: 'listar' };

before(async () => {
  sim = await startIxcSimulator({ token: TOKEN, today: '2026-06-15', seed: { customers: 5 } });
});
after(() => sim.close());

const openBill = (n: number) => sim.state.tables.fn_areceber!.rows.filter((r) => r.status === 'A')[n]!;

describe('IXC simulator, as real installations answer', () => {
  test('settlement: the shapes real clients send are accepted (cash box and planning account differ)', async () => {
    const sdk = openBill(0);
    // A PHP SDK's shape: comma decimals, tipo_recebimento D, credito/debito, tipo_lanc R.
    const a = await post('fn_areceber_recebimentos_baixas_novo', {
      filial_id: '1',
      id_receber: sdk.id,
      conta_: '1',
      id_conta: sdk.id_conta,
      tipo_recebimento: 'D',
      data: '15/06/2026',
      valor_parcela: sdk.valor_aberto!.replace('.', ','),
      credito: sdk.valor_aberto!.replace('.', ','),
      debito: sdk.valor_aberto!.replace('.', ','),
      valor_total_recebido: sdk.valor_aberto!.replace('.', ','),
      historico: 'Recebimento',
      previsao: 'N',
      tipo_lanc: 'R',
    });
    assert.equal(a.json.type, 'success', a.text);
    // A script against IXC's demo server: numbers, id_conta and tipo_recebimento copied from the bill.
    const demo = openBill(0);
    const b = await post('fn_areceber_recebimentos_baixas_novo', {
      filial_id: demo.filial_id,
      id_receber: demo.id,
      conta_: 2,
      id_conta: Number(demo.id_conta),
      tipo_recebimento: demo.tipo_recebimento,
      data: '15/06/2026',
      valor_parcela: Number(demo.valor_aberto),
      credito: Number(demo.valor_aberto),
      debito: Number(demo.valor_aberto),
      valor_total_recebido: Number(demo.valor_aberto),
      tipo_lanc: 'R',
    });
    assert.equal(b.json.type, 'success', b.text);
    const receipt = sim.state.tables.fn_areceber_baixas!.rows.find((r) => r.id_receber === sdk.id)!;
    assert.deepEqual([receipt.conta_, receipt.id_conta, receipt.tipo_lanc], ['1', sdk.id_conta, 'R']);
  });

  test('settlement: a cash account given as the planning account is refused', async () => {
    const bill = openBill(0);
    const before = sim.state.counters.baixas;
    const answer = await post('fn_areceber_recebimentos_baixas_novo', {
      filial_id: '1',
      id_receber: bill.id,
      conta_: '3',
      id_conta: '3',
      tipo_recebimento: 'Pix',
      data: '15/06/2026',
      valor_parcela: bill.valor_aberto,
      valor_total_recebido: bill.valor_aberto,
    });
    assert.equal(answer.json.type, 'error');
    assert.equal(sim.state.counters.baixas, before);
    const noBox = await post('fn_areceber_recebimentos_baixas_novo', {
      filial_id: '1',
      id_receber: bill.id,
      conta_: '99',
      id_conta: bill.id_conta,
      data: '15/06/2026',
      valor_total_recebido: bill.valor_aberto,
    });
    assert.match(noBox.json.message, /conta\/caixa válida/);
  });

  test('qtype without the table prefix lists like the prefixed form', async () => {
    const masked = formatDocument(FIXTURES.bills);
    const plain = await post('cliente', { qtype: 'cnpj_cpf', query: masked, oper: '=' }, listar);
    const prefixed = await post('cliente', { qtype: 'cliente.cnpj_cpf', query: masked, oper: '=' }, listar);
    assert.equal(plain.json.total, '1');
    assert.deepEqual(plain.json, prefixed.json);
  });

  test('a listing IXC cannot run answers HTTP 200 with its HTML div and no detail', async () => {
    const answer = await post('cliente', { qtype: 'cliente.nao_existe', query: '1' }, listar);
    assert.equal(answer.status, 200);
    assert.match(
      answer.text,
      /^<div style="margin:40px;[^"]*">Ocorreu um erro ao processar\. Contate o suporte IXC Soft\.<\/div>$/,
    );
    assert.doesNotMatch(answer.text, /nao_existe/);
  });

  test('the empresa table answers (a common health probe)', async () => {
    const answer = await post('empresa', { qtype: 'empresa.id', query: '1', oper: '>=' }, listar);
    assert.equal(answer.json.total, '1');
    assert.match(answer.json.registros[0].razao, /PONTE/);
  });

  test('form-encoded and multipart bodies, as IXC s own PHP client sends them', async () => {
    const form = new URLSearchParams({
      qtype: 'cliente.cnpj_cpf',
      query: formatDocument(FIXTURES.bills),
      oper: '=',
    });
    const listed = await send('cliente', form.toString(), 'application/x-www-form-urlencoded', listar);
    assert.equal(listed.json.total, '1', listed.text);
    const before = sim.state.tables.su_oss_assunto!.rows.length;
    const boundary = 'ponteBoundary42';
    const multipart = [
      `--${boundary}\r\nContent-Disposition: form-data; name="assunto"\r\n\r\nVisita técnica\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="ativo"\r\n\r\nS\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const inserted = await send('su_oss_assunto', multipart, `multipart/form-data; boundary=${boundary}`);
    assert.equal(inserted.json.type, 'success', inserted.text);
    const row = sim.state.tables.su_oss_assunto!.rows[before]!;
    assert.deepEqual([row.assunto, row.ativo], ['Visita técnica', 'S']);
  });

  test('desbloqueio_confianca: 106, 107, 109 and 113 as real IXC codes them', async () => {
    const contracts = sim.state.tables.cliente_contrato!.rows;
    const code = async (id: string) => (await post('desbloqueio_confianca', { id })).json.codigo;
    assert.equal(await code('999999'), '106');
    assert.equal(
      await code(contracts.find((c) => c.status === 'A' && c.status_internet === 'A')!.id!),
      '107',
    );
    assert.equal(
      await code(contracts.find((c) => c.status === 'A' && c.status_internet === 'CM')!.id!),
      '109',
    );
    const used = contracts.find(
      (c) => c.status_internet === 'CA' && c.dt_ult_des_bloq_conf !== '0000-00-00',
    )!;
    assert.equal(await code(used.id!), '113');
  });
});
