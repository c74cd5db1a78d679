// Diagnostic for the /api/me figure: bench/bare-server.ts's route plus, chosen by BENCH_VARIANT (comma
// separated), pieces of the middleware server/app.ts puts in front of every /api route, to show what each
// costs on top of the bare route. Kept apart from bare-server.ts so the baseline loads nothing extra.
//   request-id           hono/request-id, as app.ts configures it
//   secure-headers       hono/secure-headers with app.ts's options (CSP, Permissions-Policy, …)
//   header-after-next    c.header('Cache-Control', 'no-store') after `await next()` (app.ts's /api/* middleware)
//   header-before-next   the same header set before `await next()`
//   res-headers-set      the same header set after `await next()` with c.res.headers.set()
//   cookie               getCookie(c, 'tz_session') and a SHA-256 of it, as the authenticate middleware does
//   all-app              request-id + secure-headers + header-after-next + cookie (what app.ts does)
//   all-app-fixed        the same with res-headers-set instead of header-after-next

import { createHash } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { documentHeaderOptions } from '../server/lib/security-headers';

const variant = new Set((process.env.BENCH_VARIANT ?? '').split(',').filter(Boolean));
const bundles: Record<string, string[]> = {
  'all-app': ['request-id', 'secure-headers', 'header-after-next', 'cookie'],
  'all-app-fixed': ['request-id', 'secure-headers', 'res-headers-set', 'cookie'],
};
const has = (name: string) => variant.has(name) || [...variant].some((v) => bundles[v]?.includes(name));

const app = new Hono();
if (has('request-id')) app.use('*', requestId({ headerName: 'X-Request-Id', limitLength: 64 }));
if (has('secure-headers')) {
  app.use('*', secureHeaders(documentHeaderOptions(null)));
}
if (has('header-after-next')) {
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
}
if (has('header-before-next')) {
  app.use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });
}
if (has('res-headers-set')) {
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });
}
if (has('cookie')) {
  app.use('*', async (c, next) => {
    const token = getCookie(c, 'tz_session');
    if (token) createHash('sha256').update(token).digest('base64url');
    await next();
  });
}
app.get('/bare', (c) => c.json({ ok: true }));

const port = Number(process.env.PORT ?? 0);
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) => {
  console.log(JSON.stringify({ ready: true, port: info.port, variant: [...variant] }));
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
