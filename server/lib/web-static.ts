// The built web app, as the Node door serves it. Files are compressed once, at build time (scripts/build.mjs writes
// `.br` and `.gz` beside each), and the variant a browser accepts is sent as is: hashed assets are cached for a
// year and never asked for again; index.html (every app path falls back to it) is revalidated on each visit by its
// ETag, so a new release is picked up at once and an unchanged page costs a 304.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import { acceptedEncoding, type Encoding, notModified } from './http-cache';

function readVariants(path: string) {
  const variants: Partial<Record<Encoding, Buffer>> = {};
  if (existsSync(`${path}.br`)) variants.br = readFileSync(`${path}.br`);
  if (existsSync(`${path}.gz`)) variants.gzip = readFileSync(`${path}.gz`);
  return variants;
}

/** Serves the built SPA from `dir`, or undefined when there is no build there. */
export function webHandler(dir: string): MiddlewareHandler<AppEnv> | undefined {
  const indexPath = resolve(dir, 'index.html');
  if (!existsSync(indexPath)) return undefined;
  const index = readFileSync(indexPath);
  const indexVariants = readVariants(indexPath);
  const etag = `"${createHash('sha256').update(index).digest('base64url').slice(0, 22)}"`;
  const assets = serveStatic({ root: dir, precompressed: true });
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    if (c.req.path.startsWith('/api/')) return next();
    if (c.req.path.startsWith('/assets/')) {
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      return assets(c, async () => {
        c.res = c.text('Not found', 404);
      });
    }
    const file = resolve(dir, `.${c.req.path}`);
    if (/\.[a-z0-9]+$/i.test(c.req.path) && file.startsWith(dir) && existsSync(file)) {
      c.header('Cache-Control', 'public, max-age=3600');
      return assets(c, next);
    }
    c.header('Cache-Control', 'no-cache');
    c.header('ETag', etag);
    c.header('Vary', 'Accept-Encoding');
    if (notModified(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    const encoding = acceptedEncoding(c.req.header('accept-encoding'), Object.keys(indexVariants) as Encoding[]);
    const body = encoding ? (indexVariants[encoding] as Buffer) : index;
    if (encoding) c.header('Content-Encoding', encoding);
    c.header('Content-Type', 'text/html; charset=UTF-8');
    return c.body(new Uint8Array(body), 200);
  };
}
