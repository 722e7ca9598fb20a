// `ponte automations`: the recipe of each automation an ISP creates on the platform's generic
// "Integração por automações" (one automation per function), generated from the contract
// catalogue. docs/platform.md explains how to use them.
import { functionNames, functions, jsonSchemaOf, type FunctionName } from '../contract/index.js';
import type { Tenant } from '../gateway/tenant-service.js';

/** Stands for the tenant's API key in the headers: never a real key. */
export const API_KEY_PLACEHOLDER = '<PONTE_API_KEY>';

export interface AutomationRecipe {
  function: FunctionName;
  page_name: string;
  method: 'POST';
  url: string;
  headers: Record<string, string>;
  /**
   * The request body, as text: each `{{variable}}` stands for that platform variable's JSON value,
   * so the text is valid JSON once every placeholder is replaced.
   */
  body: string;
  /** The shape of the string the automation returns: the 200 body, unchanged. */
  returns: string;
}

/** What the human output shows besides the recipe. */
export interface AutomationDetails {
  recipe: AutomationRecipe;
  calledWhen: string;
  /** Optional fields the automation may add to the body (same placeholder form). */
  optional: string[];
  /** For a tenant: false when its ERP cannot do the function (it answers 501 NOT_SUPPORTED). */
  supported: boolean | null;
  notes: string[];
}

export interface RecipeContext {
  /** Where the platform reaches Ponte, e.g. https://ponte.provedor.com.br (no trailing slash). */
  baseUrl: string;
  tenant?: Tenant | undefined;
  /** The functions the tenant's ERP supports (Gateway.supported). */
  supported?: readonly FunctionName[] | undefined;
}

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/** `{a, b, c?}`, `[{a, b}]`, `[string]`: the top-level shape of a function's 200 body. */
function shapeOf(schema: JsonSchema): string {
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants !== undefined && variants.every((v) => v.type === 'object')) {
    // Objects in several variants (a contact is an e-mail or a phone): their fields, in order;
    // required when every variant requires them.
    const fields = [...new Set(variants.flatMap((v) => Object.keys(v.properties ?? {})))];
    const required = fields.filter((f) => variants.every((v) => v.required?.includes(f)));
    return shapeOf({ type: 'object', properties: Object.fromEntries(fields.map((f) => [f, {}])), required });
  }
  if (schema.type === 'array') return `[${schema.items ? shapeOf(schema.items) : ''}]`;
  if (schema.type === 'object' && schema.properties) {
    const required = new Set(schema.required ?? []);
    const fields = Object.keys(schema.properties).map((k) => (required.has(k) ? k : `${k}?`));
    return `{${fields.join(', ')}}`;
  }
  return schema.type ?? 'value';
}

