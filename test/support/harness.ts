// The API test harness: one database and one app per test file, the demo tenants seeded, and
// `as(email)` clients that sign in once and then speak HTTP to the app like a browser would.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../server/app';
import { DEMO_PASSWORD, type DemoIds, seedDemo } from '../../server/db/seed';
import type { Deps } from '../../server/lib/context';
import { createLogger, type Level } from '../../server/lib/log';
import { LocalStorage } from '../../server/modules/resources/storage';
import type { ErrorBody } from '../../shared/errors';
import type { FieldProblem } from '../../shared/problems';
import type { BookingClash } from '../../shared/schemas/bookings';
import type { Clash as LessonClash } from '../../shared/schemas/lessons';
import type { ImportError } from '../../shared/schemas/orgs';
import type { ApiTables, BodyArgs, KnownPath, Method, PathIn, RawAnswer, ReplyIn } from './api';
import { openTestDatabase } from './db';

export type { AnswerOf, BodyOf } from './api';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** The reply of a typed call: `ReplyOf<'GET', '/api/me'>`. */
export type ReplyOf<M extends Method, P extends string> = Reply<ReplyIn<ApiTables[M], P>>;

type Get = ApiTables['GET'];
type Post = ApiTables['POST'];
type Patch = ApiTables['PATCH'];
type Put = ApiTables['PUT'];
type Delete = ApiTables['DELETE'];

/** A body sent as is by `raw`; anything else is sent as JSON. */
export type RawBody = string | FormData | Uint8Array | object | undefined;

type HeaderMap = Record<string, string>;

/**
 * Speaks HTTP to the app like a browser. get/post/patch/put/delete take a path of the API (a literal, with ids
 * and a query string as template parts) and check the JSON body against the route's request schema; the
 * reply's body is typed by the route's answer (see ReplyBody). `raw` is the visible escape hatch for what the
 * contract does not describe: a body that is not JSON (multipart, CSV, signed bytes), a body that is wrong on
 * purpose, or a path that is computed at run time or not a route of AppType.
 */
export class Client {
  constructor(
    private readonly app: ReturnType<typeof createApp>,
    private readonly auth: { cookie?: string; bearer?: string } = {},
    private readonly ip = '203.0.113.7',
  ) {}

  private async send<T>(method: string, path: string, body?: RawBody, headers: HeaderMap = {}): Promise<Reply<T>> {
    const h: HeaderMap = { 'x-forwarded-for': this.ip, ...headers };
    if (this.auth.cookie) h.cookie = this.auth.cookie;
    if (this.auth.bearer) h.authorization = `Bearer ${this.auth.bearer}`;
    let payload: BodyInit | undefined;
    if (typeof body === 'string' || body instanceof FormData) payload = body;
    else if (body instanceof Uint8Array) payload = body as Uint8Array<ArrayBuffer>;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await this.app.request(`http://localhost${path}`, { method, headers: h, body: payload });
    // Text stays text (UTF-8); a binary body is kept byte for byte as Latin-1 so its length is its byte count.
    const type = res.headers.get('content-type') ?? '';
    const text =
      !type || /^(application\/json|text\/)/.test(type)
        ? await res.text()
        : Buffer.from(await res.arrayBuffer()).toString('latin1');
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    // The one place the reply's JSON meets its type: the route's answer, or the error shape (ReplyBody).
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  }

  get<P extends PathIn<Get>>(path: KnownPath<Get, P>, headers?: HeaderMap) {
    return this.send<ReplyIn<Get, P>>('GET', String(path), undefined, headers);
  }
  post<P extends PathIn<Post>>(path: KnownPath<Post, P>, ...[body, headers]: BodyArgs<Post, P>) {
    return this.send<ReplyIn<Post, P>>('POST', String(path), body, headers);
  }
  patch<P extends PathIn<Patch>>(path: KnownPath<Patch, P>, ...[body, headers]: BodyArgs<Patch, P>) {
    return this.send<ReplyIn<Patch, P>>('PATCH', String(path), body, headers);
  }
  put<P extends PathIn<Put>>(path: KnownPath<Put, P>, ...[body, headers]: BodyArgs<Put, P>) {
    return this.send<ReplyIn<Put, P>>('PUT', String(path), body, headers);
  }
  delete<P extends PathIn<Delete>>(path: KnownPath<Delete, P>, headers?: HeaderMap) {
    return this.send<ReplyIn<Delete, P>>('DELETE', String(path), undefined, headers);
  }

  /**
   * The escape hatch: sends any body to any path, unchecked. A string, FormData or bytes go as they are,
   * anything else as JSON. The reply is typed when method and path name a route, else its body is unknown.
   */
  raw<M extends string, P extends string>(method: M, path: P, body?: RawBody, headers?: HeaderMap) {
    return this.send<RawAnswer<M, P>>(method, path, body, headers);
  }
}

