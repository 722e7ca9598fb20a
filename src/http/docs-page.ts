// The readable /docs page: every function with its description, an example call, and the input
// and output schemas; then the error catalogue. Generated from the contract catalogue.
import { errorCatalogue, functionNames, functions, jsonSchemaOf } from '../contract/index.js';

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const groupTitles: Record<string, string> = {
  sales: 'Sales',
  billing: 'Billing',
  customer: 'Customer',
  service: 'Service',
};

export function renderDocsPage(baseUrl: string): string {
  const sections = Object.keys(groupTitles).map((group) => {
    const items = functionNames
      .filter((n) => functions[n].group === group)
      .map((name) => {
        const spec = functions[name];
        const curl = `curl -s ${baseUrl}/v1/functions/${name} \\\n  -H "Authorization: Bearer $PONTE_KEY" \\\n  -H "Content-Type: application/json" \\\n  -d '${JSON.stringify(spec.example)}'`;
        return `<section id="${name}">
<h3><code>${name}</code> <small>${escape(spec.pageName)}</small></h3>
<p>${escape(spec.description)}</p>
<p><b>${spec.kind === 'write' ? 'Write' : 'Read'}</b>${spec.cacheable ? ' · cached per tenant' : ''}</p>
<pre>${escape(curl)}</pre>
<details><summary>Input schema</summary><pre>${escape(JSON.stringify(jsonSchemaOf(name, 'input'), null, 2))}</pre></details>
<details><summary>Output schema</summary><pre>${escape(JSON.stringify(jsonSchemaOf(name, 'output'), null, 2))}</pre></details>
</section>`;
      });
    return `<h2>${groupTitles[group]}</h2>\n${items.join('\n')}`;
  });
  const errors = Object.entries(errorCatalogue)
    .map(
      ([code, e]) =>
        `<tr><td><code>${code}</code></td><td>${e.status}</td><td>${escape(e.description)}</td></tr>`,
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
<p>${toc}</p>
${sections.join('\n')}
<h2 id="errors">Errors</h2>
<table><tr><th>code</th><th>HTTP</th><th>when</th></tr>
${errors}
</table>
</body></html>`;
}
