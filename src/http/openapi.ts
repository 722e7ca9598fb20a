// The OpenAPI 3.1 document, generated from the contract catalogue (never written by hand).
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
        'One set of functions for every Brazilian ISP ERP. Each call is POST /v1/functions/{name}.',
    },
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: errorSchema },
    },
    paths,
  };
}
