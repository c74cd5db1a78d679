// The tenancy walk: every route of openapi.json, asked by the people of 西岭中学 (another group) with 京华's records
// wherever the route takes an id — in its path, its query string or its body — by session cookie and by bearer
// token. For them 京华's records do not exist: every answer reads exactly as it does for an id nobody has, names
// nothing of 京华's and uses nothing of 京华's. The records of both groups are made in test/support/tenants.ts.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, expectStatus, type JsonSchema, type OpenApiDoc, type Reply, useHarness } from '../support/harness';
import {
  exampleBody,
  type IdSlot,
  idSlotsOf,
  type Operation,
  operationsOf,
  pathParams,
  payloadOf,
  requiredQuery,
  typeOf,
  urlOf,
  withValue,
} from '../support/openapi-walk';
import { type Caller, jinghuaViews, must, type Records, seedTenants, type Tenants } from '../support/tenants';
import { addDays, slot } from '../support/time';

const h = useHarness();

/** Fields named for one kind of organisation that take any: a school is an organisation. */
const KIND_OF: Record<string, string> = {
  school: 'org',
  forSchool: 'org',
  // People: the teacher nominated, the mentor named, whose rural-service years are read.
  teacher: 'user',
  mentor: 'user',
  year: 'user',
  evidenceResource: 'resource',
};
const kind = (k: string) => KIND_OF[k] ?? k;

/** Routes the walks leave out, each with why. */
const NOT_RECORDS: Record<string, string> = {
  '/api/invitations/{token}': 'an invitation link is a capability, not a record: whoever holds it may use it',
  '/api/invitations/{token}/accept': 'an invitation link is a capability, not a record: whoever holds it may use it',
  '/api/calendar/{file}': 'a calendar feed URL is a capability, not a record: whoever holds it may read it',
  // Its editing routes (/api/orgs/{id}/public-page) are walked like any other.
  '/s/{schoolCode}': 'a school’s public page (clause 13) is for everyone, by design; public-pages.test.ts reads it',
  '/s/{schoolCode}/en': 'a school’s public page (clause 13) is for everyone, by design; public-pages.test.ts reads it',
};
const walked = (x: Operation) => !NOT_RECORDS[x.path];

/**
 * Operations that act on the caller's own records among the ids they are given and answer 2xx with what they did
 * to each, so that another group's id reads "not found" in its item as a fresh id does; each with why.
 */
const PER_ITEM: Record<string, string> = {
  'POST /api/bookings/bulk': 'answers per booking; each id outside the caller’s reach is "not found" in its item',
  'POST /api/notifications/read': 'marks the caller’s own notices read; anyone else’s ids change nothing',
};

/**
 * Ids whose control (the same request with 西岭's own record) cannot succeed for the walk's 西岭 callers, each with
 * why and where the route's success is proven instead; 京华's ids in them are still refused like fresh ones.
 */
const CONTROLLED_ELSEWHERE: Record<string, string> = {
  'POST /api/exchanges/programmes orgId':
    'programmes are set up by group leaders and 西岭 has none among the callers; exchanges.test.ts sets one up',
  ...Object.fromEntries(
    ['userId', 'schoolId', 'evidenceResourceId'].map((slot) => [
      `POST /api/exchanges/rural-service ${slot}`,
      'the callers’ own school, 西岭中学, is not rural, so no service there counts; exchanges.test.ts records one',
    ]),
  ),
  ...Object.fromEntries(
    ['PUT', 'DELETE'].map((method) => [
      `${method} /api/exchanges/honour-settings orgId`,
      'honour years are set by a group’s or district’s admins, none among the callers; exchanges.test.ts sets them',
    ]),
  ),
  'POST /api/exchanges/placements/{id}/logs/from-lesson lessonId':
    'only an ended lesson to rural classrooms is offered, and the callers’ own lesson is upcoming; exchanges.test.ts',
};

/** Fields an id only makes sense with, set whenever the id is: a classroom is operated by an assistant teacher. */
const COMPANIONS: Record<string, Record<string, unknown>> = { classroomId: { role: 'assistant' } };

const w = {} as Tenants & {
  ops: Operation[];
  /** What 京华's people see of their records before the walks; the last test compares. */
  before: string[];
};

