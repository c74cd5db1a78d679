import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../lib/context';
import { secretHash } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import { sessionCookieOf } from './auth.cookie';
import { loadActor } from './auth.queries';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Puts the signed-in person (or null) on the context. Never rejects by itself: routes decide. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization');
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const cookie = bearer ? undefined : sessionCookieOf(c);
  const actor = bearer
    ? await cachedActor(c, bearer, 'bearer')
    : cookie
      ? await cachedActor(c, cookie, 'cookie')
      : null;
  // Another scheme (LiveKit signs its webhooks in Authorization) is not ours to judge; a bad Bearer token is.
  if (bearer && !actor) throw new AppError('unauthenticated', 'The bearer token is invalid, expired or revoked');
  if (actor?.via === 'cookie' && !SAFE_METHODS.has(c.req.method)) assertSameOrigin(c);
  c.set('actor', actor);
  await next();
});

async function cachedActor(c: Context<AppEnv>, token: string, via: Actor['via']): Promise<Actor | null> {
  const { database, actorCache } = c.get('deps');
  const load = () => loadActor(database.db, token, via);
  return actorCache ? actorCache.getOrLoad(`${via}:${secretHash(token)}`, load) : load();
}

/**
 * CSRF protection for cookie-authenticated writes, the way Go 1.25's CrossOriginProtection does it:
 * browsers send Sec-Fetch-Site and/or Origin on every cross-origin write, so a write that says it came
 * from another site is refused. A request with neither header is not from a browser and carries no
 * ambient authority worth forging. SameSite=Lax on the cookie is the second layer.
 */
function assertSameOrigin(c: Context<AppEnv>) {
  const site = c.req.header('sec-fetch-site');
  if (site === 'same-origin' || site === 'none') return;
  const origin = c.req.header('origin');
  if (!site && !origin) return;
  if (origin) {
    const own = new URL(c.req.url).origin;
    const allowed = c.get('deps').config.allowedOrigins;
    if (origin === own || allowed.includes(origin) || sameHost(origin, c.req.header('host'))) return;
  }
  throw new AppError('csrf_rejected', 'This request came from another site and was refused');
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return !!host && new URL(origin).host === host;
  } catch {
    return false;
  }
}
