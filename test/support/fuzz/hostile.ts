// One thing wrong with a valid request: a field dropped, a value of the wrong type or out of bounds, text a
// database cannot store, a date no calendar has, a forged cursor, an unknown enum value, an extra field, the
// wrong media type or malformed JSON, an odd header, a broken multipart body or CSV. Each mutation is data
// (what to change, and where), so that a failing case prints as what was sent.
import fc from 'fast-check';
import {
  anyValue,
  badIds,
  big,
  CONTENT_TYPES,
  EXTRA_KEYS,
  forgedCursors,
  HEADERS,
  INVALID_UTF8,
  MALFORMED_JSON,
  oddDays,
  oddTimes,
  RAW_PATHS,
  RAW_QUERIES,
} from './hostile-values';
import { refTo } from './schema';
import type { JsonSchema, Operation } from './spec';

/** A place in a request: a path or query parameter, or a node of the body (multipart: of its `meta` part). */
export interface Spot {
  in: 'path' | 'query' | 'body';
  keys: (string | number)[];
  schema: JsonSchema | undefined;
}

export type Mutation =
  | { kind: 'none' }
  | { kind: 'set'; spot: Spot; value: unknown; why: string }
  | { kind: 'drop'; spot: Spot }
  | { kind: 'extra'; spot: Spot; key: string; value: unknown }
  | { kind: 'noBody' }
  | { kind: 'contentType'; type: string | null }
  | { kind: 'rawBody'; text: string | Uint8Array; why: string }
  | { kind: 'rawQuery'; text: string; why: string }
  /** The path spelled otherwise: `{path}` stands for the operation's own. */
  | { kind: 'rawPath'; template: string }
  /** Another method on the operation's path (without a body when it is GET). */
  | { kind: 'method'; method: string }
  | { kind: 'header'; name: string; value: string }
  | { kind: 'multipart'; how: MultipartFault }
  | { kind: 'csv'; how: CsvFault };

export type MultipartFault =
  | 'cut'
  | 'noBoundary'
  | 'wrongBoundary'
  | 'metaNotJson'
  | 'noMeta'
  | 'noFile'
  | 'emptyFile'
  | 'exeFile'
  | 'oddFileName'
  | 'twoFiles'
  | 'lfOnly';
export type CsvFault = 'noHeader' | 'headerOnly' | 'openQuote' | 'bom' | 'manyRows' | 'binary' | 'semicolons';

/** Values wrong for this spot in particular: past its bounds, not in its enum, not its format. */
function wrongFor(schema: JsonSchema | undefined, name: string | number | undefined): unknown[] {
  if (!schema) return [];
  const out: unknown[] = [];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'integer' || type === 'number') {
    if (schema.minimum !== undefined) out.push(schema.minimum - 1);
    if (schema.maximum !== undefined) out.push(schema.maximum + 1);
    out.push(2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, -0, 0.5, '7', ' 7 ', '1e2');
  }
  if (type === 'string' || !type) {
    if (schema.maxLength !== undefined) out.push(big(schema.maxLength + 1), big(schema.maxLength + 1, '字'));
    if (schema.minLength) out.push(big(schema.minLength - 1));
    if (schema.format === 'date-time') out.push(...oddTimes);
    if (schema.format === 'date') out.push(...oddDays);
    if (schema.format === 'uuid') out.push(...badIds);
    if (schema.format === 'email') out.push('a@', '@b.c', 'a b@c.d', `${big(300)}@example.com`, 'ADMIN@JHZX.DEMO');
    if (schema.pattern) out.push('24:01', '7:00', '08:00:00', '23:60', 'user:', 'classroom:../../x');
    if (schema.enum?.length) {
      const first = String(schema.enum[0]);
      out.push('EVIL', first.toUpperCase(), `${first} `, `${first}\u0000`, [first]);
    }
  }
  if (type === 'boolean') out.push('true', 1, 'yes');
  if (type === 'array') {
    const item = schema.items ? 'x' : null;
    out.push(
      Array.from({ length: (schema.maxItems ?? 100) + 1 }, () => item),
      'a,b',
      { 0: 'x' },
    );
  }
  if (type === 'object') out.push([], 'object', { '': { '': {} } });
  if (name === 'cursor') out.push(...forgedCursors);
  return out;
}