beforeAll(async () => {
  w.ops = operationsOf((await h.anon.raw('GET', '/api/openapi.json')).body as OpenApiDoc);
  Object.assign(w, await seedTenants(h));
  w.before = await jinghuaViews(h, w.jinghua);
}, 120_000);

// ——— Requests and what an answer may say ———

interface Exchange {
  method: string;
  url: string;
  body?: unknown;
  res: Reply;
}

/** The request and the answer, for a failure message. */
const shown = (x: Exchange) => {
  const body = x.body === undefined ? '' : ` ${JSON.stringify(x.body)}`;
  return `${x.method} ${x.url}${body} → ${x.res.status} ${x.res.text.slice(0, 400)}`;
};

const isCsv = (op: Operation) => !!op.op.requestBody?.content?.['text/csv'];

/**
 * Values for the fields that are not ids: a time of the caller's own (a Monday in a week of theirs, an hour of the
 * id under test), an address of their own, a role a school admin may give.
 */
function pick(round: number, hour: number) {
  // Inside every facility's opening hours and every route's bounds.
  const at = slot(1, 10 + hour, 11 + hour, 20 + 7 * round);
  return (name: string, schema: JsonSchema): unknown => {
    if (name === 'startsAt' || name === 'from') return at.startsAt;
    if (name === 'endsAt' || name === 'to') return at.endsAt;
    if (name === 'role') return 'teacher';
    // A day of an exchange log: one that has been, inside the 西岭 placement (tenants.ts).
    if (name === 'on') return '2026-09-08';
    // An honour's years, in their order (county < provincial < national).
    const honour = { county: 10, provincial: 20, national: 30 }[name];
    if (honour) return honour;
    // Names are unique within a school: each caller's (and each id's) things have their own.
    if (name === 'name' || name === 'title') return `测试 ${round}-${hour}`;
    if (schema.format === 'date') return addDays(at.day, 200 + hour);
    if (schema.format === 'email') return `probe-${round}-${hour}@example.com`;
    if (schema.format === 'date-time') return at.startsAt;
    return undefined;
  };
}

/** A request of the operation as the caller makes it: their own records in its path, its required query, a body. */
function requestOf(caller: Caller, x: Operation, path: Record<string, string> = {}, hour = 0) {
  const values = pick(caller.round, hour);
  const ids = new Map(idSlotsOf(x).map((s) => [s.at[s.at.length - 1], kind(s.kind)]));
  const fill = (name: string, schema: JsonSchema) => {
    const k = ids.get(name);
    return values(name, schema) ?? (k && typeOf(schema) === 'string' ? caller.own[k]?.[0] : undefined);
  };
  const params: Record<string, string> = {};
  for (const p of pathParams(x.op)) params[p.name] = path[p.name] ?? recordOf(caller.own, x, p.name)[0]!;
  const body = isCsv(x) ? 'name,email,role,school_code\n' : exampleBody(x.op, fill);
  return { params, query: requiredQuery(x.op, fill), body };
}

/** The records of a path parameter's kind; a kind the walk has never met fails, naming it. */
function recordOf(records: Records, x: Operation, param: string): string[] {
  const slot = idSlotsOf(x).find((s) => s.in === 'path' && s.at[0] === param);
  const k = slot ? kind(slot.kind) : param;
  const found = records[k];
  if (!found?.length)
    throw new Error(`${x.method} ${x.path} takes {${param}} (${k}): give the tenancy walk a record of that kind`);
  return found;
}

/** A file of its own for every upload (the library refuses a file it already holds). */
const pdf = () => new Blob([new TextEncoder().encode(`%PDF-1.4\n% ${randomUUID()}\n%%EOF\n`)]);

async function send(caller: Caller, x: Operation, url: string, body: unknown): Promise<Exchange> {
  const csv = isCsv(x);
  const payload =
    x.method === 'GET' || x.method === 'DELETE'
      ? undefined
      : csv
        ? (body as string)
        : payloadOf(x.op, body as Record<string, unknown> | undefined, pdf);
  const res = await caller.client.raw(x.method, url, payload, csv ? { 'content-type': 'text/csv' } : {});
  return { method: x.method, url, body, res };
}

/** The answer as a caller would compare it: status, code, message and details, with the ids it was sent made alike. */
function answerOf(x: Exchange, sent: string[]): string {
  let text = x.res.text;
  for (const id of sent) text = text.replaceAll(id, '<id>');
  return `${x.res.status} ${text}`;
}

