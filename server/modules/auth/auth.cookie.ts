// The session cookie is HTTP's half of a session: the services create, rotate and revoke the session row and
// hand back its token; handlers put that token in the browser or take it out again.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../lib/context';
import { SESSION_TTL_MS } from './auth.queries';

const SESSION_COOKIE = 'tz_session';

/** The session token the browser sent, if any. */
export const sessionCookieOf = <E extends AppEnv>(c: Context<E>): string | undefined => getCookie(c, SESSION_COOKIE);

export function setSessionCookie<E extends AppEnv>(c: Context<E>, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie<E extends AppEnv>(c: Context<E>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Secure cookies over HTTPS, including HTTPS that a trusted reverse proxy terminated. */
function isHttps<E extends AppEnv>(c: Context<E>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return c.get('deps').config.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}
