// ─── The application ─────────────────────────────────────────────────────────────────────────────
// createApp(deps) builds the one Hono app that every door uses: server/node.ts (Node), server/worker.ts
// (Cloudflare Workers) and the tests. Middleware order: request id → logging → security headers →
// authentication; then the routes; then the contract's error shape for everything that goes wrong.
import type { Readable } from 'node:stream';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import type { ErrorBody } from '../shared/errors';
import { ActorCache } from './lib/actor-cache';
import type { AppEnv, Deps } from './lib/context';
import { AppError, databaseUnavailable, isDatabaseUnavailable } from './lib/errors';
import { loggedPath } from './lib/log';
import { fieldErrors } from './lib/router';
import { documentHeaderOptions } from './lib/security-headers';
import { auditRoutes } from './modules/audit';
import { authRoutes } from './modules/auth';
import { authenticate } from './modules/auth/auth.middleware';
import { bookingsRoutes } from './modules/bookings';
import { calendarRoutes } from './modules/calendar';
import { exchangesRoutes } from './modules/exchanges';
import { closuresRoutes, facilitiesRoutes, photosRoutes } from './modules/facilities';
import { lessonsRoutes, webhooksRoutes } from './modules/lessons';
import { notificationsRoutes } from './modules/notifications';
import { orgsRoutes } from './modules/orgs';
import { publicPagesRoutes, publicSite } from './modules/public-pages';
import { PublicPageCache } from './modules/public-pages/public-pages.cache';
import { cachedPage } from './modules/public-pages/public-pages.handlers';
import { reportsRoutes } from './modules/reports';
import { resourcesRoutes } from './modules/resources';
import { systemRoutes } from './modules/system';

/** The API, mounted at /api. Chained so that AppType carries every route to the typed web client. */
function api() {
  return new OpenAPIHono<AppEnv>()
    .route('/', systemRoutes)
    .route('/', authRoutes)
    .route('/', orgsRoutes)
    .route('/', auditRoutes)
    .route('/', facilitiesRoutes)
    .route('/', closuresRoutes)
    .route('/', photosRoutes)
    .route('/', bookingsRoutes)
    .route('/', notificationsRoutes)
    .route('/', calendarRoutes)
    .route('/', reportsRoutes)
    .route('/', lessonsRoutes)
    .route('/', webhooksRoutes)
    .route('/', resourcesRoutes)
    .route('/', exchangesRoutes)
    .route('/', publicPagesRoutes);
}

export type ApiType = ReturnType<typeof api>;

/** Every request body but an upload's is refused past this size, before more of it is read. */
export const MAX_BODY_BYTES = 1024 * 1024;
const limitTo = (message: string) =>
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', message, { maxBytes: MAX_BODY_BYTES });
    },
  });
const bodyLimitOf = {
  default: limitTo(`The request body is larger than ${MAX_BODY_BYTES / 1024} KB`),
  csv: limitTo(`The file is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`),
};
const jsonType = /^application\/([a-z-.]+\+)?json(;|$)/i;
/** A body read whole from Node's own stream, refused past MAX_BODY_BYTES (by its declared length first). */
async function readText(body: Readable, declared: number): Promise<string> {
  const tooLarge = () =>
    new AppError('payload_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB`, {
      maxBytes: MAX_BODY_BYTES,
    });
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return new TextDecoder().decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
}

/**
 * The uploads, by route (never by what a request says its type is): they stream their files to storage against
 * their own, larger limits (MAX_UPLOAD_MB, photos 10 MB).
 */
const UPLOAD_ROUTES = [
  /^\/api\/resources$/,
  /^\/api\/resources\/[^/]+\/versions$/,
  /^\/api\/facilities\/[^/]+\/photos$/,
];
const isUpload = (method: string, path: string) => method === 'POST' && UPLOAD_ROUTES.some((re) => re.test(path));

/** Routes that answer without a signed-in person. Everything else under /api needs one. */
const publicPaths = [
  /^\/api\/health$/,
  /^\/api\/openapi\.json$/,
  /^\/api\/auth\/(login|logout)$/,
  /^\/api\/invitations\/[^/]+(\/accept)?$/,
  /^\/api\/calendar\/[^/]+\.ics$/,
  /^\/api\/livekit\/webhook$/,
];
const isPublicPath = (path: string) => publicPaths.some((re) => re.test(path));