/** 京华's names and ids in an answer, besides those the caller sent. */
function leaksIn(x: Exchange, sent: string[]): string[] {
  return w.secrets.filter((s) => !sent.includes(s) && x.res.text.includes(s));
}

/**
 * One answer to 京华's ids, next to the answer to fresh ids in their place: a refusal the route may give (`refused`),
 * reading exactly like the other, naming nothing of 京华's.
 */
function judge(
  failures: string[],
  refused: boolean,
  [a, sentA]: [Exchange, string[]],
  [b, sentB]: [Exchange, string[]],
) {
  if (!refused) failures.push(`took 京华's record: ${shown(a)}`);
  else if (answerOf(a, sentA) !== answerOf(b, sentB))
    failures.push(`reads unlike a fresh id:\n  ${shown(a)}\n  ${shown(b)}`);
  const leaked = leaksIn(a, sentA);
  if (leaked.length) failures.push(`names ${leaked.join(', ')}: ${shown(a)}`);
}

const isEmptyList = (body: unknown) => {
  const items = (body as { items?: unknown } | null)?.items;
  return Array.isArray(items) && items.length === 0;
};

// ——— The walks ———

/**
 * Every route with ids in its path, asked with 京华's records there and with fresh ids nobody has: the same 403 or
 * 404, the same code, message and details. A route with two ids is also asked with the caller's own record first
 * and 京华's second (西岭's collection and 京华's resource): then any answer will do that reads like a fresh id's.
 */
async function walkPaths(caller: Caller, failures: string[]) {
  let checked = 0;
  for (const x of w.ops.filter((o) => walked(o) && pathParams(o.op).length)) {
    const names = pathParams(x.op).map((p) => p.name);
    const fresh = (name: string) => (name === 'identity' ? `classroom:${randomUUID()}` : randomUUID());
    // Which parameters hold 京华's records; the others hold the caller's own.
    for (const theirs of names.length > 1 ? [names, names.slice(1)] : [names]) {
      // Each of 京华's records of the first such parameter's kind; the others at their usual record.
      for (const record of recordOf(w.jinghua, x, theirs[0]!)) {
        const jh: Record<string, string> = {};
        const rnd: Record<string, string> = {};
        for (const n of theirs) {
          jh[n] = n === theirs[0] ? record : recordOf(w.jinghua, x, n)[0]!;
          rnd[n] = fresh(n);
        }
        const { query, body } = requestOf(caller, x);
        const a = await send(caller, x, urlOf(x.path, requestOf(caller, x, jh).params, query), body);
        const b = await send(caller, x, urlOf(x.path, requestOf(caller, x, rnd).params, query), body);
        checked++;
        const refused = a.res.status === 403 || a.res.status === 404 || theirs.length < names.length;
        judge(failures, refused, [a, Object.values(jh)], [b, Object.values(rnd)]);
      }
    }
  }
  return checked;
}

interface Probe {
  x: Operation;
  slot: IdSlot;
  /** Which of the operation's ids it is: its requests take their own hour, so that they do not clash. */
  n: number;
}

/** Every id that an operation takes in its query string or its body. */
function probes(): Probe[] {
  return w.ops.filter(walked).flatMap((x) =>
    idSlotsOf(x)
      .filter((s) => s.in !== 'path')
      .map((s, n) => ({ x, slot: s, n })),
  );
}

const valueFor = (s: IdSlot, id: string) => (s.many ? [id] : id);

function withId(caller: Caller, { x, slot: s, n }: Probe, id: string) {
  const { params, query, body } = requestOf(caller, x, {}, n);
  if (s.in === 'query') return { url: urlOf(x.path, params, { ...query, [s.at[0]!]: id }), body };
  const json = { ...(typeof body === 'string' ? {} : body), ...COMPANIONS[s.at[s.at.length - 1]!] };
  return { url: urlOf(x.path, params, query), body: withValue(json, s.at, valueFor(s, id)) };
}

/**
 * Every id in a query string or a body, set to each of 京华's records of its kind: refused (400/403/404) or, for a
 * list's filter, an empty list — exactly as for a fresh id — and never used. The same request with the caller's
 * own record must succeed for some 西岭 caller, or the refusal proves nothing: `used` collects those.
 */