export interface Harness {
  app: ReturnType<typeof createApp>;
  deps: Deps;
  ids: DemoIds;
  anon: Client;
  /** A signed-in client for a demo (or invited) account; sessions are reused within the file. */
  as(email: string, password?: string): Promise<Client>;
  /** Sign in afresh and return the raw reply (to inspect cookies). */
  login(email: string, password?: string, ip?: string): Promise<ReplyOf<'POST', '/api/auth/login'>>;
}

/**
 * A harness of its own, outside a test file's hooks (benches): a fresh seeded database and app. `dispose` closes
 * the database and removes the uploaded files.
 */
export async function openHarness(): Promise<Harness & { dispose(): Promise<void> }> {
  const h = {} as Harness;
  const database = await openTestDatabase();
  const filesDir = mkdtempSync(join(tmpdir(), 'tz-files-'));
  const dispose = async () => {
    await database.dispose();
    rmSync(filesDir, { recursive: true, force: true });
  };
  const storage = new LocalStorage(filesDir);
  try {
    h.ids = await seedDemo(database.db, storage);
  } catch (err) {
    await dispose();
    throw err;
  }
  h.deps = {
    database,
    storage,
    log: createLogger((process.env.LOG_LEVEL as Level | undefined) ?? 'silent'),
    // Tests pretend to be behind a proxy so each client can have its own address.
    config: {
      allowedOrigins: [],
      trustProxy: true,
      livekitUrl: null,
      version: 'test',
      maxUploadBytes: 5 * 1024 * 1024,
    },
  };
  h.app = createApp(h.deps);
  h.anon = new Client(h.app);
  const sessions = new Map<string, Client>();
  h.login = async (email, password = DEMO_PASSWORD, ip) =>
    new Client(h.app, {}, ip).post('/api/auth/login', { email, password });
  h.as = async (email, password = DEMO_PASSWORD) => {
    const key = `${email}\n${password}`;
    const cached = sessions.get(key);
    if (cached) return cached;
    const res = await h.login(email, password);
    if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${res.text}`);
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const client = new Client(h.app, { cookie });
    sessions.set(key, client);
    return client;
  };
  return Object.assign(h, { dispose });
}

/** Registers beforeAll/afterAll for the file and returns the harness once ready. */
export function useHarness(): Harness {
  const h = {} as Harness;
  let dispose: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const { dispose: close, ...opened } = await openHarness();
    dispose = close;
    Object.assign(h, opened);
  }, 120_000);
  afterAll(async () => dispose(), 60_000);
  return h;
}

/** What routes put in an error answer's `details`, by key; the contract types `details` as unknown. */
export interface ErrorDetails {
  /** validation_failed (and already_exists of a name or code): each field with what is wrong with it. */
  fields: Record<string, string[]>;
  /** validation_failed: each problem as a code with its figures, for the web app to word (shared/problems.ts). */
  problems: FieldProblem[];
  /** booking_conflict: each clashing date and what is already there. */
  conflicts: BookingClash[];
  /** booking_conflict: free slots near the one asked for. */
  suggestions: { startsAt: string; endsAt: string }[];
  /** A booking over the borrowing school's hours this term. */
  quota: { hours: number; held: number; requested: number };
  /** import_failed: each bad line of the CSV. */
  errors: ImportError[];
  /** conflict of a live lesson: the classrooms' other lessons at that time. */
  clashes: LessonClash[];
  /** already_exists of an upload: the resource that holds the same file. */
  resourceId: string;
  /** service_unavailable, livekit_unavailable: why. */
  reason: string;
}

/** One key of an error answer's details, typed; fails the test, showing the reply, when the answer has none. */
export function detailsOf<K extends keyof ErrorDetails>(res: Reply, key: K): ErrorDetails[K] {
  const body = res.body as Partial<ErrorBody> | null;
  const details = body?.error?.details;
  if (typeof details !== 'object' || details === null || !(key in details))
    throw new Error(`expected error.details.${key}, got ${res.status}: ${res.text.slice(0, 800)}`);
  return (details as ErrorDetails)[key];
}

/** The part of openapi.json that tests read. The document is not a route of AppType: `raw` fetches it. */
export interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation | undefined>>;
}
export interface OpenApiOperation {
  responses?: Record<string, unknown>;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema } | undefined> };
}
export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}
/** The JSON Schema that zod writes into openapi.json (no $ref, no anyOf: each schema is written out in place). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  default?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

/** Expect a status, printing the reply when it differs so a failure explains itself. */
export function expectStatus(res: Reply, status: number): void {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text.slice(0, 800)}`);
}