/** The top-level input fields of a function, required and optional, in the contract's order. */
function inputFields(name: FunctionName): { required: string[]; optional: string[] } {
  const schema = jsonSchemaOf(name, 'input') as JsonSchema;
  const all = Object.keys(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  return { required: all.filter((f) => required.has(f)), optional: all.filter((f) => !required.has(f)) };
}

/** The body fields for the tenant: the required ones, and those its options make required. */
function bodyFields(name: FunctionName, tenant: Tenant | undefined): { body: string[]; optional: string[] } {
  const { required, optional } = inputFields(name);
  if (name === 'get_boleto_pdf' && tenant?.options.require_document_for_boleto_pdf === true) {
    return { body: [...required, 'customer_document_number'], optional: [] };
  }
  return { body: required, optional };
}

export function placeholder(variable: string): string {
  return `{{${variable}}}`;
}

function bodyTemplate(fields: readonly string[]): string {
  if (fields.length === 0) return '{}';
  return `{${fields.map((f) => `"${f}": ${placeholder(f)}`).join(', ')}}`;
}

function notesFor(name: FunctionName, tenant: Tenant | undefined): string[] {
  const notes: string[] = [];
  const options = tenant?.options;
  switch (name) {
    case 'create_order':
      if (options)
        notes.push(
          options.order_fallback_to_ticket
            ? 'When the ERP cannot take the order it is opened as a ticket: is_issue true, remote_id the ticket (order_fallback_to_ticket).'
            : 'When the ERP cannot take the order the call answers 422 ERP_REJECTED (order_fallback_to_ticket is false).',
        );
      break;
    case 'create_order_existing_customer':
      if (options)
        notes.push(
          `remote_id is the id of the ${options.existing_customer_order_mode} this creates (existing_customer_order_mode).`,
        );
      break;
    case 'get_boleto_pdf':
      if (options?.require_document_for_boleto_pdf)
        notes.push('This tenant requires customer_document_number (require_document_for_boleto_pdf).');
      break;
    case 'settle_bill':
      notes.push(
        'Check success and status: "queued" means Ponte keeps the payment and applies it when the ERP is back (do not refund); "already_settled" or "rejected" mean it was not applied.',
      );
      break;
    case 'trust_unlock':
      notes.push(
        'Without contract_id, the one blocked contract is unlocked; when several are blocked the call answers 400 INVALID_INPUT naming them: add "contract_id".',
      );
      break;
    case 'create_ticket':
      notes.push(
        'Add "request_id" (the platform\'s id of the request) so that a retry never opens a second ticket.',
      );
      break;
    default:
      break;
  }
  return notes;
}

export function automationDetails(context: RecipeContext): AutomationDetails[] {
  const baseUrl = context.baseUrl.replace(/\/+$/, '');
  const supported = context.supported ? new Set(context.supported) : null;
  return functionNames.map((name) => {
    const spec = functions[name];
    const { body, optional } = bodyFields(name, context.tenant);
    const recipe: AutomationRecipe = {
      function: name,
      page_name: spec.pageName,
      method: 'POST',
      url: `${baseUrl}/v1/functions/${name}`,
      headers: {
        Authorization: `Bearer ${API_KEY_PLACEHOLDER}`,
        'Content-Type': 'application/json',
      },
      body: bodyTemplate(body),
      returns: shapeOf(jsonSchemaOf(name, 'output')),
    };
    const isSupported = supported === null ? null : supported.has(name);
    const notes = notesFor(name, context.tenant);
    if (isSupported === false)
      notes.unshift(
        `NOT SUPPORTED by this tenant's ERP (${context.tenant?.provider ?? ''}): it answers 501 NOT_SUPPORTED; leave this function without an automation.`,
      );
    return { recipe, calledWhen: spec.calledWhen, optional, supported: isSupported, notes };
  });
}

export function automationRecipes(context: RecipeContext): AutomationRecipe[] {
  return automationDetails(context).map((d) => d.recipe);
}

/** A readable block per function. */
export function describeAutomations(details: readonly AutomationDetails[], context: RecipeContext): string {
  const lines: string[] = [];
  const tenant = context.tenant;
  lines.push(
    tenant
      ? `Automations for tenant ${tenant.name} (ERP: ${tenant.provider}): one per function, on the platform's "Integração por automações".`
      : 'Automations for the platform\'s "Integração por automações": one per function.',
  );
  lines.push(
    `Each one: an HTTP request action, then return the answer's body text unchanged (status 200). ${API_KEY_PLACEHOLDER} is the tenant's API key (ponte keys create <tenant>); each {{variable}} is that variable's JSON value. docs/platform.md has the whole guide.`,
  );
  if (!context.baseUrl.startsWith('https://'))
    lines.push(
      'Warning: the URL is not HTTPS. The platform calls Ponte across the internet: serve it over TLS (PONTE_TLS_CERT/PONTE_TLS_KEY or a reverse proxy) and pass --base-url https://...; keep "Permitir conexão insegura" off.',
    );
  details.forEach((d, i) => {
    const r = d.recipe;
    lines.push('');
    lines.push(
      `${i + 1}. ${r.page_name}  (${r.function})${d.supported === false ? '  [NOT SUPPORTED]' : ''}`,
    );
    lines.push(`   When:    ${d.calledWhen}`);
    lines.push(`   Request: ${r.method} ${r.url}`);
    for (const [header, value] of Object.entries(r.headers)) lines.push(`            ${header}: ${value}`);
    lines.push(`   Body:    ${r.body}`);
    if (d.optional.length > 0)
      lines.push(
        `   Optional: ${d.optional.map((f) => `"${f}": ${placeholder(f)}`).join(', ')} (null or left out: absent)`,
      );
    lines.push(`   Returns: the 200 body as text: ${r.returns}`);
    for (const note of d.notes) lines.push(`   Note:    ${note}`);
  });
  return lines.join('\n');
}