export function createApp(deps: Deps) {
  deps.actorCache ??= new ActorCache();
  deps.publicPageCache ??= new PublicPageCache();
  const app = new OpenAPIHono<AppEnv>();
  // Schools' public pages (/s/…) answer first, before the API's middleware: they are the same HTML for everyone, need
  // no session, request id or log line, and carry security headers of their own (stricter: they run no script), set
  // before their response is made — so a crowd of parents costs little more than the bare route.
  app.use('/s/*', async (c, next) => {
    c.set('deps', deps);
    const cached = cachedPage(c);
    if (cached) return cached;
    await next();
  });
  app.route('/', publicSite);
  app.use('*', requestId({ headerName: 'X-Request-Id', limitLength: 64 }));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    const started = performance.now();
    await next();
    // 503 is a known outage (LiveKit down, no Egress) the answer already explains: a warning, not a server error.
    const level = c.res.status === 503 ? 'warn' : c.res.status >= 500 ? 'error' : 'info';
    if (c.req.path.startsWith('/api/') && deps.log.enabled?.(level) !== false) {
      deps.log.log(level, 'request', {
        reqId: c.get('requestId'),
        method: c.req.method,
        path: loggedPath(c.req.path),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        userId: c.get('actor')?.user.id,
      });
    }
  });
  const documentHeaders = secureHeaders(documentHeaderOptions(deps.config.livekitUrl));
  // The built app's hashed scripts, styles and fonts are never documents: what only a document obeys (CSP, framing,
  // permissions, referrer, opener) would be ~1 KB per file on every first load (BENCHMARKS.md); they keep nosniff,
  // the resource policy and HSTS.
  const assetHeaders = secureHeaders({
    contentSecurityPolicy: undefined,
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  });
  const script = /^\/assets\/[\w.-]+\.(?:js|css|woff2?)$/;
  app.use('*', (c, next) => (script.test(c.req.path) ? assetHeaders(c, next) : documentHeaders(c, next)));
  app.use('/api/*', async (c, next) => {
    await next();
    // On the response's own headers: c.header() after next() rebuilds the response and costs half the throughput.
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use('/api/*', authenticate);
  // Signed-out callers learn they must sign in before anything about their input is checked.
  app.use('/api/*', async (c, next) => {
    if (!c.get('actor') && !isPublicPath(c.req.path)) throw new AppError('unauthenticated', 'Please sign in first');
    await next();
  });
  app.use('/api/*', async (c, next) => {
    // A GET or HEAD has no body to read: asking for one would build the whole web Request that @hono/node-server
    // otherwise never makes (a tenth of a signed-in GET's time, BENCHMARKS.md).
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || isUpload(c.req.method, c.req.path)) return next();
    // On Node a JSON body is read from the socket's own stream, not through that web Request (~5 % of a booking).
    const own = jsonType.test(c.req.header('content-type') ?? '') ? deps.nodeBody?.(c) : undefined;
    if (own) {
      // Hono keeps each body it has read as a promise under its kind (typed as the value, stored as a promise).
      const text = await readText(own, Number(c.req.header('content-length') ?? 0));
      (c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(text);
      return next();
    }
    return (c.req.path === '/api/members/import' ? bodyLimitOf.csv : bodyLimitOf.default)(c, next);
  });

  const routes = app.route('/api', api());
  if (deps.serveWeb) app.get('*', deps.serveWeb);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Tongzhou (同舟) API',
      version: deps.config.version,
      description: 'Shared facilities, curricula, teachers and live dual-teacher lessons.',
    },
    servers: [{ url: '/' }],
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'tz_session',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api')
      return errorResponse(c, new AppError('not_found', `No route ${c.req.method} ${c.req.path}`));
    return c.text('Not found', 404);
  });
  app.onError((err, c) => {
    if (err instanceof AppError) return errorResponse(c, err);
    if (isDatabaseUnavailable(err)) {
      deps.log.log('warn', 'database_unavailable', {
        reqId: c.get('requestId'),
        path: loggedPath(c.req.path),
        err: String(err),
      });
      return errorResponse(c, databaseUnavailable());
    }
    if (err instanceof ZodError)
      return errorResponse(
        c,
        new AppError('validation_failed', 'Some fields are missing or invalid', fieldErrors(err)),
      );
    if (err instanceof HTTPException) {
      const status = err.status;
      const code =
        status === 400
          ? 'invalid_json'
          : status === 413
            ? 'payload_too_large'
            : status === 401
              ? 'unauthenticated'
              : status === 415
                ? 'unsupported_type'
                : 'bad_request';
      const message = status === 400 ? 'The request body is not valid JSON' : err.message || 'Bad request';
      return errorResponse(c, new AppError(code, message), status);
    }
    deps.log.log('error', 'unhandled', {
      reqId: c.get('requestId'),
      path: loggedPath(c.req.path),
      err: String((err as Error)?.stack ?? err),
    });
    return errorResponse(
      c,
      new AppError('internal_error', `Something went wrong on our side (request ${c.get('requestId')})`),
    );
  });

  return routes;
}

function errorResponse(c: import('hono').Context<AppEnv>, err: AppError, status?: number) {
  const body: ErrorBody = {
    error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) },
  };
  for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
  c.header('Cache-Control', 'no-store');
  return c.json(body, (status ?? err.status) as ContentfulStatusCode);
}

export type AppType = ReturnType<typeof createApp>;
