import { test } from 'node:test';
import assert from 'node:assert/strict';
import { upstreamExcerpt } from '../providers/kit/http.js';
import { maskDeep, maskPersonalData } from './mask.js';

test('masks CPF with and without punctuation, keeping only middle digits', () => {
  assert.equal(maskPersonalData('cpf 529.982.247-25 ok'), 'cpf ***.982.***-** ok');
  const bare = maskPersonalData('cliente 52998224725');
  assert.doesNotMatch(bare, /52998224725/);
  assert.match(bare, /\*\*\*/);
});

test('masks numeric and alphanumeric CNPJ', () => {
  assert.doesNotMatch(maskPersonalData('12.ABC.345/01DE-35'), /12\.ABC\.345\/01DE-35/);
  assert.doesNotMatch(maskPersonalData('x 11222333000181 y'), /11222333000181/);
});

test('masks e-mails, phones and credentials', () => {
  const out = maskPersonalData(
    'maria.silva@example.com.br (11) 98765-4321 +5511987654321 Authorization: Bearer abc.def-123 "senha":"segredo"',
  );
  assert.doesNotMatch(out, /maria\.silva/);
  assert.match(out, /m\*\*\*@example\.com\.br/);
  assert.doesNotMatch(out, /98765-4321/);
  assert.doesNotMatch(out, /987654321/);
  assert.doesNotMatch(out, /abc\.def-123/);
  assert.doesNotMatch(out, /segredo/);
});

test('leaves ordinary text, amounts and dates alone', () => {
  const text = 'Fatura 123 vence em 2026-12-10, valor 129.90';
  assert.equal(maskPersonalData(text), text);
});

test('maskDeep masks nested strings', () => {
  const out = maskDeep({ a: ['529.982.247-25'], b: { c: 'x@y.com' }, n: 5 }) as Record<string, unknown>;
  assert.equal(JSON.stringify(out).includes('529.982.247-25'), false);
  assert.equal(JSON.stringify(out).includes('x@y.com'), false);
  assert.equal(out.n, 5);
});

test('decodes percent-escapes before masking: URL-encoded e-mails, twice-encoded ones, bad escapes', () => {
  assert.equal(maskPersonalData('to=maria%40example.com'), 'to=m***@example.com');
  assert.equal(maskPersonalData('to maria%2540example.com'), 'to m***@example.com');
  assert.equal(maskPersonalData('cpf%3D52998224725'), 'cpf=***982*****');
  // A malformed or non-UTF-8 escape neither throws nor hides the rest of the line.
  assert.equal(
    maskPersonalData('100% %ZZ %E0%A4%A maria%40example.com'),
    '100% %ZZ %E0%A4%A m***@example.com',
  );
  assert.equal(maskPersonalData('%FF%40 x'), '%FF@ x');
});

test('masks CPF and CNPJ glued to letters, digits-free ids or underscores', () => {
  for (const text of ['cliente_52998224725', 'id52998224725x', 'CPF52998224725', 'cliente_529.982.247-25']) {
    const out = maskPersonalData(text);
    assert.doesNotMatch(out, /52998224725|529\.982\.247-25/, text);
    assert.match(out, /\*\*\*/, text);
  }
  for (const text of [
    'cliente_11222333000181',
    'id11222333000181x',
    'ID11222333000181',
    'x12ABC34501DE35y',
  ]) {
    assert.doesNotMatch(maskPersonalData(text), /11222333000181|12ABC34501DE35/, text);
  }
  // Longer digit runs are not documents, and UUIDs (request ids) stay whole even when a group
  // holds 11 digits in a row.
  assert.equal(
    maskPersonalData('barcode 10499898100000214032006561000100040099726390'),
    'barcode 10499898100000214032006561000100040099726390',
  );
  const uuid = '3f2a9c1e-5298-4224-8a1b-52998224725a';
  assert.equal(maskPersonalData(`request ${uuid}`), `request ${uuid}`);
});

test('masks api_key, apikey, key and x-api-key parameters and headers', () => {
  const out = maskPersonalData(
    '/v1/x?api_key=abc123def&apikey=ghi456 key=jkl789 "key":"mno012" X-Api-Key: pqr345 x_api_key=stu678',
  );
  for (const secret of ['abc123def', 'ghi456', 'jkl789', 'mno012', 'pqr345', 'stu678']) {
    assert.doesNotMatch(out, new RegExp(secret), secret);
  }
  // Keys that are not credentials are left alone.
  assert.equal(maskPersonalData('idempotency_key=abc monkey=banana'), 'idempotency_key=abc monkey=banana');
});

