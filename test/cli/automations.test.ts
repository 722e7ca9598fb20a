// `ponte automations`: every recipe it prints, filled with the example values of the platform's
// variables as the platform fills them, is sent to a sandbox Ponte (over HTTP, then over HTTPS with
// a self-signed certificate made here), and its answer parses into the function's output.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';
import { functionNames, functions, inputExamples, type FunctionName } from '../../src/contract/index.js';
import { DUE_DAYS, PRODUCTS, RESELLERS } from '../../src/providers/sandbox/catalogue.js';
import { fixture } from '../../src/providers/sandbox/fixtures.js';
import { main } from '../../src/cli/main.js';
import { startPonteProcess } from '../helpers/ponte-process.js';
import { hasOpenssl, selfSignedCertificate } from '../helpers/tls.js';

const root = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'ponte-automations-'));
after(() => rmSync(work, { recursive: true, force: true }));

function ponte(args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _server, ...inherited } = process.env;
  const r = spawnSync(process.execPath, [join(root, 'bin/ponte.js'), ...args], {
    encoding: 'utf8',
    env: { ...inherited, LOG_LEVEL: 'silent', PONTE_DATA_DIR: join(work, 'cli-data'), ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The same command in this process (main() is what bin/ponte.js runs): faster than a child. */
async function ponteHere(args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const io = { out: (t: string) => (out += `${t}\n`), err: (t: string) => (err += `${t}\n`) };
  const code = await main(args, io, { PONTE_DATA_DIR: join(work, 'cli-data'), ...env });
  return { code, out, err };
}

interface Recipe {
  function: string;
  page_name: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  returns: string;
}

function recipes(args: string[] = []): Recipe[] {
  const r = ponte(['automations', '--json', ...args]);
  assert.equal(r.code, 0, r.err);
  return JSON.parse(r.out) as Recipe[];
}

// The sandbox's test customers (README): a bill due today, with its nota fiscal; a contract
// blocked for debt whose trust unlock succeeds; pending internal notes.
const dueToday = fixture('due-today');
const unlockable = fixture('trust-unlockable');
const withNotes = fixture('internal-notes');
const billId = String(dueToday.bills.find((b) => b.status === 'open')!.id);

/**
 * The platform's variables for one call: the function's example input (src/contract/examples.ts),
 * with the ids and codes the sandbox has (its fixed catalogue and test customers).
 */
function variablesFor(name: FunctionName): Record<string, unknown> {
  const example = inputExamples[name] as Record<string, unknown>;
  const document =
    name === 'trust_unlock' || name === 'list_blocked_plans'
      ? unlockable.document_number
      : name === 'get_internal_pending'
        ? withNotes.document_number
        : dueToday.document_number;
  const sandboxIds: Record<string, unknown> = {
    customer_document_number: document,
    customer_bill_id: billId,
    boleto_id: billId,
    invoice_id: billId,
  };
  const values: Record<string, unknown> = {};
  for (const [variable, value] of Object.entries(example)) {
    values[variable] = sandboxIds[variable] ?? value;
  }
  if (values.order !== undefined) {
    const order = values.order as Record<string, unknown>;
    values.order = {
      ...order,
      items: [{ product_code: PRODUCTS[2]!.code, quantity: 1 }],
      due_date_code: DUE_DAYS[1]!.code,
      reseller_code: RESELLERS[0]!.code,
    };
  }
  if (values.transaction !== undefined) {
    // Paid now: the bill is due today, and the example's amount covers it.
    values.transaction = { ...(values.transaction as object), paid_at: new Date().toISOString() };
  }
  return values;
}

/** Puts each variable's JSON text in place of its placeholder, as the platform does. */
function fill(template: string, variables: Record<string, unknown>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_all, variable: string) => {
    assert.ok(Object.hasOwn(variables, variable), `the platform has a variable ${variable}`);
    return JSON.stringify(variables[variable]);
  });
}

type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

/** Runs every recipe as the platform's automations would, and checks each answer. */
async function runAll(list: Recipe[], key: string, send: Fetch): Promise<void> {
  for (const recipe of list) {
    const name = recipe.function as FunctionName;
    const body = fill(recipe.body, variablesFor(name));
    JSON.parse(body); // valid JSON once filled
    const headers = Object.fromEntries(
      Object.entries(recipe.headers).map(([h, v]) => [h, v.replace('<PONTE_API_KEY>', key)]),
    );
    const res = await send(recipe.url, { method: recipe.method, headers, body });
    const text = await res.text();
    assert.equal(res.status, 200, `${name}: ${text}`);
    // What the automation returns: the answer's text, which parses into the function's output.
    const parsed = functions[name].output.safeParse(JSON.parse(text));
    assert.ok(parsed.success, `${name}: ${JSON.stringify(parsed.error?.issues)}`);
    // Each list holds something: the variables name records the sandbox has.
    if (Array.isArray(parsed.data)) assert.notEqual(parsed.data.length, 0, `${name}: ${text}`);
  }
}

const KEY = 'pk_automationsautomationsautomations1234';

test('ponte automations --json: one recipe per function, from the catalogue, with the key as a placeholder', async () => {
  const printed = await ponteHere(['automations', '--json', '--base-url', 'https://ponte.provedor.com.br/']);
  assert.equal(printed.code, 0, printed.err);
  const list = JSON.parse(printed.out) as Recipe[];
  assert.deepEqual(
    list.map((r) => r.function),
    [...functionNames],
  );
  for (const r of list) {
    const name = r.function as FunctionName;
    assert.deepEqual(Object.keys(r), [
      'function',
      'page_name',
      'method',
      'url',
      'headers',
      'body',
      'returns',
    ]);
    assert.equal(r.page_name, functions[name].pageName);
    assert.equal(r.method, 'POST');
    assert.equal(r.url, `https://ponte.provedor.com.br/v1/functions/${name}`);
    assert.deepEqual(r.headers, {
      Authorization: 'Bearer <PONTE_API_KEY>',
      'Content-Type': 'application/json',
    });
    assert.doesNotMatch(JSON.stringify(r), /pk_[A-Za-z0-9]/, 'never a real key');
  }
  const byName = new Map(list.map((r) => [r.function, r]));
  // The functions page's shapes.
  assert.equal(byName.get('create_order')!.body, '{"order": {{order}}, "message": {{message}}}');
  assert.equal(byName.get('create_order')!.returns, '{wda_order, remote_id, remote_message, is_issue}');
  assert.equal(byName.get('get_boleto_pdf')!.body, '{"boleto_id": {{boleto_id}}}');
  assert.equal(byName.get('get_boleto_pdf')!.returns, '{base_64}');
  assert.equal(byName.get('list_products')!.body, '{}');
  assert.equal(byName.get('list_products')!.returns, '[{codigo, nome, valor?}]');
  assert.equal(byName.get('get_internal_pending')!.returns, '[string]');
  assert.equal(
    byName.get('settle_bill')!.body,
    '{"transaction": {{transaction}}, "boleto_id": {{boleto_id}}, "customer_document_number": {{customer_document_number}}}',
  );

  assert.equal(byName.get('get_customer_contacts')!.returns, '[{type, value}]');
  // Every field of the function's example answer is named in `returns`.
  for (const r of list) {
    const example = functions[r.function as FunctionName].exampleOutput;
    const sample = (Array.isArray(example) ? example[0] : example) as unknown;
    if (sample !== null && typeof sample === 'object') {
      const named = r.returns.replace(/[[\]{}?\s]/g, '').split(',');
      for (const field of Object.keys(sample)) assert.ok(named.includes(field), `${r.function}: ${field}`);
    }
  }

  // docs/platform.md's table is this output.
  const doc = readFileSync(join(root, 'docs/platform.md'), 'utf8');
  const table = doc.slice(doc.indexOf('<!-- automations:start -->'), doc.indexOf('<!-- automations:end -->'));
  const rows = [...table.matchAll(/^\| (.+?) \| `(\w+)` \| `(.+?)` \| `(.+?)` \| .+ \|$/gm)].map((m) => ({
    page_name: m[1],
    function: m[2],
    body: m[3],
    returns: m[4],
  }));
  assert.deepEqual(
    rows,
    list.map(({ page_name, function: name, body, returns }) => ({
      page_name,
      function: name,
      body,
      returns,
    })),
  );

  const human = await ponteHere(['automations', '--base-url', 'https://ponte.provedor.com.br']);
  assert.equal(human.code, 0, human.err);
  for (const name of functionNames) {
    assert.match(
      human.out,
      new RegExp(`\\d+\\. ${functions[name].pageName.replace(/[()/]/g, '\\$&')}  \\(${name}\\)`),
    );
  }
  assert.doesNotMatch(human.out, /Warning: the URL is not HTTPS/);
  const plain = await ponteHere(['automations', '--base-url', 'http://10.0.0.5:8080']);
  assert.match(plain.out, /Warning: the URL is not HTTPS/);
  const bad = await ponteHere(['automations', '--base-url', 'ftp://x']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--base-url must be an http\(s\) URL/);
});

test('ponte automations --tenant: the tenant ERP’s unsupported functions and its options', async () => {
  const created = await ponteHere([
    'tenants',
    'create',
    '--name',
    'hub',
    '--provider',
    'hubsoft',
    '--settings',
    '{"base_url": "https://api.provedor.example", "client_id": "3", "client_secret": "s3cr3t-value", "username": "integracao@provedor.example", "password": "p4ss-value"}',
    '--options',
    '{"require_document_for_boleto_pdf": true, "existing_customer_order_mode": "contract"}',
  ]);
  assert.equal(created.code, 0, created.err);
  const printed = await ponteHere(['automations', '--json', '--tenant', 'hub']);
  assert.equal(printed.code, 0, printed.err);
  const list = JSON.parse(printed.out) as Recipe[];
  assert.equal(list.length, functionNames.length);
  assert.equal(
    list.find((r) => r.function === 'get_boleto_pdf')!.body,
    '{"boleto_id": {{boleto_id}}, "customer_document_number": {{customer_document_number}}}',
  );
  const human = await ponteHere(['automations', '--tenant', 'hub']);
  assert.equal(human.code, 0, human.err);
  assert.match(human.out, /tenant hub \(ERP: hubsoft\)/);
  assert.match(human.out, /Editar dados do cliente {2}\(update_customer\) {2}\[NOT SUPPORTED\]/);
  assert.equal(human.out.match(/\[NOT SUPPORTED\]/g)?.length, 1);
  assert.match(human.out, /remote_id is the id of the contract this creates/);
  assert.doesNotMatch(human.out, /s3cr3t-value|p4ss-value|pk_[A-Za-z0-9]/);
  const missing = await ponteHere(['automations', '--tenant', 'nobody']);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /no tenant 'nobody'/);
});