/** Every place of the draft a mutation may touch, with its schema where the operation has one. */
export function spotsOf(op: Operation, draft: Draft): Spot[] {
  const spots: Spot[] = [];
  const walk = (where: Spot['in'], keys: (string | number)[], value: unknown, schema: JsonSchema | undefined) => {
    if (keys.length) spots.push({ in: where, keys, schema });
    if (Array.isArray(value)) for (const [i, v] of value.entries()) walk(where, [...keys, i], v, schema?.items);
    else if (isPlainObject(value))
      for (const [k, v] of Object.entries(value)) walk(where, [...keys, k], v, schema?.properties?.[k]);
  };
  for (const key of Object.keys(draft.path)) spots.push({ in: 'path', keys: [key], schema: op.path.properties?.[key] });
  for (const key of Object.keys(draft.query))
    spots.push({ in: 'query', keys: [key], schema: op.query.properties?.[key] });
  const body = op.body;
  if (body.kind === 'json') walk('body', [], draft.body, body.schema);
  if (body.kind === 'multipart' && body.meta) walk('body', ['meta'], (draft.body as MultipartDraft).meta, body.meta);
  if (body.kind === 'csv')
    walk('body', ['rows'], (draft.body as CsvDraft).rows, { type: 'array', items: body.row, maxItems: 2000 });
  if (body.kind === 'webhook') walk('body', [], draft.body, undefined);
  return spots;
}

/** A plain object or one without a prototype (fast-check makes nested records so). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The parts of a request before it is sent: path and query parameters by name, and the body (see BodySpec). */
export interface Draft {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}
export interface MultipartDraft {
  meta?: unknown;
  file: { name: string; bytes: Uint8Array };
}
export interface CsvDraft {
  rows: unknown[];
}

const spotArb = (spots: Spot[]) => fc.constantFrom(...spots);

