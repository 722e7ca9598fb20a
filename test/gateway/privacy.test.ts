// Personal data never reaches the logs: not from request bodies, not from provider errors (Ponte
// errors or plain ones), not from what providers log themselves.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PonteError, functions } from '../../src/contract/index.js';
import { upstreamExcerpt } from '../../src/providers/kit/http.js';
import { exampleFunctions, exampleOutput, fakeProvider } from '../helpers/fake-provider.js';
import { startPonte, type RunningPonte } from '../helpers/ponte.js';

const CPF = '52998224725';
const CPF_MASKED = '529.982.247-25';
const EMAIL = 'maria.souza@example.com';
const NEW_EMAIL = 'maria.aparecida@example.com';
const CNPJ = '11222333000181';
const PHONE = '19987654321';
const NAME = 'Maria Aparecida Souza';
// What an ERP answers when it refuses a write: JSON naming the customer.
const ERP_REFUSAL = JSON.stringify({
  type: 'error',
  message: 'Cliente bloqueado para desbloqueio de confiança',
  id: '4821',
  razao: NAME,
  fantasia: 'Aparecida Telecom',
  cnpj_cpf: CPF_MASKED,
  status: 'CA',
});

const provider = fakeProvider({
  id: 'fake',
  functions: {
    ...exampleFunctions(),
    get_customer: (_conn, input, call) => {
      call.log.info(
        { document: input.customer_document_number, lookup: { email: EMAIL } },
        `looking up ${CPF_MASKED}`,
      );
      call.log.warn(`customer ${input.customer_document_number} has e-mail ${EMAIL} and phone ${PHONE}`);
      return Promise.resolve(exampleOutput('get_customer'));
    },
    update_customer: (_conn, input) =>
      Promise.reject(
        new PonteError(
          'ERP_REJECTED',
          `cliente ${CPF_MASKED} não aceita o e-mail ${String(input.changes.email)}`,
          {
            upstream: { status: 400, excerpt: `{"erro":"cpf ${CPF} email ${NEW_EMAIL}"}` },
          },
        ),
      ),
    list_plans: () =>
      Promise.reject(
        new Error(`SQL error: select * from clientes where cpf = '${CPF}' and email = '${EMAIL}'`),
      ),
    list_blocked_plans: (_conn, _input, call) => {
      call.log.error({ err: new Error(`ERP said: CPF ${CPF} (${EMAIL}) unknown`) }, 'ERP call failed');
      call.log.warn(new Error(`retrying for ${CPF_MASKED}`));
      return Promise.reject(
        new PonteError('ERP_UNAVAILABLE', 'the ERP is down', { cause: new Error(`cpf ${CPF}`) }),
      );
    },
    get_bill: () =>
      Promise.resolve([
        { ...exampleOutput('get_bill')[0]!, document_number: CPF_MASKED, nome_cliente: EMAIL },
      ]),
    trust_unlock: (_conn, _input, call) => {
      // A provider logging the ERP's raw answer: the names in it are masked by their JSON key.
      call.log.warn(`the ERP refused the unlock: ${ERP_REFUSAL}`);
      return Promise.reject(
        new PonteError('ERP_REJECTED', 'the ERP refused the unlock', {
          upstream: upstreamExcerpt(400, ERP_REFUSAL),
        }),
      );
    },
    list_resellers: () =>
      Promise.reject(new Error(`reseller with CNPJ ${CNPJ} and e-mail ${EMAIL} is broken`)),
  },
});