async function walkBodies(caller: Caller, failures: string[], used: Map<string, string>) {
  let checked = 0;
  for (const p of probes()) {
    const k = kind(p.slot.kind);
    const theirs = w.jinghua[k];
    if (!theirs) {
      failures.push(
        `${p.x.method} ${p.x.path} takes ${p.slot.at.join('.')} (${k}): give the walk 京华's records of it`,
      );
      continue;
    }
    const label = `${p.x.method} ${p.x.path}`;
    for (const id of theirs) {
      const fresh = randomUUID();
      const jr = withId(caller, p, id);
      const rr = withId(caller, p, fresh);
      const a = await send(caller, p.x, jr.url, jr.body);
      const b = await send(caller, p.x, rr.url, rr.body);
      checked++;
      const status = a.res.status;
      const emptyList = p.x.method === 'GET' && status === 200 && isEmptyList(a.res.body);
      const refused = status === 400 || status === 403 || status === 404;
      judge(failures, refused || emptyList || (!!PER_ITEM[label] && status < 300), [a, [id]], [b, [fresh]]);
    }
    const own = caller.own[k]?.[0];
    if (!own) continue;
    const ok = withId(caller, p, own);
    const control = await send(caller, p.x, ok.url, ok.body);
    const key = `${label} ${p.slot.at.join('.')}`;
    if (control.res.status < 300) used.set(key, '');
    else if (used.get(key) !== '') used.set(key, `${caller.who}: ${shown(control)}`);
  }
  return checked;
}

/** Words that find 京华's things: its name, a facility's, a resource's title. */
const SEARCHES = ['京华', '体育馆', '分数的初步认识'];

/** Every route that reads without an id (lists, me, defaults), and every search: nothing of 京华's in them. */
async function walkLists(caller: Caller, failures: string[]) {
  for (const x of w.ops.filter((o) => o.method === 'GET' && !o.path.includes('{') && o.path !== '/api/openapi.json')) {
    const { params, query } = requestOf(caller, x);
    const searches = x.op.parameters?.some((p) => p.in === 'query' && p.name === 'q') ? SEARCHES : [];
    for (const q of [undefined, ...searches]) {
      const a = await send(caller, x, urlOf(x.path, params, q ? { ...query, q } : query), undefined);
      if (a.res.status >= 400) failures.push(`a list fails: ${shown(a)}`);
      const leaked = leaksIn(a, []);
      if (leaked.length) failures.push(`names ${leaked.join(', ')}: ${shown(a)}`);
    }
  }
}

/** Fails with every problem found, each with its request and answer. */
function report(failures: string[]) {
  if (failures.length) throw new Error(`${failures.length} problem(s):\n\n${failures.join('\n\n')}`);
}

describe.each([
  ['a session cookie', () => w.cookie],
  ['a bearer token', () => w.bearer],
])('tenancy: 京华’s records do not exist for 西岭, signed in with %s', (_door, callers) => {
  it('an id of 京华’s in a path reads exactly like an id nobody has: the same 403/404, code, message, details', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const caller of callers()) checked += await walkPaths(caller, failures);
    report(failures);
    expect(checked).toBeGreaterThan(60);
  });

  it('an id of 京华’s in a body or query string is refused like an id nobody has, and never used', async () => {
    const failures: string[] = [];
    const used = new Map<string, string>();
    let checked = 0;
    for (const caller of callers()) checked += await walkBodies(caller, failures, used);
    // A refusal proves something only where the caller's own record would have been taken.
    for (const p of probes()) {
      const key = `${p.x.method} ${p.x.path} ${p.slot.at.join('.')}`;
      if (used.get(key) !== '' && !CONTROLLED_ELSEWHERE[key])
        failures.push(`no 西岭 caller could use their own record here: ${key}\n  ${used.get(key)}`);
    }
    report(failures);
    expect(checked).toBeGreaterThan(30);
  });

  it('every list and every search omits 京华’s records', async () => {
    const failures: string[] = [];
    for (const caller of callers()) await walkLists(caller, failures);
    report(failures);
  });
});

