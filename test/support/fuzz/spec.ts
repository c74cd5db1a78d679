// The fuzzer's view of openapi.json: each operation with its path and query parameters and its body, as the
// subset of JSON Schema the document uses (type, properties, required, items, enum, format, pattern, bounds).
import { z } from 'zod';
import { importRow } from '../../../shared/schemas/orgs';
import { resourceMeta } from '../../../shared/schemas/resources';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number | boolean | null)[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * What an operation's body is: JSON by its schema; a CSV of rows (the member import); multipart with an optional
 * `meta` JSON part and a file (uploads, which the document describes without a schema); a webhook's signed JSON;
 * or none.
 */
export type BodySpec =
  | { kind: 'json'; schema: JsonSchema; required: boolean }
  | { kind: 'csv'; row: JsonSchema }
  | { kind: 'multipart'; meta: JsonSchema | null; file: 'document' | 'image' }
  | { kind: 'webhook' }
  | { kind: 'none' };

export interface Operation {
  method: Method;
  /** The path as the document writes it: `/api/bookings/{id}/approve`. */
  template: string;
  /** `POST /api/bookings/{id}/approve`, for reports. */
  name: string;
  /** Path and query parameters as object schemas, so that one generator serves bodies and parameters alike. */
  path: JsonSchema;
  query: JsonSchema;
  body: BodySpec;
  /** The statuses the document lists for it: a 503 is allowed only where it is documented. */
  documented: Set<number>;
}

interface DocParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface DocOperation {
  parameters?: DocParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, unknown>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, DocOperation>>;
}

const asJsonSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** Bodies the document does not describe (they are read as streams or verified as bytes), by operation. */
const RAW_BODIES: Record<string, BodySpec> = {
  'POST /api/resources': { kind: 'multipart', meta: asJsonSchema(resourceMeta), file: 'document' },
  'POST /api/resources/{id}/versions': { kind: 'multipart', meta: null, file: 'document' },
  'POST /api/facilities/{id}/photos': { kind: 'multipart', meta: null, file: 'image' },
  'POST /api/livekit/webhook': { kind: 'webhook' },
};

function parametersAt(op: DocOperation, where: 'path' | 'query'): JsonSchema {
  const params = (op.parameters ?? []).filter((p) => p.in === where);
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema ?? { type: 'string' }])),
    required: params.filter((p) => p.required || where === 'path').map((p) => p.name),
  };
}

function bodyOf(name: string, op: DocOperation): BodySpec {
  const raw = RAW_BODIES[name];
  if (raw) return raw;
  const content = op.requestBody?.content ?? {};
  if (content['text/csv']) return { kind: 'csv', row: asJsonSchema(importRow) };
  const json = content['application/json']?.schema;
  if (json) return { kind: 'json', schema: json, required: !!op.requestBody?.required };
  return { kind: 'none' };
}

/** Every operation of the document, in its order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [template, methods] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(methods)) {
      const method = m.toUpperCase() as Method;
      const name = `${method} ${template}`;
      ops.push({
        method,
        template,
        name,
        path: parametersAt(op, 'path'),
        query: parametersAt(op, 'query'),
        body: bodyOf(name, op),
        documented: new Set(Object.keys(op.responses ?? {}).map(Number)),
      });
    }
  }
  return ops;
}
