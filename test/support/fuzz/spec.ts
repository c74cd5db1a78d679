// The fuzzer's view of openapi.json: each operation with its path and query parameters (as object schemas, so
// that one generator serves parameters and bodies alike), its body and the statuses it documents.
import { z } from 'zod';
import { importRow } from '../../../shared/schemas/orgs';
import type { JsonSchema, OpenApiDoc, OpenApiOperation } from '../harness';
import { operationsOf as walkOperations } from '../openapi-walk';

export type { JsonSchema };

/**
 * What an operation's body is: JSON by its schema; a CSV of rows (the member import); a multipart form with an
 * optional JSON `meta` part and a file (uploads: the file is an image for a facility's photos); a webhook's
 * signed JSON, which the document leaves undescribed; or none.
 */
export type BodySpec =
  | { kind: 'json'; schema: JsonSchema; required: boolean }
  | { kind: 'csv'; row: JsonSchema }
  | { kind: 'multipart'; meta: JsonSchema | null; file: 'document' | 'image' }
  | { kind: 'webhook' }
  | { kind: 'none' };

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The path as the document writes it: `/api/bookings/{id}/approve`. */
  template: string;
  /** `POST /api/bookings/{id}/approve`, for reports. */
  name: string;
  path: JsonSchema;
  query: JsonSchema;
  body: BodySpec;
  /** The statuses the document lists for it: a 503 is allowed only where it is documented. */
  documented: Set<number>;
}

function parametersAt(op: OpenApiOperation, where: 'path' | 'query'): JsonSchema {
  const params = (op.parameters ?? []).filter((p) => p.in === where);
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema ?? { type: 'string' }])),
    required: params.filter((p) => p.required || where === 'path').map((p) => p.name),
  };
}

function bodyOf(template: string, op: OpenApiOperation): BodySpec {
  if (template === '/api/livekit/webhook') return { kind: 'webhook' };
  const content = op.requestBody?.content ?? {};
  // The CSV is one string in the document; its rows are the shared schema the import checks each line with.
  if (content['text/csv'])
    return { kind: 'csv', row: z.toJSONSchema(importRow, { io: 'input', unrepresentable: 'any' }) as JsonSchema };
  const form = content['multipart/form-data']?.schema;
  if (form) {
    const file = template.endsWith('/photos') ? 'image' : 'document';
    return { kind: 'multipart', meta: form.properties?.meta ?? null, file };
  }
  const json = content['application/json']?.schema;
  if (json) return { kind: 'json', schema: json, required: !!op.requestBody?.required };
  return { kind: 'none' };
}

/** Every operation of the document, in its order. */
export function operationsOf(doc: OpenApiDoc): Operation[] {
  return walkOperations(doc).map(({ method, path: template, op }) => ({
    method,
    template,
    name: `${method} ${template}`,
    path: parametersAt(op, 'path'),
    query: parametersAt(op, 'query'),
    body: bodyOf(template, op),
    documented: new Set(Object.keys(op.responses ?? {}).map(Number)),
  }));
}
