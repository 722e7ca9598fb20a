// The OpenAPI 3.1 document: the functions generated from the contract catalogue (never written by
// hand), then the meta endpoints (catalogue, health, metrics) and the admin API under /admin/v1.
// test/docs/openapi.test.ts checks that every route the server registers is described here.
import { errorCatalogue, functionNames, functions, jsonSchemaOf } from '../contract/index.js';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'request_id'],
      properties: {
        code: { type: 'string', enum: Object.keys(errorCatalogue) },
        message: { type: 'string' },
        details: {},
        request_id: { type: 'string' },
        upstream: {
          type: 'object',
          properties: { status: { type: ['integer', 'null'] }, excerpt: { type: 'string' } },
        },
      },
    },
  },
};

const json = (schema: unknown, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const errorAnswer = (description: string) => json({ $ref: '#/components/schemas/Error' }, description);
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const listOf = (name: string) => ({ type: 'array', items: ref(name) });
const stringProps = (...names: string[]) => Object.fromEntries(names.map((n) => [n, { type: 'string' }]));
const nullableString = { type: ['string', 'null'] };

/** The objects of the admin API (what src/gateway/admin.ts, the store and the webhook service answer). */
const adminSchemas = {
  Tenant: {
    type: 'object',
    required: ['id', 'name', 'provider', 'settings', 'options', 'created_at', 'updated_at'],
    properties: {
      ...stringProps('id', 'name', 'provider', 'created_at', 'updated_at'),
      settings: {
        type: 'object',
        description: "The provider's settings; secret fields come back as ********.",
        additionalProperties: true,
      },
      options: {
        type: 'object',
        description: 'Per-tenant options (README: Configuration).',
        additionalProperties: true,
      },
      supported_functions: {
        type: 'array',
        items: { type: 'string' },
        description: 'GET /tenants/{id} only.',
      },
    },
  },
  TenantInput: {
    type: 'object',
    required: ['name', 'provider'],
    properties: {
      name: { type: 'string' },
      provider: { type: 'string', description: 'sandbox, ixc, hubsoft, ...' },
      settings: { type: 'object', additionalProperties: true },
      options: { type: 'object', additionalProperties: true },
      key: ref('KeyInput'),
    },
  },
  TenantChanges: {
    type: 'object',
    properties: {
      settings: {
        type: 'object',
        additionalProperties: true,
        description: 'Merged into the current settings.',
      },
      options: {
        type: 'object',
        additionalProperties: true,
        description: 'Merged into the current options.',
      },
    },
  },
  ApiKey: {
    type: 'object',
    properties: {
      ...stringProps('id', 'tenant_id', 'prefix', 'label', 'created_at'),
      allowed_functions: { type: ['array', 'null'], items: { type: 'string' } },
      revoked_at: nullableString,
    },
  },
  KeyInput: {
    type: 'object',
    properties: {
      label: { type: 'string' },
      allowed_functions: {
        type: ['array', 'null'],
        items: { type: 'string', enum: [...functionNames] },
        description: 'null: every function.',
      },
    },
  },
  CreatedKey: {
    type: 'object',
    required: ['api_key', 'key'],
    properties: { api_key: { type: 'string', description: 'Shown once.' }, key: ref('ApiKey') },
  },
  CreatedTenant: {
    type: 'object',
    required: ['tenant', 'api_key'],
    properties: {
      tenant: ref('Tenant'),
      api_key: { type: 'string', description: 'Shown once.' },
      key: ref('ApiKey'),
    },
  },
  AuditEntry: {
    type: 'object',
    description: 'One function call; no bodies, so no personal data.',
    properties: {
      id: { type: 'integer' },
      ...stringProps('at', 'request_id', 'tenant_id', 'key_id', 'function'),
      outcome: { type: 'string', description: 'ok, or the error code' },
      latency_ms: { type: 'integer' },
    },
  },
  Settlement: {
    type: 'object',
    description: 'A settle_bill, durable per (tenant, transaction.id) (docs/operations.md).',
    properties: {
      ...stringProps('tenant_id', 'transaction_id', 'boleto_id', 'created_at', 'updated_at'),
      state: {
        type: 'string',
        enum: [
          'received',
          'applying',
          'settled',
          'already_settled',
          'rejected',
          'unknown',
          'queued',
          'failed',
          'waiting_config',
        ],
      },
      attempts: { type: 'integer' },
      next_attempt_at: nullableString,
      lease_owner: nullableString,
      lease_until: nullableString,
      outcome: {
        ...nullableString,
        description: 'The settle_bill output (final states) or the error body, as JSON text.',
      },
      last_error: nullableString,
      attempts_made: {
        type: 'array',
        description: 'GET /settlements/{tenant}/{transaction} only: every attempt.',
        items: {
          type: 'object',
          properties: { ...stringProps('at', 'kind', 'result', 'detail') },
        },
      },
    },
    additionalProperties: true,
  },
  WebhookEndpoint: {
    type: 'object',
    properties: {
      ...stringProps('id', 'tenant_id', 'url', 'created_at'),
      events: { type: 'array', items: { type: 'string' } },
      previous_secret_until: nullableString,
      secret: { type: 'string', description: 'Only when added or rotated: shown once.' },
    },
    additionalProperties: true,
  },
  WebhookDelivery: {
    type: 'object',
    description: 'One event to one endpoint, with its attempts (docs/webhooks.md).',
    additionalProperties: true,
  },
};

type Operation = Record<string, unknown>;

/** An admin operation: behind the admin token, with the errors every admin call can answer. */
function adminOp(summary: string, responses: Record<string, unknown>, extra: Operation = {}): Operation {
  return {
    summary,
    tags: ['admin'],
    security: [{ adminToken: [] }],
    ...extra,
    responses: {
      ...responses,
      '400': errorAnswer('INVALID_INPUT'),
      '401': errorAnswer('UNAUTHENTICATED: missing or wrong admin token'),
      '403': errorAnswer('FORBIDDEN: the admin API is disabled (no PONTE_ADMIN_TOKEN)'),
    },
  };
}

const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const queryParam = (name: string, description: string, schema: unknown = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const body = (schema: unknown) => ({
  requestBody: { required: false, content: { 'application/json': { schema } } },
});
const limit = queryParam('limit', 'At most this many (1 to 1000, default 100).', { type: 'integer' });
const tenantPath = pathParam('id', 'The tenant id or name.');

function adminPaths(): Record<string, unknown> {
  const tenantQuery = queryParam('tenant', 'Only this tenant (id or name).');
  return {
    '/admin/v1/tenants': {
      get: adminOp('List the tenants', { '200': json(listOf('Tenant'), 'The tenants') }),
      post: adminOp(
        'Create a tenant and its first API key',
        { '201': json(ref('CreatedTenant'), 'The tenant and its key (shown once)') },
        body(ref('TenantInput')),
      ),
    },
    '/admin/v1/tenants/{id}': {
      get: adminOp(
        'Show a tenant',
        { '200': json(ref('Tenant'), 'The tenant') },
        { parameters: [tenantPath] },
      ),
      patch: adminOp(
        "Change a tenant's settings or options",
        { '200': json(ref('Tenant'), 'The tenant as changed') },
        { parameters: [tenantPath], ...body(ref('TenantChanges')) },
      ),
    },
    '/admin/v1/tenants/{id}/keys': {
      get: adminOp(
        "List a tenant's API keys",
        { '200': json(listOf('ApiKey'), 'The keys') },
        { parameters: [tenantPath] },
      ),
      post: adminOp(
        'Create an API key, optionally limited to some functions',
        { '201': json(ref('CreatedKey'), 'The key (shown once)') },
        { parameters: [tenantPath], ...body(ref('KeyInput')) },
      ),
    },
    '/admin/v1/keys/{id}': {
      delete: adminOp(
        'Revoke an API key',
        { '200': json(ref('ApiKey'), 'The key, revoked') },
        {
          parameters: [pathParam('id', 'The key id.')],
        },
      ),
    },
    '/admin/v1/audit': {
      get: adminOp(
        'The audit log: the latest calls first',
        { '200': json(listOf('AuditEntry'), 'Audit entries') },
        {
          parameters: [tenantQuery, limit],
        },
      ),
    },
    '/admin/v1/settlements': {
      get: adminOp(
        'The settlement queue: the latest first',
        { '200': json(listOf('Settlement'), 'Settlements') },
        {
          parameters: [
            tenantQuery,
            queryParam('state', 'Only this state (queued, unknown, failed, ...).'),
            limit,
          ],
        },
      ),
    },
    '/admin/v1/settlements/{tenant}/{tx}': {
      get: adminOp(
        'A settlement with every attempt',
        { '200': json(ref('Settlement'), 'The settlement') },
        {
          parameters: [pathParam('tenant', 'The tenant id or name.'), pathParam('tx', 'The transaction.id.')],
        },
      ),
    },
    '/admin/v1/settlements/{tenant}/{tx}/retry': {
      post: adminOp(
        'Make a queued or unknown settlement due now',
        { '200': json(ref('Settlement'), 'The settlement') },
        {
          parameters: [pathParam('tenant', 'The tenant id or name.'), pathParam('tx', 'The transaction.id.')],
        },
      ),
    },
    '/admin/v1/tenants/{id}/webhooks': {
      get: adminOp(
        "A tenant's webhook endpoints",
        { '200': json(listOf('WebhookEndpoint'), 'The endpoints') },
        {
          parameters: [tenantPath],
        },
      ),
      post: adminOp(
        'Add a webhook endpoint; its signing secret is shown once',
        { '201': json(ref('WebhookEndpoint'), 'The endpoint, with its secret') },
        {
          parameters: [tenantPath],
          ...body({
            type: 'object',
            required: ['url'],
            properties: { url: { type: 'string' }, events: { type: 'array', items: { type: 'string' } } },
          }),
        },
      ),
    },
    '/admin/v1/webhooks/{id}': {
      get: adminOp(
        'A webhook endpoint',
        { '200': json(ref('WebhookEndpoint'), 'The endpoint') },
        {
          parameters: [pathParam('id', 'The endpoint id.')],
        },
      ),
      delete: adminOp(
        'Remove a webhook endpoint',
        { '200': json(ref('WebhookEndpoint'), 'The endpoint, removed') },
        {
          parameters: [pathParam('id', 'The endpoint id.')],
        },
      ),
    },
    '/admin/v1/webhooks/{id}/rotate': {
      post: adminOp(
        'A new signing secret (shown once); the previous one also signs for 24 h',
        { '200': json({ type: 'object', additionalProperties: true }, 'The new secret and the endpoint') },
        { parameters: [pathParam('id', 'The endpoint id.')] },
      ),
    },
    '/admin/v1/webhooks/{id}/test': {
      post: adminOp(
        'Queue a webhook.test event to the endpoint',
        { '202': json({ type: 'object', properties: { event_id: { type: 'string' } } }, 'Queued') },
        { parameters: [pathParam('id', 'The endpoint id.')] },
      ),
    },
    '/admin/v1/webhooks/{id}/deliveries': {
      get: adminOp(
        "An endpoint's deliveries",
        { '200': json(listOf('WebhookDelivery'), 'Deliveries') },
        {
          parameters: [pathParam('id', 'The endpoint id.'), queryParam('state', 'Only this state.'), limit],
        },
      ),
    },
    '/admin/v1/webhook-deliveries/{id}': {
      get: adminOp(
        'A delivery with its body and every attempt',
        { '200': json(ref('WebhookDelivery'), 'The delivery') },
        {
          parameters: [pathParam('id', 'The delivery id (a number).')],
        },
      ),
    },
    '/admin/v1/webhook-deliveries/{id}/redeliver': {
      post: adminOp(
        'Send a delivery again now',
        { '200': json(ref('WebhookDelivery'), 'The delivery') },
        {
          parameters: [pathParam('id', 'The delivery id (a number).')],
        },
      ),
    },
  };
}

/** The endpoints beside the functions: the catalogue, the docs, health and metrics. */
function metaPaths(): Record<string, unknown> {
  const meta = (
    summary: string,
    description: string,
    responses: Record<string, unknown>,
    extra: Operation = {},
  ) => ({
    get: { summary, description, tags: ['meta'], ...extra, responses },
  });
  return {
    '/v1/functions': meta(
      'The function catalogue',
      "Every function's name, page name, group, description, kind and JSON schemas. With an API key, also `provider` and, per function, `supported`, `ready` and `missing_settings`.",
      {
        '200': json(
          {
            type: 'object',
            required: ['provider', 'functions'],
            properties: {
              provider: {
                ...nullableString,
                description: "The key's tenant's provider; null without a key.",
              },
              functions: {
                type: 'array',
                items: {
                  type: 'object',
                  required: [
                    'name',
                    'page_name',
                    'group',
                    'description',
                    'kind',
                    'input_schema',
                    'output_schema',
                  ],
                  properties: {
                    name: { type: 'string', enum: [...functionNames] },
                    ...stringProps('page_name', 'description'),
                    group: { type: 'string', enum: ['sales', 'billing', 'customer', 'service'] },
                    kind: { type: 'string', enum: ['read', 'write'] },
                    supported: {
                      type: 'boolean',
                      description: "Only with an API key: the tenant's ERP can do it.",
                    },
                    ready: {
                      type: 'boolean',
                      description:
                        "Only with an API key: supported, and the tenant's settings have what it needs.",
                    },
                    missing_settings: {
                      type: 'array',
                      items: { type: 'string' },
                      description:
                        'Only with an API key: the settings that keep a supported function from being ready.',
                    },
                    input_schema: { type: 'object' },
                    output_schema: { type: 'object' },
                  },
                },
              },
            },
          },
          'The catalogue',
        ),
        '401': errorAnswer('UNAUTHENTICATED: an unknown or revoked key (the key is optional)'),
      },
      { security: [{}, { apiKey: [] }] },
    ),
    '/openapi.json': meta('This document', 'OpenAPI 3.1.', {
      '200': json({ type: 'object' }, 'The OpenAPI document'),
    }),
    '/docs': meta(
      'The functions, readable',
      'An HTML page: every function with an example call and answer.',
      {
        '200': { description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } },
      },
    ),
    '/healthz': meta('Liveness', 'The process is up (nothing else is checked).', {
      '200': json({ type: 'object', properties: { status: { const: 'ok' } } }, 'Up'),
    }),
    '/readyz': meta(
      'Readiness',
      "The process can serve: its database answers. An ERP's open circuit or Redis away is reported and does not make it unready.",
      {
        '200': json(
          {
            type: 'object',
            properties: {
              status: { const: 'ready' },
              checks: { type: 'object', additionalProperties: { type: 'string' } },
              erp_protection: { type: 'string', enum: ['fleet', 'process'] },
              erp_circuits: { type: 'array', items: { type: 'object', additionalProperties: true } },
            },
          },
          'Ready',
        ),
        '503': json(
          {
            type: 'object',
            properties: {
              status: { const: 'not ready' },
              checks: { type: 'object', additionalProperties: { type: 'string' } },
            },
          },
          'The database does not answer',
        ),
      },
    ),
    '/metrics': meta('Prometheus metrics', 'The text exposition format (docs/operations.md#metrics).', {
      '200': {
        description: 'Prometheus text format',
        content: { 'text/plain': { schema: { type: 'string' } } },
      },
    }),
  };
}

export function buildOpenApi(version: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const name of functionNames) {
    const spec = functions[name];
    const errorResponses = Object.fromEntries(
      [...new Set(Object.values(errorCatalogue).map((e) => e.status))].map((status) => [
        String(status),
        {
          description: Object.entries(errorCatalogue)
            .filter(([, e]) => e.status === status)
            .map(([code]) => code)
            .join(', '),
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      ]),
    );
    paths[`/v1/functions/${name}`] = {
      post: {
        operationId: name,
        summary: `${spec.pageName}`,
        description: spec.description,
        tags: [spec.group],
        security: [{ apiKey: [] }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: jsonSchemaOf(name, 'input'), example: spec.example } },
        },
        responses: {
          '200': {
            description: 'The function output',
            content: { 'application/json': { schema: jsonSchemaOf(name, 'output') } },
          },
          ...errorResponses,
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ponte',
      version,
      description:
        'One set of functions for every Brazilian ISP ERP. Each call is POST /v1/functions/{name}. The admin API (/admin/v1) needs PONTE_ADMIN_TOKEN.',
      // package.json: "UNLICENSED", not open source.
      license: { name: 'Proprietary (UNLICENSED): all rights reserved' },
    },
    servers: [
      { url: '/', description: 'The Ponte this document was read from' },
      { url: 'http://localhost:8080', description: 'A local Ponte on its default port (npm start)' },
    ],
    tags: [
      { name: 'sales' },
      { name: 'billing' },
      { name: 'customer' },
      { name: 'service' },
      { name: 'meta', description: 'The catalogue, the docs, health and metrics' },
      {
        name: 'admin',
        description: 'Tenants, keys, the audit log, settlements and webhooks (PONTE_ADMIN_TOKEN)',
      },
    ],
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: "A tenant's API key (pk_...)" },
        adminToken: { type: 'http', scheme: 'bearer', description: 'PONTE_ADMIN_TOKEN' },
      },
      schemas: { Error: errorSchema, ...adminSchemas },
    },
    paths: { ...paths, ...metaPaths(), ...adminPaths() },
  };
}