test('every recipe, filled with the example variables, answers 200 in its output shape from a sandbox Ponte', async () => {
  const ponteProcess = await startPonteProcess({
    PONTE_DATA_DIR: join(work, 'http-data'),
    PONTE_BOOTSTRAP_KEY: KEY,
    PONTE_SANDBOX_CUSTOMERS: '0',
  });
  try {
    await runAll(recipes(['--base-url', ponteProcess.url]), KEY, (url, init) => fetch(url, init));
  } finally {
    await ponteProcess.stop();
  }
});

let certificate: { cert: string; key: string; certPem: Buffer } | undefined;
before(() => {
  if (hasOpenssl()) {
    const made = selfSignedCertificate(join(work, 'tls'), 'localhost');
    certificate = { cert: made.certPath, key: made.keyPath, certPem: readFileSync(made.certPath) };
  }
});

test(
  'the same over HTTPS, Ponte serving the self-signed certificate, verified (not skipped) by the client',
  { skip: !hasOpenssl() && 'openssl is not on this machine' },
  async () => {
    const ponteProcess = await startPonteProcess({
      PONTE_DATA_DIR: join(work, 'https-data'),
      PONTE_BOOTSTRAP_KEY: KEY,
      PONTE_SANDBOX_CUSTOMERS: '0',
      PONTE_TLS_CERT: certificate!.cert,
      PONTE_TLS_KEY: certificate!.key,
    });
    const dispatcher = new Agent({ connect: { ca: certificate!.certPem } });
    try {
      const base = ponteProcess.url.replace(/^http:/, 'https:');
      // Plain HTTP is not answered on the TLS port, and a client that does not trust the
      // certificate is refused.
      await assert.rejects(fetch(`${ponteProcess.url}/healthz`));
      await assert.rejects(undiciFetch(`${base}/healthz`));
      const health = await undiciFetch(`${base}/healthz`, { dispatcher });
      assert.equal(health.status, 200);
      // The HTTP server's own settings hold over TLS too: a request without Host gets the
      // contract's error, not Node's empty 400.
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = tlsConnect(
          {
            host: '127.0.0.1',
            port: Number(new URL(base).port),
            servername: 'localhost',
            ca: certificate!.certPem,
          },
          () => socket.end('GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n'),
        );
        let text = '';
        socket.on('data', (c: Buffer) => (text += c.toString()));
        socket.once('end', () => resolve(text));
        socket.once('error', reject);
      });
      assert.match(raw, /^HTTP\/1\.1 400/);
      assert.match(raw, /"code":"INVALID_INPUT"/);
      await runAll(recipes(['--base-url', base]), KEY, (url, init) =>
        undiciFetch(url, { ...init, dispatcher }),
      );
    } finally {
      await dispatcher.close();
      await ponteProcess.stop();
    }
  },
);

test('ponte serve refuses to start with only one of PONTE_TLS_CERT and PONTE_TLS_KEY, or an unreadable pair', async () => {
  const onlyCert = await ponteHere(['serve'], { PONTE_TLS_CERT: join(work, 'cert.pem') });
  assert.equal(onlyCert.code, 2);
  assert.match(onlyCert.err, /PONTE_TLS_CERT is set but PONTE_TLS_KEY is not: set both/);
  const onlyKey = await ponteHere(['serve'], { PONTE_TLS_KEY: join(work, 'key.pem') });
  assert.equal(onlyKey.code, 2);
  assert.match(onlyKey.err, /PONTE_TLS_KEY is set but PONTE_TLS_CERT is not/);
  const missing = await ponteHere(['serve'], {
    PONTE_TLS_CERT: join(work, 'no-cert.pem'),
    PONTE_TLS_KEY: join(work, 'no-key.pem'),
  });
  assert.equal(missing.code, 2);
  assert.match(missing.err, /not starting: cannot read the TLS certificate .*no-cert\.pem: ENOENT/);
  assert.doesNotMatch(missing.out, /Ponte is listening/);
});
