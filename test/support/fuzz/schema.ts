// Valid values from a JSON schema, as fast-check arbitraries: what a careful client would send. Record ids are
// not invented but picked, when the request is sent, from the demo data and what the run has created (a Ref);
// dates fall in the coming weeks, and a start comes before its end, so that valid requests can succeed.
import fc from 'fast-check';
import { isIdName, kindOf, typeOf } from '../openapi-walk';
import type { JsonSchema, Operation } from './spec';

/** Where a Ref takes its value from when the request is sent (see pools.ts). */
export type PoolName =
  | 'orgs'
  | 'schools'
  | 'classrooms'
  | 'users'
  | 'memberships'
  | 'facilities'
  | 'spareFacilities'
  | 'photos'
  | 'closures'
  | 'bookings'
  | 'notifications'
  | 'feeds'
  | 'tokens'
  | 'lessons'
  | 'resources'
  | 'collections'
  | 'identities'
  | 'invitations'
  | 'invitationLinks'
  | 'calendarFiles'
  | 'cursors'
  /** Not a pool: the caller's own password (for the password change). */
  | 'password';

/** A value chosen when the request is sent: the `pick`-th of the pool (modulo its size). */
export class Ref {
  constructor(
    readonly pool: PoolName,
    readonly pick: number,
  ) {}
  toString() {
    return `Ref(${this.pool}, ${this.pick})`;
  }
}

export const refTo = (pool: PoolName) => fc.nat().map((pick) => new Ref(pool, pick));

/** The pool of each kind of record (openapi-walk's kindOf: `facilityId` → `facility`, `{id}` after `/bookings`). */
const POOL_OF_KIND: Record<string, PoolName> = {
  org: 'orgs',
  school: 'schools',
  forSchool: 'schools',
  classroom: 'classrooms',
  membership: 'memberships',
  facility: 'facilities',
  photo: 'photos',
  closure: 'closures',
  booking: 'bookings',
  notification: 'notifications',
  'calendar-feed': 'feeds',
  token: 'tokens',
  lesson: 'lessons',
  resource: 'resources',
  collection: 'collections',
  invitation: 'invitations',
  user: 'users',
};
/** Parameters and fields that name a record, or a secret, without being an id. */
const POOL_OF_NAME: Record<string, PoolName> = {
  identity: 'identities',
  token: 'invitationLinks',
  file: 'calendarFiles',
  cursor: 'cursors',
  currentPassword: 'password',
};

/** The pool a field or parameter's value comes from, if it names a record (or a secret of the caller). */
export function poolFor(op: Operation, name: string, schema: JsonSchema): PoolName | undefined {
  // Retiring a facility cannot be undone: the run retires only the facilities it created, not the demo's.
  if (op.name === 'POST /api/facilities/{id}/retire' && name === 'id') return 'spareFacilities';
  const pool = POOL_OF_NAME[name];
  if (pool) return pool;
  if (!isIdName(name) && schema.format !== 'uuid') return undefined;
  return POOL_OF_KIND[kindOf(name, op.template)] ?? 'orgs';
}

/** Demo accounts no fuzzing caller uses: a sign-in with them may succeed without locking out a caller. */
export const SPARE_ACCOUNTS = ['zhang@jhzx.demo', 'admin@jhxx.demo', 'sun@xiling.demo', 'office@chengguan.demo'];
export const SCHOOL_CODES = ['JHZX', 'JHXX', 'BSXZX', 'NHCXX', 'XLZX'];
const WORDS = [
  '分数',
  '古诗',
  '实验',
  '体育馆',
  '化学实验室',
  '报告厅',
  '数学',
  '篮球联赛',
  '教研',
  '双师课堂',
  '京华',
];

/** Values by field name where the schema alone would rarely give a useful one. */
function hinted(name: string, schema: JsonSchema): fc.Arbitrary<unknown> | undefined {
  if (name === 'email')
    return fc.oneof(
      fc.constantFrom(...SPARE_ACCOUNTS),
      fc.nat(9999).map((n) => `fuzz${n}@example.com`),
    );
  if (name === 'password' && schema.type === 'string') return fc.oneof(fc.constant('tongzhou-demo'), passwordArb);
  if (name === 'schoolCode') return fc.constantFrom(...SCHOOL_CODES);
  return undefined;
}
const passwordArb = fc.string({ minLength: 10, maxLength: 24 }).filter((s) => s.trim().length >= 10);

