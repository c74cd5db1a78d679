// The pieces every domain's contract, handlers and index are made of: two routers (public and signed-in), the
// handler types that go with them, the request's meta for services, and the contract's response helpers.
import { OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { errorStatus } from '../../shared/errors';
import { type FieldProblem, problemsOfZod } from '../../shared/problems';
import { errorBody } from '../../shared/schemas/common';
import type { AppEnv, RequestMeta, SignedInEnv } from './context';
import type { Db } from './db';
import { AppError } from './errors';

/**
 * Zod issues → `{ fields: { "a.b": ["message"] }, problems }`: the contract's "details names the fields", and each
 * problem as a code the web app says in the reader's language (shared/problems.ts).
 */
export function fieldErrors(error: z.ZodError): { fields: Record<string, string[]>; problems: FieldProblem[] } {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= [];
    fields[key].push(issue.message);
  }
  return { fields, problems: problemsOfZod(error) };
}

const validationHook = {
  defaultHook: (result: { success: boolean; error?: unknown }) => {
    if (!result.success) {
      throw new AppError(
        'validation_failed',
        'Some fields are missing or invalid',
        fieldErrors(result.error as z.ZodError),
      );
    }
  },
};

/** Routes anyone may call (health, sign-in, invitations, calendar feeds, LiveKit's webhooks). */
export function publicRouter() {
  return new OpenAPIHono<AppEnv>(validationHook);
}

/** Refuses a caller who is not signed in; runs before the route's validators, so nothing else is revealed. */
export const signedIn: MiddlewareHandler<SignedInEnv> = async (c, next) => {
  if (!c.get('actor')) throw new AppError('unauthenticated', 'Please sign in first');
  await next();
};

/**
 * Routes for signed-in people. Every route registered here gets `signedIn` in front of it, so its handler's
 * context carries an actor that is there (SignedInEnv), and openapi.json names the two ways to sign in.
 */
export function signedInRouter() {
  const router = new OpenAPIHono<SignedInEnv>(validationHook);
  const register = router.openapi;
  router.openapi = ((route: RouteConfig, handler: never, hook?: never) => {
    const own = route.middleware ? [route.middleware].flat() : [];
    const security = route.security ?? [{ session: [] }, { bearer: [] }];
    return register({ ...route, middleware: [signedIn, ...own], security }, handler, hook);
  }) as typeof router.openapi;
  return router;
}

/** A handler of a signed-in route: `c.get('actor')` is the signed-in person. */
export type SignedInHandler<R extends RouteConfig> = RouteHandler<R, SignedInEnv>;
/** A handler of a public route: `c.get('actor')` may be null. */
export type PublicHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

/**
 * The client's address: the socket's, or a proxy header when the deployment says proxies are trusted. Of
 * `X-Forwarded-For` the last entry counts — the one the trusted proxy appended; earlier ones are the client's to
 * write, so taking the first would let a client pick the address its sign-in failures count against.
 */
export function clientIp<E extends AppEnv>(c: Context<E>): string | null {
  const deps = c.get('deps');
  if (deps.config.trustProxy) {
    const forwarded = c.req.header('cf-connecting-ip') ?? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  return deps.remoteAddress?.(c) ?? null;
}

/** What services are told of the request. */
export function requestMeta<E extends AppEnv>(c: Context<E>): RequestMeta {
  return { requestId: c.get('requestId') ?? null, ip: clientIp(c) };
}

/** The database of the request's deps. */
export const dbOf = <E extends AppEnv>(c: Context<E>): Db => c.get('deps').database.db;

export const json = <T extends z.ZodTypeAny>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodTypeAny>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** An optional JSON body (a reason that may be left out). */
export const optionalJsonBody = <T extends z.ZodTypeAny>(schema: T) => ({
  required: false,
  content: { 'application/json': { schema } },
});

/**
 * An upload's multipart body, described for openapi.json only. Its schema is plain JSON Schema, not zod, so the router
 * adds no validator and the handler still reads the body as a stream (a validator would buffer it whole). Each part
 * is a JSON part described by its zod schema (an object part is JSON by OpenAPI's default encoding), or a file.
 */
export function multipartBody(parts: Record<string, z.ZodObject | 'file'>) {
  const properties: Record<string, object> = {};
  for (const [name, part] of Object.entries(parts)) {
    const { $schema: _, ...schema } = part === 'file' ? {} : z.toJSONSchema(part, { io: 'input' });
    properties[name] = part === 'file' ? { type: 'string', format: 'binary' } : schema;
  }
  const schema = { type: 'object' as const, properties, required: Object.keys(parts) };
  return { required: true, content: { 'multipart/form-data': { schema } } };
}

export const noContent = { description: 'Done' } as const;

type ErrorStatus = (typeof errorStatus)[keyof typeof errorStatus];

/** One documented error answer: the contract's error shape with what this status means on this route. */
export const errorAnswer = (description: string) => json(errorBody, description);

/** Error answers a route gives besides the common ones, by status: `{ 409: 'why', 503: 'why' }`. */
export function errorAnswers<S extends Partial<Record<ErrorStatus, string>>>(statuses: S) {
  return Object.fromEntries(Object.entries(statuses).map(([status, why]) => [status, errorAnswer(why as string)])) as {
    [K in keyof S]: ReturnType<typeof errorAnswer>;
  };
}

/** Error answers every route may give; listed once so openapi.json documents the shape. */
export const commonErrors = {
  400: errorAnswer('Bad input: `details.fields` names the fields'),
  401: errorAnswer('Not signed in'),
  403: errorAnswer('Not allowed'),
  404: errorAnswer('Not found, or not visible to you'),
} satisfies RouteConfig['responses'];
