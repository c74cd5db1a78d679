import type { Context } from 'hono';
import type { Locale } from '../../../shared/enums';
import { SCHOOL_CODE } from '../../../shared/schemas/orgs';
import { publicPagePath } from '../../../shared/schemas/public-pages';
import type { AppEnv, SignedInEnv } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { acceptedEncoding, notModified } from '../../lib/http-cache';
import { dbOf, type PublicHandler, requestMeta, type SignedInHandler } from '../../lib/router';
import { getManagedOrg } from '../orgs/orgs.queries';
import { etagOf, gzipOf, type RenderedPage } from './public-pages.cache';
import type * as contract from './public-pages.contract';
import { renderProblemPage, renderPublicPage } from './public-pages.page';
import { editorView, readPublicPage } from './public-pages.queries';
import { updatePublicPage } from './public-pages.service';

/** A school the caller administers (its admins, its group's or district's); other organisations have no page. */
async function managedSchool(c: Context<SignedInEnv>, id: string) {
  const org = await getManagedOrg(dbOf(c), c.get('actor'), id);
  if (org.kind !== 'school') throw notFound('public page');
  return org;
}

export const get: SignedInHandler<typeof contract.get> = async (c) => {
  const school = await managedSchool(c, c.req.valid('param').id);
  return c.json({ publicPage: await editorView(dbOf(c), school) }, 200);
};

export const update: SignedInHandler<typeof contract.update> = async (c) => {
  const school = await managedSchool(c, c.req.valid('param').id);
  await updatePublicPage(dbOf(c), c.get('actor'), { school, input: c.req.valid('json') }, requestMeta(c));
  c.get('deps').publicPageCache?.forgetSchool(school.id);
  return c.json({ publicPage: await editorView(dbOf(c), school) }, 200);
};

/**
 * Any cache may keep the page, and asks again on each visit (a cheap 304 while it is unchanged): an edit shows at once,
 * also to the admin who just made it.
 */
const CACHE_CONTROL = 'public, no-cache';

/** The site's own address, as the reader reached it (a trusted proxy says its scheme). */
function originOf(c: Context<AppEnv>): string {
  // The runtime's URL is normalised (Node's adapter and Workers both): its origin ends at the first "/" of the path.
  const url = c.req.url;
  const origin = url.slice(0, url.indexOf('/', url.indexOf('://') + 3));
  const proto = c.get('deps').config.trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() : null;
  return proto === 'https' || proto === 'http' ? `${proto}://${origin.slice(origin.indexOf('://') + 3)}` : origin;
}

/**
 * The pages' own security headers (app.ts serves them before its secureHeaders): nothing may run, load or frame them
 * but their inline style — a school's text that somehow became markup could still do nothing. CSP's frame-ancestors
 * does what X-Frame-Options did (every browser since 2016); the referrer policy is the page's own <meta>; HSTS goes
 * with HTTPS answers only (a browser ignores it over HTTP). Each header is bytes on every answer to a crowd of readers.
 */
function siteHeadersOf(origin: string): Record<string, string> {
  return {
    'Content-Security-Policy':
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    ...(origin.startsWith('https:') ? { 'Strict-Transport-Security': 'max-age=15552000; includeSubDomains' } : {}),
  };
}

/** A plain HTML page for an address that names no school: 404, in the address's language. */
export function problemPage(c: Context<AppEnv>, kind: 'notFound' | 'unavailable', status: 404 | 500 | 503) {
  for (const [name, value] of Object.entries(siteHeadersOf(originOf(c)))) c.header(name, value);
  c.header('Cache-Control', kind === 'notFound' ? 'public, max-age=60' : 'no-store');
  return c.html(renderProblemPage(kind, c.req.path.endsWith('/en') ? 'en' : 'zh'), status);
}

/** Each answer's headers for a page: a 304 says what the page's 200 would (its validator and caching). */
function headersOf(etag: string, origin: string): RenderedPage['headers'] {
  const notModified = { ...siteHeadersOf(origin), ETag: etag, 'Cache-Control': CACHE_CONTROL, Vary: 'Accept-Encoding' };
  // The page's language is its <html lang>.
  const html = { ...notModified, 'Content-Type': 'text/html; charset=UTF-8' };
  return { notModified, html, gzip: { ...html, 'Content-Encoding': 'gzip' } };
}

/** A rendered page's answer to a reader: 304 while their copy is current, gzip when they accept it, else the HTML. */
function answerOf(page: RenderedPage, ifNoneMatch: string | undefined, acceptEncoding: string | undefined) {
  if (notModified(ifNoneMatch, page.etag))
    return new Response(null, { status: 304, headers: page.headers.notModified });
  if (page.gzip && acceptedEncoding(acceptEncoding, ['gzip']))
    return new Response(page.gzip as Uint8Array<ArrayBuffer>, { status: 200, headers: page.headers.gzip });
  return new Response(page.html, { status: 200, headers: page.headers.html });
}

const keyOf = (origin: string, code: string, lang: Locale) => `${origin} ${code} ${lang}`;
const PAGE_PATH = /^\/s\/([^/]+)(\/en)?$/;

/**
 * A page the cache holds, answered before any routing (app.ts): a link shared in a parents' group brings a crowd,
 * and each of them costs a lookup. Anything else — a miss, an odd address — goes on to the routes below.
 */
export function cachedPage(c: Context<AppEnv>): Response | null {
  const cache = c.get('deps').publicPageCache;
  const m = cache && c.req.method === 'GET' ? PAGE_PATH.exec(c.req.path) : null;
  const code = m?.[1];
  if (!cache || !code || !SCHOOL_CODE.test(code)) return null;
  const page = cache.get(keyOf(originOf(c), code, m[2] ? 'en' : 'zh'));
  return page ? answerOf(page, c.req.header('if-none-match'), c.req.header('accept-encoding')) : null;
}

async function servePage(c: Context<AppEnv>, code: string, lang: Locale) {
  // What cannot be a school code names no school (and never reaches the database: a NUL would make it fail).
  if (!SCHOOL_CODE.test(code)) return problemPage(c, 'notFound', 404);
  const deps = c.get('deps');
  const origin = originOf(c);
  const key = keyOf(origin, code, lang);
  let page: RenderedPage | undefined = deps.publicPageCache?.get(key);
  if (!page) {
    const data = await readPublicPage(dbOf(c), code);
    if (!data) return problemPage(c, 'notFound', 404);
    if (data.school.code !== code) return c.redirect(publicPagePath(data.school.code, lang), 301);
    const html = renderPublicPage(data, lang, origin);
    const gzip = deps.publicPageCache?.opts.gzip === false ? undefined : await gzipOf(html);
    const etag = await etagOf(html);
    page = { schoolId: data.school.id, html, etag, headers: headersOf(etag, origin), ...(gzip ? { gzip } : {}) };
    deps.publicPageCache?.set(key, page);
  }
  return answerOf(page, c.req.header('if-none-match'), c.req.header('accept-encoding'));
}

export const site: PublicHandler<typeof contract.site> = (c) => servePage(c, c.req.valid('param').schoolCode, 'zh');
export const siteEn: PublicHandler<typeof contract.siteEn> = (c) => servePage(c, c.req.valid('param').schoolCode, 'en');
