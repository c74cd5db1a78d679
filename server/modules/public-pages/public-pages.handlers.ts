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
  const url = new URL(c.req.url);
  const proto = c.get('deps').config.trustProxy ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() : null;
  return proto === 'https' || proto === 'http' ? `${proto}://${url.host}` : url.origin;
}

/**
 * The pages' own security headers (app.ts serves them before its secureHeaders): nothing may run, load or frame them
 * but their inline style — a school's text that somehow became markup could still do nothing.
 */
const SITE_HEADERS: [string, string][] = [
  [
    'Content-Security-Policy',
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  ],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
];
const siteHeaders = (c: Context<AppEnv>) => {
  for (const [name, value] of SITE_HEADERS) c.header(name, value);
};

/** A plain HTML page for an address that names no school: 404, in the address's language. */
export function problemPage(c: Context<AppEnv>, kind: 'notFound' | 'unavailable', status: 404 | 500 | 503) {
  siteHeaders(c);
  c.header('Cache-Control', kind === 'notFound' ? 'public, max-age=60' : 'no-store');
  return c.html(renderProblemPage(kind, c.req.path.endsWith('/en') ? 'en' : 'zh'), status);
}

async function servePage(c: Context<AppEnv>, code: string, lang: Locale) {
  // What cannot be a school code names no school (and never reaches the database: a NUL would make it fail).
  if (!SCHOOL_CODE.test(code)) return problemPage(c, 'notFound', 404);
  const deps = c.get('deps');
  const origin = originOf(c);
  const key = `${origin} ${code} ${lang}`;
  let page: RenderedPage | undefined = deps.publicPageCache?.get(key);
  if (!page) {
    const data = await readPublicPage(dbOf(c), code);
    if (!data) return problemPage(c, 'notFound', 404);
    if (data.school.code !== code) return c.redirect(publicPagePath(data.school.code, lang), 301);
    const html = renderPublicPage(data, lang, origin);
    const gzip = deps.publicPageCache?.opts.gzip === false ? undefined : await gzipOf(html);
    page = { schoolId: data.school.id, html, etag: await etagOf(html), ...(gzip ? { gzip } : {}) };
    deps.publicPageCache?.set(key, page);
  }
  siteHeaders(c);
  c.header('ETag', page.etag);
  c.header('Cache-Control', CACHE_CONTROL);
  c.header('Vary', 'Accept-Encoding');
  if (notModified(c.req.header('if-none-match'), page.etag)) return c.body(null, 304);
  c.header('Content-Language', lang === 'zh' ? 'zh-CN' : 'en');
  if (page.gzip && acceptedEncoding(c.req.header('accept-encoding'), ['gzip'])) {
    c.header('Content-Encoding', 'gzip');
    c.header('Content-Type', 'text/html; charset=UTF-8');
    return c.body(page.gzip as Uint8Array<ArrayBuffer>, 200);
  }
  return c.html(page.html, 200);
}

export const site: PublicHandler<typeof contract.site> = (c) => servePage(c, c.req.valid('param').schoolCode, 'zh');
export const siteEn: PublicHandler<typeof contract.siteEn> = (c) => servePage(c, c.req.valid('param').schoolCode, 'en');