/** Minutes in the coming weeks, on the half hour between 07:00 and 20:30 Beijing time. */
const NOW = Date.now();
const DAY = 86_400_000;
const startOfDayBeijing = Math.floor((NOW + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000;
const slotArb = fc
  .record({ day: fc.integer({ min: 1, max: 60 }), halfHour: fc.integer({ min: 14, max: 41 }) })
  .map(({ day, halfHour }) => startOfDayBeijing + day * DAY + halfHour * 1_800_000);
/** Whole numbers between the bounds, mostly small ones (counts, sizes and grades are small in real requests). */
function intArb(min: number, max: number): fc.Arbitrary<number> {
  const small = fc.integer({ min, max: Math.min(max, min + 40) });
  return fc.oneof({ weight: 3, arbitrary: small }, { weight: 1, arbitrary: fc.integer({ min, max }) });
}
/** A number the schema takes: whole, or in its steps (`multipleOf`, e.g. half hours of an exchange log). */
function numberArb(schema: JsonSchema): fc.Arbitrary<number> {
  const step = schema.multipleOf ?? 1;
  const max = Math.min(schema.maximum ?? 1000, 2 ** 31 - 1);
  return intArb(Math.ceil((schema.minimum ?? 0) / step), Math.floor(max / step)).map((n) => n * step);
}
const lengthArb = fc.integer({ min: 1, max: 6 }).map((n) => n * 1_800_000);

/** ISO 8601 with the +08:00 offset (or Z), as the contract writes times. */
export function isoTime(ms: number, zulu = false): string {
  if (zulu) return new Date(ms).toISOString().replace('.000Z', 'Z');
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}
const isoDay = (ms: number) => isoTime(ms).slice(0, 10);
const hhmm = (halfHours: number) =>
  `${String(Math.floor(halfHours / 2)).padStart(2, '0')}:${halfHours % 2 ? '30' : '00'}`;

const timeArb = fc.tuple(slotArb, fc.boolean()).map(([ms, z]) => isoTime(ms, z));
const dayArb = slotArb.map(isoDay);
const clockArb = fc.integer({ min: 12, max: 40 }).map(hhmm);

/** A start and an end, the end after the start: times, days or clock times, by the fields' format. */
function spanArb(schema: JsonSchema): fc.Arbitrary<[string, string]> {
  if (schema.format === 'date-time')
    return fc.tuple(slotArb, lengthArb, fc.boolean()).map(([s, len, z]) => [isoTime(s, z), isoTime(s + len, z)]);
  if (schema.format === 'date')
    return fc.tuple(slotArb, fc.integer({ min: 0, max: 6 })).map(([s, days]) => [isoDay(s), isoDay(s + days * DAY)]);
  return fc
    .tuple(fc.integer({ min: 12, max: 36 }), fc.integer({ min: 1, max: 8 }))
    .map(([s, len]) => [hhmm(s), hhmm(s + len)]);
}
const SPANS: [string, string][] = [
  ['startsAt', 'endsAt'],
  ['from', 'to'],
  ['freeFrom', 'freeTo'],
  ['startsOn', 'endsOn'],
  ['start', 'end'],
];
/** Fields of which a valid object has exactly one (a rule JSON Schema cannot say here): a repetition's end. */
const EITHER: [string, string][] = [['until', 'count']];

const typeOfSchema = (schema: JsonSchema) => typeOf(schema) ?? (schema.properties ? 'object' : 'string');
export const isNullable = (schema: JsonSchema) => Array.isArray(schema.type) && schema.type.includes('null');

function textArb(schema: JsonSchema): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 60, Math.max(min, 60));
  const fits = (s: string) => s.length >= min && s.length <= max && s.trim().length >= Math.min(min, 1);
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: max }) },
      { weight: 2, arbitrary: fc.string({ minLength: min, maxLength: max }) },
    )
    .filter((s) => fits(s) && !s.includes('\u0000'));
}

function stringArb(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.format === 'date-time') return timeArb;
  if (schema.format === 'date') return dayArb;
  if (schema.format === 'email') return hinted('email', schema) as fc.Arbitrary<unknown>;
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.pattern?.includes('[0-5]\\d')) return clockArb;
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  return textArb(schema);
}

/** Valid values of `schema`; `name` is the field's or parameter's name, `op` the operation it belongs to. */
export function validArb(op: Operation, schema: JsonSchema, name = ''): fc.Arbitrary<unknown> {
  const type = typeOfSchema(schema);
  const pool = poolFor(op, name, schema);
  let arb: fc.Arbitrary<unknown>;
  if (type === 'array') {
    const items = schema.items ?? { type: 'string' };
    const pooled = poolFor(op, name, items);
    arb = fc.array(pooled ? refTo(pooled) : validArb(op, items, name), {
      minLength: schema.minItems ?? 0,
      maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 4, 4)),
    });
  } else if (pool && (type === 'string' || schema.format === 'uuid')) arb = refTo(pool);
  else if (type === 'object') arb = objectArb(op, schema);
  else if (type === 'integer' || type === 'number')
    arb = schema.enum ? fc.constantFrom(...schema.enum) : numberArb(schema);
  else if (type === 'boolean') arb = fc.boolean();
  else arb = hinted(name, schema) ?? stringArb(schema);
  return isNullable(schema) ? fc.option(arb, { nil: null, freq: 6 }) : arb;
}

function objectArb(op: Operation, schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const spans = SPANS.filter(([a, b]) => props[a] && props[b]);
  const either = EITHER.filter(([a, b]) => props[a] && props[b]);
  const paired = new Set(spans.flat());
  // One of each `either` pair is always there (which one is drawn below).
  const required = new Set([...(schema.required ?? []), ...either.flat()]);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, sub] of Object.entries(props)) if (!paired.has(key)) model[key] = validArb(op, sub, key);
  const spanModel: Record<string, fc.Arbitrary<[string, string] | null>> = {};
  for (const [a, b] of spans) {
    const both = spanArb(props[a] as JsonSchema);
    spanModel[a] = required.has(a) || required.has(b) ? both : fc.option(both, { nil: null, freq: 2 });
  }
  return fc
    .record({
      rest: fc.record(model, { requiredKeys: [...required].filter((k) => !paired.has(k)) }),
      spans: fc.record(spanModel),
      firsts: fc.array(fc.boolean(), { minLength: either.length, maxLength: either.length }),
    })
    .map(({ rest, spans: chosen, firsts }) => {
      const out: Record<string, unknown> = { ...rest };
      for (const [a, b] of spans) {
        const span = chosen[a];
        if (span) [out[a], out[b]] = span;
      }
      for (const [i, [a, b]] of either.entries()) delete out[firsts[i] ? b : a];
      return out;
    });
}
