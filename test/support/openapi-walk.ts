// Walking the API as openapi.json describes it: every operation, where it takes ids of records (its path, its query
// string, its body: JSON, or the JSON parts of an upload's form) and a body its schema accepts. Ids are found by their
// names (`facilityId`, `classroomIds`, a bare `ids`) or by `format: uuid`, so that a route or field added tomorrow is
// walked without anyone listing it here.
import type { JsonSchema, OpenApiDoc, OpenApiOperation, OpenApiParameter } from './harness';

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** As openapi.json writes it: `/api/bookings/{id}/approve`. */
  path: string;
  op: OpenApiOperation;
}

export function operationsOf(doc: OpenApiDoc): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (op) out.push({ method: method.toUpperCase() as Operation['method'], path, op });
    }
  }
  return out;
}

/** One place an operation takes the id of a record. */
export interface IdSlot {
  in: 'path' | 'query' | 'body';
  /** The parameter, or the body's property path (`['classroomIds']`). */
  at: string[];
  /** An array of ids (`classroomIds`, `ids`). */
  many: boolean;
  /** What the id names, from its name: `facilityId` → `facility`, `{id}` after `/bookings` → `booking`. */
  kind: string;
}

const singular = (noun: string) => noun.replace(/ies$/, 'y').replace(/s$/, '');
const isUuid = (s: JsonSchema | undefined) => s?.format === 'uuid';

/**
 * The kind of record a parameter or property names: `forSchoolId` → `forSchool`, `classroomIds` → `classroom`;
 * a path's `{id}` and a body's bare `ids` name the noun of the path before them.
 */
export function kindOf(name: string, path: string): string {
  if (name !== 'id' && name !== 'ids') return name.replace(/Ids?$/, '');
  const segments = path.split('/').filter((s) => s && s !== 'api');
  const at = segments.indexOf(`{${name}}`);
  const noun = at > 0 ? segments[at - 1]! : segments[0]!;
  return singular(noun);
}

export const isIdName = (name: string) => /(^id|Id|^ids|Ids)$/.test(name);

/** An upload's media type: a form whose parts are JSON (`meta`) or files. */
const FORM = 'multipart/form-data';

function bodySchema(op: OpenApiOperation): JsonSchema | undefined {
  const content = op.requestBody?.content;
  return content?.['application/json']?.schema ?? content?.[FORM]?.schema;
}

/**
 * The body as the operation takes it: JSON as is, or a multipart form whose object parts are JSON (OpenAPI's default
 * encoding) and whose binary parts are the file `file()` gives.
 */
export function payloadOf(op: OpenApiOperation, body: Record<string, unknown> | undefined, file: () => Blob) {
  const form = op.requestBody?.content?.[FORM]?.schema;
  if (!form || !body) return body;
  const out = new FormData();
  for (const [name, value] of Object.entries(body)) {
    const part = form.properties?.[name] ?? {};
    if (part.format === 'binary') out.set(name, file(), name);
    else out.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return out;
}

/** Where the operation takes ids: path and query parameters, body properties (nested, or in a form's JSON parts). */
export function idSlotsOf({ path, op }: Operation): IdSlot[] {
  const slots: IdSlot[] = [];
  for (const p of op.parameters ?? []) {
    if (p.in !== 'path' && p.in !== 'query') continue;
    if (isIdName(p.name) || isUuid(p.schema))
      slots.push({ in: p.in, at: [p.name], many: false, kind: kindOf(p.name, path) });
  }
  const walk = (schema: JsonSchema, at: string[]) => {
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      const many = typeOf(prop) === 'array';
      if (isIdName(name) || isUuid(prop) || (many && isUuid(prop.items)))
        slots.push({ in: 'body', at: [...at, name], many, kind: kindOf(name, path) });
      else if (typeOf(prop) === 'object') walk(prop, [...at, name]);
    }
  };
  const body = bodySchema(op);
  if (body) walk(body, []);
  return slots;
}

/** The schema's type, leaving out `null` (`["string", "null"]` is a string that may be left empty). */
export function typeOf(schema: JsonSchema): string | undefined {
  const types = [schema.type ?? []].flat().filter((t) => t !== 'null');
  return types[0];
}

/**
 * A value the schema accepts. `pick(name, schema)` chooses one where it knows better (ids, times, the roles a
 * route takes); otherwise enums give their default or first value, numbers their minimum, strings a short text
 * of their format. Objects get their required properties (or, where none is, their first).
 */
export function exampleOf(schema: JsonSchema, pick: (name: string, schema: JsonSchema) => unknown, name = ''): unknown {
  const picked = pick(name, schema);
  if (picked !== undefined) return picked;
  if (schema.enum) return schema.default ?? schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  switch (typeOf(schema)) {
    case 'object': {
      // Its required properties; where none is required (a change), its first, so that it changes something.
      const keys = schema.required ?? Object.keys(schema.properties ?? {}).slice(0, 1);
      const out: Record<string, unknown> = {};
      for (const key of keys) out[key] = exampleOf(schema.properties?.[key] ?? {}, pick, key);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => exampleOf(schema.items ?? {}, pick, name));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    default:
      // A file's part: payloadOf puts the file there.
      if (schema.format === 'binary') return '(a file)';
      return '测试'.padEnd(schema.minLength ?? 0, '试');
  }
}

/** The JSON body the operation takes, if any: an example of its schema. */
export function exampleBody(op: OpenApiOperation, pick: (name: string, schema: JsonSchema) => unknown) {
  const schema = bodySchema(op);
  return schema ? (exampleOf(schema, pick) as Record<string, unknown>) : undefined;
}

/** The query parameters the operation requires, as `name → example`. */
export function requiredQuery(op: OpenApiOperation, pick: (name: string, schema: JsonSchema) => unknown) {
  const out: Record<string, string> = {};
  for (const p of op.parameters ?? []) {
    if (p.in === 'query' && p.required) out[p.name] = String(exampleOf(p.schema ?? {}, pick, p.name));
  }
  return out;
}

export function pathParams(op: OpenApiOperation): OpenApiParameter[] {
  return (op.parameters ?? []).filter((p) => p.in === 'path');
}

/** The path with its parameters filled in (`/api/bookings/{id}` → `/api/bookings/8c…`), and a query string. */
export function urlOf(path: string, params: Record<string, string>, query: Record<string, string> = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${path}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
  const qs = new URLSearchParams(query).toString();
  return qs ? `${filled}?${qs}` : filled;
}

/** A copy of the body with `at` set to `value`. */
export function withValue(body: Record<string, unknown> | undefined, at: string[], value: unknown) {
  const out: Record<string, unknown> = structuredClone(body ?? {});
  let node = out;
  for (const key of at.slice(0, -1)) {
    node[key] = { ...((node[key] as Record<string, unknown> | undefined) ?? {}) };
    node = node[key] as Record<string, unknown>;
  }
  node[at[at.length - 1]!] = value;
  return out;
}