/** One thing wrong with the draft (or nothing: a valid request now and then, so the happy paths run). */
export function mutationArb(op: Operation, draft: Draft): fc.Arbitrary<Mutation> {
  const spots = spotsOf(op, draft);
  const root: Spot[] = isPlainObject(draft.body) ? [{ in: 'body', keys: [], schema: undefined }] : [];
  const objects = [...root, ...spots.filter((s) => s.in === 'body' && isPlainObject(valueAt(draft, s)))];
  const hasBody = op.body.kind !== 'none';
  const options: fc.WeightedArbitrary<Mutation>[] = [
    { weight: 6, arbitrary: fc.constant({ kind: 'none' }) },
    { weight: 1, arbitrary: fc.constantFrom(...HEADERS).map(([name, value]) => ({ kind: 'header', name, value })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...RAW_QUERIES).map(([text, why]) => ({ kind: 'rawQuery', text, why })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_PATHS).map((template) => ({ kind: 'rawPath', template })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS')
        .filter((method) => method !== op.method)
        .map((method) => ({ kind: 'method', method })),
    },
  ];
  if (spots.length) {
    const set = spotArb(spots).chain((spot) => {
      const specific = wrongFor(spot.schema, spot.keys.at(-1));
      const candidates: fc.Arbitrary<unknown>[] = [anyValue, refTo('orgs'), refTo('users'), refTo('bookings')];
      if (specific.length) candidates.push(fc.constantFrom(...specific), fc.constantFrom(...specific));
      return fc.oneof(...candidates).map((value): Mutation => ({ kind: 'set', spot, value, why: describe(value) }));
    });
    options.push({ weight: 8, arbitrary: set });
    options.push({ weight: 3, arbitrary: spotArb(spots).map((spot): Mutation => ({ kind: 'drop', spot })) });
  }
  if (op.query.properties?.cursor)
    options.push({
      weight: 2,
      arbitrary: fc.constantFrom(...forgedCursors).map(
        (value): Mutation => ({
          kind: 'set',
          spot: { in: 'query', keys: ['cursor'], schema: undefined },
          value,
          why: 'a forged cursor',
        }),
      ),
    });
  if (objects.length || op.query.properties) {
    const targets = [...objects, { in: 'query', keys: [], schema: undefined } as Spot];
    options.push({
      weight: 2,
      arbitrary: fc
        .record({
          spot: spotArb(targets),
          key: fc.constantFrom(...EXTRA_KEYS),
          value: fc.oneof(anyValue, refTo('schools')),
        })
        .map((m): Mutation => ({ kind: 'extra', ...m })),
    });
  }
  if (hasBody) {
    options.push({ weight: 1, arbitrary: fc.constant({ kind: 'noBody' }) });
    options.push({
      weight: 1,
      arbitrary: fc.constantFrom(...CONTENT_TYPES).map((type) => ({ kind: 'contentType', type })),
    });
  }
  if (op.body.kind === 'json' || op.body.kind === 'webhook' || (op.method !== 'GET' && !hasBody))
    options.push({
      weight: 2,
      arbitrary: fc
        .constantFrom<string | Uint8Array>(...MALFORMED_JSON, INVALID_UTF8)
        .map((text): Mutation => ({ kind: 'rawBody', text, why: 'not a JSON object' })),
    });
  if (op.body.kind === 'multipart') options.push({ weight: 4, arbitrary: multipartFaultArb });
  if (op.body.kind === 'csv') options.push({ weight: 4, arbitrary: csvFaultArb });
  return fc.oneof(...options);
}

const multipartFaultArb = fc
  .constantFrom<MultipartFault>(
    'cut',
    'noBoundary',
    'wrongBoundary',
    'metaNotJson',
    'noMeta',
    'noFile',
    'emptyFile',
    'exeFile',
    'oddFileName',
    'twoFiles',
    'lfOnly',
  )
  .map((how): Mutation => ({ kind: 'multipart', how }));
const csvFaultArb = fc
  .constantFrom<CsvFault>('noHeader', 'headerOnly', 'openQuote', 'bom', 'manyRows', 'binary', 'semicolons')
  .map((how): Mutation => ({ kind: 'csv', how }));

function describe(value: unknown): string {
  const text =
    typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(JSON.stringify(value))?.slice(0, 40);
  return `${typeof value} ${text}${typeof value === 'string' && value.length > 40 ? ` … (${value.length} chars)` : ''}`;
}

/** The node of the draft a spot names (multipart and CSV bodies hold their JSON under `meta` and `rows`). */
export function valueAt(draft: Draft, spot: Spot): unknown {
  let v: unknown = spot.in === 'path' ? draft.path : spot.in === 'query' ? draft.query : draft.body;
  for (const k of spot.keys) v = (v as Record<string | number, unknown> | undefined)?.[k];
  return v;
}

/** The draft with the mutation's change to a parameter or the body made; the rest is done as it is sent. */
export function applyToDraft(draft: Draft, m: Mutation): Draft {
  if (m.kind !== 'set' && m.kind !== 'drop' && m.kind !== 'extra') return draft;
  const copy = clone(draft) as Draft;
  const root: Record<string, unknown> =
    m.spot.in === 'path' ? copy.path : m.spot.in === 'query' ? copy.query : { body: copy.body };
  const keys: (string | number)[] = m.spot.in === 'body' ? ['body', ...m.spot.keys] : [...m.spot.keys];
  if (m.kind === 'extra') {
    const target = keys.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);
    // An own property even for __proto__, as JSON.parse would make it.
    Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    if (m.spot.in === 'body') copy.body = root.body;
    return copy;
  }
  const last = keys.pop() as string | number;
  const parent = keys.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root) as Record<
    string | number,
    unknown
  >;
  if (m.kind === 'set') parent[last] = m.value;
  else if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else delete parent[last];
  if (m.spot.in === 'body') copy.body = root.body;
  return copy;
}

/** A deep copy of plain objects and arrays; Refs and bytes are immutable and kept as they are. */
function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)]));
  return v;
}