describe('personal data and the logs', () => {
  let ponte: RunningPonte;
  let key: string;

  before(async () => {
    ponte = await startPonte({ providers: [provider] });
    key = (await ponte.createTenant('privacy', 'fake')).key;
  });
  after(() => ponte.close());

  test('calls carrying CPF, CNPJ, e-mail and phone leave none of them in clear in the logs', async () => {
    const byCpf = { customer_document_number: CPF_MASKED };
    const statuses: Record<string, number> = {};
    const run = async (name: string, body: unknown) => {
      statuses[name] = (await ponte.call(name, body, key)).status;
    };
    await run('get_customer', byCpf);
    await run('update_customer', {
      customer_document_number: CPF,
      changes: { email: NEW_EMAIL, phone: '(19) 98765-4321' },
    });
    await run('list_plans', byCpf);
    await run('list_blocked_plans', byCpf);
    await run('get_bill', { customer_bill_id: '58213', customer_document_number: CPF });
    await run('list_resellers', {});
    await run('create_order', functions.create_order.example);
    await run('create_order_existing_customer', functions.create_order_existing_customer.example);
    await run('create_lead', functions.create_lead.example);
    // Bad input holding personal data.
    await run('get_customer_contacts', { customer_document_number: '529.982.247-24' });
    await run('create_ticket', { ...functions.create_ticket.example, contact_phone: `${EMAIL} ${CPF}` });

    assert.deepEqual(statuses, {
      get_customer: 200,
      update_customer: 422,
      list_plans: 500,
      list_blocked_plans: 503,
      get_bill: 500,
      list_resellers: 500,
      create_order: 200,
      create_order_existing_customer: 200,
      create_lead: 200,
      get_customer_contacts: 400,
      create_ticket: 400,
    });

    const text = ponte.logs.join('');
    // The errors were logged (masked), so the absence below is not an absence of logging.
    assert.match(text, /SQL error/);
    assert.match(text, /ERP said/);
    assert.match(text, /retrying for/);
    assert.match(text, /reseller with CNPJ/);
    assert.match(text, /looking up/);
    for (const secret of [
      CPF,
      CPF_MASKED,
      '529982247-25',
      EMAIL,
      NEW_EMAIL,
      CNPJ,
      '11.222.333/0001-81',
      PHONE,
      '98765-4321',
    ]) {
      const leaking = ponte.logs.filter((l) => l.includes(secret));
      assert.deepEqual(leaking, [], `${secret} reached the logs`);
    }
  });

  test('query strings, request ids and ERP excerpts leave no personal data or key in the logs or answers', async () => {
    const query = `?email=maria%40example.com&api_key=${key}&cpf=${CPF}`;
    const post = (name: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${ponte.url}/v1/functions/${name}${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
        body: JSON.stringify(body),
      });
    const before = ponte.logs.length;

    // A document the first test did not look up, so the provider runs (and logs) again.
    const found = await post(
      'get_customer',
      { customer_document_number: '111.444.777-35' },
      { 'x-request-id': `cliente_${CPF}` },
    );
    assert.equal(found.status, 200, await found.text());
    const refused = await post('trust_unlock', functions.trust_unlock.example);
    assert.equal(refused.status, 422);
    const errorBody = await refused.text();
    const error = (JSON.parse(errorBody) as { error: { code: string; upstream: { excerpt: string } } }).error;
    assert.equal(error.code, 'ERP_REJECTED');
    // The excerpt still says what the ERP answered, with the name masked.
    assert.match(error.upstream.excerpt, /"razao":"M\*\*\* A\*\*\* S\*\*\*"/);
    assert.match(error.upstream.excerpt, /"id":"4821"/);

    const logs = ponte.logs.slice(before);
    const lines = logs.map((l) => JSON.parse(l) as { msg: string; url?: string; request_id?: string });
    // The request lines name the path, without the query string.
    const requestLines = lines.filter((l) => l.msg === 'request');
    assert.deepEqual(
      requestLines.map((l) => l.url),
      ['/v1/functions/get_customer', '/v1/functions/trust_unlock'],
    );
    // The request id is logged masked, by the request line and by the provider's own lines.
    // (Messages given: a failing assert.ok without one makes node read the source, for minutes.)
    const requestId = requestLines[0]!.request_id;
    assert.match(requestId ?? '', /^cliente_\*\*\*982/, 'the request line names the masked request id');
    const providerLine = lines.find((l) => l.msg.startsWith('looking up'));
    assert.equal(providerLine?.request_id, requestId, "the provider's line names the masked request id");
    assert.ok(
      lines.some((l) => l.msg.startsWith('the ERP refused the unlock: {')),
      "the provider's line with the ERP answer was logged",
    );

    for (const secret of [
      'maria%40example.com',
      'maria@example.com',
      key,
      key.slice(3),
      CPF,
      CPF_MASKED,
      `cliente_${CPF}`,
      NAME,
      'Maria',
      'Aparecida',
      '111.444.777-35',
    ]) {
      assert.deepEqual(
        logs.filter((l) => l.includes(secret)),
        [],
        `${secret} reached the logs`,
      );
      assert.equal(errorBody.includes(secret), false, `${secret} reached the error answer`);
    }
  });
});
