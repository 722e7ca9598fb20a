// The readable /docs page: every function with its description, an example call that runs as it
// is against the sandbox (test/docs/examples.test.ts runs each one), an example answer, and the
// input and output schemas; then the error catalogue. Generated from the contract catalogue.
import {
  errorCatalogue,
  functionNames,
  functions,
  jsonSchemaOf,
  type FunctionName,
} from '../contract/index.js';

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Escaped text whose `code spans` become <code> elements (the catalogue's descriptions use them). */
const prose = (s: string) => escape(s).replace(/`([^`]+)`/g, '<code>$1</code>');

const groupTitles: Record<string, string> = {
  sales: 'Sales',
  billing: 'Billing',
  customer: 'Customer',
  service: 'Service',
};

/**
 * A request body per function that succeeds on the sandbox, using its fixed test customers
 * (`ponte sandbox customers`, src/providers/sandbox/fixtures.ts): the same on every dataset, with
 * dates relative to today, so these keep working. The README's examples use the same customers.
 */
export const sandboxExamples: { readonly [N in FunctionName]: Record<string, unknown> } = {
  create_order: {
    order: {
      id: 'order-1',
      customer: { name: 'Ana Souza', document_number: '529.982.247-25', phone: '11987654321' },
      address: {
        zip_code: '01310-100',
        street: 'Av. Paulista',
        number: '1000',
        neighborhood: 'Bela Vista',
        city: 'São Paulo',
        state: 'SP',
      },
      items: [{ product_code: '11' }],
      due_date_code: '2',
    },
    message: 'Pedido pelo site',
  },
  create_order_existing_customer: {
    customer_document_number: '70431855218',
    order: {
      id: 'order-2',
      customer: { name: 'Marina Albuquerque Rocha', document_number: '70431855218', phone: '11991234503' },
      address: {
        zip_code: '04103-003',
        street: 'Rua Tiradentes',
        number: '77',
        neighborhood: 'Jardim América',
        city: 'São Paulo',
        state: 'SP',
      },
      items: [{ product_code: '13' }],
      due_date_code: '2',
    },
    message: 'Troca para 500 Mega',
    wda_user: { id: 'user-1', name: 'Marina Albuquerque Rocha' },
  },
  create_lead: { lead: { id: 'lead-1', name: 'João Pereira', phone: '11991234599' } },
  list_resellers: {},
  list_products: {},
  list_due_dates: {},
  list_commercial_origins: {},
  // Roberto Carlos Nogueira: three overdue bills (202, 203, 204), contract 102 blocked for debt.
  list_bills: { customer_document_number: '26184703544' },
  get_bill: { customer_document_number: '26184703544', customer_bill_id: '202' },
  get_boleto_pdf: { boleto_id: '202' },
  // Thiago Henrique Barros: bill 210 is open, due in 10 days, 149.90.
  settle_bill: {
    boleto_id: '210',
    customer_document_number: '81526093740',
    transaction: { id: 'pix-e2e-1', method: 'pix', amount: '149.90', paid_at: '2026-11-28T10:00:00-03:00' },
  },
  get_customer: { customer_document_number: '26184703544' },
  // Carla Mendes Siqueira: contacts recorded several times, answered once each.
  get_customer_contacts: { customer_document_number: '58402719341' },
  // Luciana Prado Teixeira: two pending internal notes.
  get_internal_pending: { customer_document_number: '94638251773' },
  update_customer: { customer_document_number: '70431855218', changes: { email: 'novo@example.com' } },
  list_plans: { customer_document_number: '26184703544' },
  list_blocked_plans: { customer_document_number: '26184703544' },
  // Patrícia Lemos Carvalho: contract 105 blocked for debt and never unlocked.
  trust_unlock: { customer_document_number: '47392016822' },
  create_ticket: {
    customer_document_number: '26184703544',
    subject: 'Sem conexão',
    message: 'Desde ontem',
    request_id: 't-1',
  },
  list_invoices: { customer_document_number: '26184703544' },
  get_invoice_pdf: { customer_document_number: '26184703544', invoice_id: '202' },
};

/** The shell command of a function's example: `$KEY` is the API key (`export KEY=pk_...`). */
export function exampleCurl(baseUrl: string, name: FunctionName): string {
  return `curl -s ${baseUrl}/v1/functions/${name} \\\n  -H "Authorization: Bearer $KEY" \\\n  -H "Content-Type: application/json" \\\n  -d '${JSON.stringify(sandboxExamples[name])}'`;
}

export function renderDocsPage(baseUrl: string): string {
  const sections = Object.keys(groupTitles).map((group) => {
    const items = functionNames
      .filter((n) => functions[n].group === group)
      .map((name) => {
        const spec = functions[name];
        return `<section id="${name}">
<h3><code>${name}</code> <small>${escape(spec.pageName)}</small></h3>
<p>${prose(spec.description)}</p>
<p><b>${spec.kind === 'write' ? 'Write' : 'Read'}</b>${spec.cacheable ? ' · cached per tenant' : ''}</p>
<pre class="example">${escape(exampleCurl(baseUrl, name))}</pre>
<details><summary>Example answer (200)</summary><pre class="answer">${escape(JSON.stringify(spec.exampleOutput, null, 2))}</pre></details>
<details><summary>Input schema</summary><pre>${escape(JSON.stringify(jsonSchemaOf(name, 'input'), null, 2))}</pre></details>
<details><summary>Output schema</summary><pre>${escape(JSON.stringify(jsonSchemaOf(name, 'output'), null, 2))}</pre></details>
</section>`;
      });
    return `<h2>${groupTitles[group]}</h2>\n${items.join('\n')}`;
  });
  const errors = Object.entries(errorCatalogue)
    .map(
      ([code, e]) =>
        `<tr><td><code>${code}</code></td><td>${e.status}</td><td>${prose(e.description)}</td></tr>`,
    )
    .join('\n');
  const toc = functionNames.map((n) => `<a href="#${n}"><code>${n}</code></a>`).join(' · ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ponte functions</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#1b1b1b}
pre{background:#f4f4f4;padding:.75rem;overflow:auto;font-size:.85rem}
section{border-top:1px solid #ddd;padding-top:.5rem;margin-top:1rem}
small{color:#666;font-weight:normal}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}
</style></head><body>
<h1>Ponte functions</h1>
<p>Every function is <code>POST ${escape(baseUrl)}/v1/functions/{name}</code> with a JSON body and
<code>Authorization: Bearer &lt;api key&gt;</code>. A 200 answer is the function's output as the top-level JSON value.
Errors answer <code>{"error": {"code", "message", "details"?, "request_id", "upstream"?}}</code>.
Machine-readable: <a href="/openapi.json">/openapi.json</a>, <a href="/v1/functions">/v1/functions</a>.</p>
<p>The examples run as they are against the <b>sandbox</b> tenant (the one the first start creates), with its
fixed test customers (<code>npx ponte sandbox customers</code>). Put its API key in <code>KEY</code> first:</p>
<pre>export KEY=pk_...   # the key the first start printed, or: npx ponte keys create sandbox</pre>
<p>The example answers show each function's shape; the sandbox's own values differ.</p>
<p>${toc}</p>
${sections.join('\n')}
<h2 id="errors">Errors</h2>
<table><tr><th>code</th><th>HTTP</th><th>when</th></tr>
${errors}
</table>
</body></html>`;
}
