// The API's types for tests, read off AppType (the chained app of server/app.ts): which paths each method has,
// the JSON body each route takes and the answer it gives. A literal path — `/api/bookings/${id}/approve`, with a
// query string or not — is matched to its route (`/api/bookings/:id/approve`) segment by segment, so that a
// wrong path or a body the route's schema refuses does not compile.
//
// For speed, each method's routes are read off the app once into a plain table (ApiTables); the generic types
// that match a call's path work on such a table, never on the app's schema itself.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '../../server/app';
import type { ErrorBody } from '../../shared/errors';

/** The app's schema, by its own class (ExtractSchema would compare the app with Hono member by member). */
type Api = AppType extends OpenAPIHono<infer _Env, infer S, infer _Base> ? S : never;
type Route = keyof Api & string;

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** `/api/bookings/:id/approve` → `/api/bookings/${string}/approve` */
type Pattern<R extends string> = R extends `${infer Head}:${string}/${infer Tail}`
  ? `${Head}${string}/${Pattern<Tail>}`
  : R extends `${infer Head}:${string}`
    ? `${Head}${string}`
    : R;

/** The number of slashes: a `${string}` in a pattern stands for one segment, never for several. */
type Depth<P extends string, N extends 0[] = []> = P extends `${string}/${infer Rest}`
  ? Depth<Rest, [...N, 0]>
  : N['length'];

type JsonInput<E> = E extends { input: { json: infer J } } ? J : never;

type SuccessOutput<E> = E extends { status: SuccessStatusCode; output: infer O; outputFormat: infer F }
  ? F extends 'json'
    ? O extends Response
      ? unknown
      : O
    : unknown
  : never;

/**
 * What a reply's body is typed as: the route's answer and the contract's error shape at once. Which one it
 * is depends on the status, which the test checks (expectStatus) before it reads either.
 */
export type ReplyBody<A> = unknown extends A ? ErrorBody : A extends object ? A & ErrorBody : A | ErrorBody;

/** One route of a method: how its paths look, the JSON body it takes (never: none) and its answer on success. */
interface Entry {
  pattern: string;
  depth: number;
  body: unknown;
  answer: unknown;
}
type Table = Record<string, Entry>;

type Row<R extends string, E> = {
  pattern: Pattern<R>;
  depth: Depth<R>;
  body: JsonInput<E>;
  answer: [SuccessOutput<E>] extends [never] ? unknown : SuccessOutput<E>;
};
/** The app's schema as a plain map from route to its methods, resolved once for all five tables. */
type Routes = { [R in Route]: Api[R] };
type TableOf<K extends string> = {
  [R in Route as K extends keyof Routes[R] ? R : never]: Row<R, Routes[R][K & keyof Routes[R]]>;
};

/** Each method's routes, read off the app once. */
export interface ApiTables {
  GET: TableOf<'$get'>;
  POST: TableOf<'$post'>;
  PATCH: TableOf<'$patch'>;
  PUT: TableOf<'$put'>;
  DELETE: TableOf<'$delete'>;
}

/** What a path of the table may look like: a route's pattern, with or without a query string. */
export type PathIn<T extends Table> = T[keyof T]['pattern'] | `${T[keyof T]['pattern']}?${string}`;

type Bare<P extends string> = P extends `${infer Path}?${string}` ? Path : P;

/** The route a literal path names: the route itself if it has no parameters, else the one its pattern matches. */
type RouteIn<T extends Table, P extends string> =
  Bare<P> extends keyof T
    ? Bare<P>
    : {
        [R in keyof T]: Bare<P> extends T[R]['pattern'] ? (Depth<Bare<P>> extends T[R]['depth'] ? R : never) : never;
      }[keyof T];

type EntryIn<T extends Table, P extends string> = RouteIn<T, P> extends infer R extends keyof T ? T[R] : never;
type BodyIn<T extends Table, P extends string> = EntryIn<T, P>['body'];
type AnswerIn<T extends Table, P extends string> = EntryIn<T, P>['answer'];

/** The path itself when it names a route of the table; a path that does not is not assignable to it. */
export type KnownPath<T extends Table, P extends string> = [RouteIn<T, P>] extends [never]
  ? { 'no route for this method and path': P }
  : P;

/** The body and headers a call takes: a required body when the route's JSON has a required field. */
export type BodyArgs<T extends Table, P extends string> = [BodyIn<T, P>] extends [never]
  ? [body?: undefined, headers?: Record<string, string>]
  : object extends BodyIn<T, P>
    ? [body?: BodyIn<T, P>, headers?: Record<string, string>]
    : [body: BodyIn<T, P>, headers?: Record<string, string>];

/** The reply body of a call: see ReplyBody. */
export type ReplyIn<T extends Table, P extends string> = ReplyBody<AnswerIn<T, P>>;

/** The JSON body a route takes: `BodyOf<'POST', '/api/bookings'>`. */
export type BodyOf<M extends Method, P extends string> = BodyIn<ApiTables[M], P>;

/** A route's answer on success (unknown when it is not JSON: a file, a calendar, 204): `AnswerOf<'GET', '/api/me'>`. */
export type AnswerOf<M extends Method, P extends string> = AnswerIn<ApiTables[M], P>;

/** The answer of a call through the escape hatch: typed when method and path name a route, else unknown. */
export type RawAnswer<M extends string, P extends string> = M extends Method
  ? [RouteIn<ApiTables[M], P>] extends [never]
    ? unknown
    : ReplyIn<ApiTables[M], P>
  : unknown;
