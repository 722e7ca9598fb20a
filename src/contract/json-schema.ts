// JSON Schema (draft 2020-12, as OpenAPI 3.1 embeds it) of a function's request or 200 body.
import { z } from 'zod';
import { inputSchemas, outputSchemas, type FunctionName } from './schemas.js';

/**
 * Inputs are described as the platform may send them (before normalisation: masked documents,
 * money as string or number); outputs as Ponte answers them.
 */
export function jsonSchemaOf(name: FunctionName, which: 'input' | 'output'): Record<string, unknown> {
  const schema = which === 'input' ? inputSchemas[name] : outputSchemas[name];
  return z.toJSONSchema(schema, { io: which, unrepresentable: 'any' });
}