test("masks Ponte's own API keys anywhere in text, but not the short prefix key listings show", () => {
  const key = `pk_${'Ab3_x-9Z'.repeat(5)}`;
  const out = maskPersonalData(`called with ${key}, (${key}) and key_${key}`);
  assert.equal(out.includes(key), false);
  assert.doesNotMatch(out, /Ab3_x-9Z/);
  assert.match(out, /pk_\*\*\*/);
  assert.equal(maskPersonalData('prefix pk_Ab3_x-9'), 'prefix pk_Ab3_x-9');
});

test('masks webhook signing secrets anywhere in text', () => {
  const secret = `whsec_${'Qw3_e-7R'.repeat(4)}`;
  const out = maskPersonalData(`rotated to ${secret} (was ${secret})`);
  assert.equal(out, 'rotated to whsec_*** (was whsec_***)');
});

test('maskDeep masks personal fields by their key, whatever their value looks like', () => {
  const out = maskDeep({
    name: 'Maria Aparecida Souza',
    nome_razaosocial: 'Souza Telecom Ltda',
    razaoSocial: 'Souza Telecom Ltda',
    contato: 'Joana',
    email: 'maria@example.com',
    telefone_celular: 19987654321,
    customer: { document_number: '529.982.247-25', endereco: { rua: 'Rua das Flores', numero: 123 } },
    telefones: [{ tipoContato: 'celular', contato: '99999-1234' }],
    password: 'segredo',
    id: '4821',
    status: 'A',
    valor: '129.90',
    tenant: 'acme',
    function: 'get_customer',
    request_id: 'req-1',
    code: 'ERP_REJECTED',
    message: 'refused',
  }) as Record<string, unknown>;
  const text = JSON.stringify(out);
  for (const raw of [
    'Maria',
    'Aparecida',
    'Souza',
    'Joana',
    'maria@',
    '19987654321',
    '529.982.247-25',
    'Flores',
    '1234',
    'segredo',
  ]) {
    assert.equal(text.includes(raw), false, raw);
  }
  assert.equal(out.name, 'M*** A*** S***');
  assert.equal(out.email, 'm***@example.com');
  assert.equal(out.password, '***');
  assert.deepEqual(
    { id: out.id, status: out.status, valor: out.valor, tenant: out.tenant, function: out.function },
    { id: '4821', status: 'A', valor: '129.90', tenant: 'acme', function: 'get_customer' },
  );
  assert.deepEqual(
    { request_id: out.request_id, code: out.code, message: out.message },
    { request_id: 'req-1', code: 'ERP_REJECTED', message: 'refused' },
  );
  // An error's own `name` is its class, not a person's.
  const error = maskDeep(Object.assign(new Error('x'), { name: 'PonteError' })) as Error;
  assert.equal(error.name, 'PonteError');
});

test('masks personal fields in JSON and form-encoded text, truncated or escaped', () => {
  const json = maskPersonalData(
    '{"type":"error","id":"4821","razao":"Maria Aparecida Souza","fantasia": "Souza Net","cpf": 52998224725,"email":null,"nome_cliente":"Jo',
  );
  assert.equal(
    json,
    '{"type":"error","id":"4821","razao":"M*** A*** S***","fantasia": "S*** N***","cpf": ***982*****,"email":null,"nome_cliente":"J***',
  );
  const nested = maskPersonalData('{"erro":"{\\"nome\\":\\"Maria Souza\\",\\"id\\":5}"}');
  assert.equal(nested, '{"erro":"{\\"nome\\":\\"M*** S***\\",\\"id\\":5}"}');
  assert.equal(
    maskPersonalData('nome=Maria+Aparecida&telefone=19987654321&id=5&status=A'),
    'nome=M***&telefone=***876*****&id=5&status=A',
  );
  assert.equal(
    maskPersonalData('nome_razaosocial=Maria%20Souza&plano=100M'),
    'nome_razaosocial=M*** S***&plano=100M',
  );
});

test('upstreamExcerpt masks names in the ERP answer, also where the trim cuts the JSON', () => {
  const body = JSON.stringify({
    type: 'error',
    message: 'Cliente não pode ser alterado',
    id: '4821',
    razao: 'Maria Aparecida Souza',
    endereco: 'Rua das Flores',
    filler: 'x'.repeat(200),
    nome_fantasia: 'Aparecida Telecom',
  });
  const { excerpt } = upstreamExcerpt(400, body);
  assert.ok(excerpt.length <= 301, excerpt);
  assert.match(excerpt, /"razao":"M\*\*\* A\*\*\* S\*\*\*"/);
  assert.match(excerpt, /"id":"4821"/);
  for (const raw of ['Maria', 'Aparecida', 'Souza', 'Flores'])
    assert.equal(excerpt.includes(raw), false, raw);
  // A CPF the trim would cut in half is masked before the cut.
  const cut = upstreamExcerpt(400, `${'y'.repeat(290)} 52998224725 tail`).excerpt;
  assert.doesNotMatch(cut, /5299822/);
});