describe('tenancy: malformed ids', () => {
  it('a malformed id in a path answers the same 400/404 to 西岭 as to 京华’s own leader', async () => {
    const failures: string[] = [];
    const leader: Caller = {
      who: '京华’s leader',
      client: await h.as('leader@jinghua.demo'),
      own: w.jinghua,
      round: 4,
    };
    const xiling = w.cookie[0]!;
    for (const x of w.ops.filter((o) => walked(o) && pathParams(o.op).length)) {
      for (const bad of pathParams(x.op)) {
        for (const malformed of ['not-an-id', `${randomUUID()}0`, "1' OR '1'='1"]) {
          // The other ids are 京华's real ones: the malformed one must answer before any of them is looked up.
          const { params, query, body } = requestOf(leader, x, { [bad.name]: malformed });
          const url = urlOf(x.path, params, query);
          const a = await send(xiling, x, url, body);
          const b = await send(leader, x, url, body);
          const sent = Object.values(params);
          if (a.res.status !== 400 && a.res.status !== 404) failures.push(`not a 400/404: ${shown(a)}`);
          else if (answerOf(a, sent) !== answerOf(b, sent))
            failures.push(`differs by caller:\n  西岭 ${shown(a)}\n  京华 ${shown(b)}`);
        }
      }
    }
    report(failures);
  });
});

describe('tenancy: bearer tokens', () => {
  it('a revoked token answers 401 on every API route', async () => {
    const admin = w.cookie[0]!.client;
    const made = must(await admin.post('/api/auth/tokens', { name: '将被撤销' }), 201).token;
    const revoked = new Client(h.app, { bearer: made.token });
    expectStatus(await revoked.get('/api/me'), 200);
    expectStatus(await admin.delete(`/api/auth/tokens/${made.id}`), 204);
    const caller: Caller = { ...w.cookie[0]!, client: revoked };
    const failures: string[] = [];
    // The public pages (/s/…) are outside the API and read no credentials.
    for (const x of w.ops.filter((o) => o.path.startsWith('/api/'))) {
      // Any value in the path: the token is refused before the route is.
      const anyIds = Object.fromEntries(pathParams(x.op).map((p) => [p.name, 'x'.repeat(43)]));
      const { params, query, body } = requestOf(caller, x, anyIds);
      const a = await send(caller, x, urlOf(x.path, params, query), body);
      if (a.res.status !== 401) failures.push(`not 401: ${shown(a)}`);
    }
    report(failures);
  });

  it('one person’s token neither sees nor revokes another person’s tokens', async () => {
    const [admin, sun] = w.cookie;
    const bearer = w.bearer[0]!.client;
    const sunsToken = must(await sun!.client.post('/api/auth/tokens', { name: '孙浩的脚本' }), 201).token;
    const sunsScript = new Client(h.app, { bearer: sunsToken.token });
    for (const client of [admin!.client, bearer]) {
      const listed = must(await client.get('/api/auth/tokens'), 200);
      const ids = listed.items.map((t) => t.id);
      expect(ids, 'another person’s tokens are not listed').not.toContain(sunsToken.id);
      expect(ids).not.toContain(w.jinghua.token![0]);
      for (const other of [sunsToken.id, w.jinghua.token![0]!]) {
        const res = await client.delete(`/api/auth/tokens/${other}`);
        expectStatus(res, 404);
      }
    }
    // 孙浩's token still works, and is still his (王明远's is compared with what he saw at the start, below).
    expectStatus(await sunsScript.get('/api/me'), 200);
    expect(must(await sunsScript.get('/api/auth/tokens'), 200).items.map((t) => t.id)).toContain(sunsToken.id);
  });
});

describe('tenancy: what 西岭 sent', () => {
  it('changed nothing that 京华’s people see of their own records', async () => {
    expect(await jinghuaViews(h, w.jinghua)).toEqual(w.before);
  });
});

describe('tenancy: signed-out callers', () => {
  it('get 401 on every route but health, openapi, login, invitation links, calendar feeds, webhooks and public pages', async () => {
    const open = new Set([
      '/s/{schoolCode}',
      '/s/{schoolCode}/en',
      '/api/livekit/webhook',
      '/api/calendar/{file}',
      '/api/health',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/invitations/{token}',
      '/api/invitations/{token}/accept',
    ]);
    const anon: Caller = { who: 'nobody', client: h.anon, own: w.jinghua, round: 4 };
    const failures: string[] = [];
    for (const x of w.ops) {
      if (open.has(x.path)) continue;
      const { params, query, body } = requestOf(anon, x);
      const a = await send(anon, x, urlOf(x.path, params, query), body);
      if (a.res.status !== 401) failures.push(`not 401: ${shown(a)}`);
    }
    report(failures);
  });
});
