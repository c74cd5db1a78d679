// The web app's files as the Node door sends them: compressed once at build time (precompress), chosen by
// Accept-Encoding, hashed assets cached for good, the page itself revalidated by its ETag. A small build of its own,
// so this runs without the real one.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { precompress } from '../../scripts/build.mjs';
import type { AppEnv } from '../../server/lib/context';
import { webHandler } from '../../server/lib/web-static';

const dir = mkdtempSync(join(tmpdir(), 'tz-web-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, 'assets'));
const page = `<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head>${'<p>同舟</p>'.repeat(80)}</html>`;
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `词语${i % 37}`))};\n`;
writeFileSync(join(dir, 'index.html'), page);
writeFileSync(join(dir, 'assets/app-abc123.js'), script);
writeFileSync(join(dir, 'assets/tiny-1.js'), 'export {};\n');
precompress(dir);
const handler = webHandler(dir);
if (!handler) throw new Error('no web build in the fixture');
const app = new Hono<AppEnv>().use('*', handler);
const get = (path: string, headers: Record<string, string> = {}) => app.request(`http://localhost${path}`, { headers });

async function bytesOf(res: Response) {
  return Buffer.from(await res.arrayBuffer());
}

describe('web app files: compressed once, cached as they may be', () => {
  it('a script goes out as brotli or gzip by Accept-Encoding, identical once unpacked, and far smaller', async () => {
    const br = await get('/assets/app-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    const packed = await bytesOf(br);
    expect(brotliDecompressSync(packed).toString()).toBe(script);
    expect(packed.length).toBeLessThan(script.length / 4);

    const gz = await get('/assets/app-abc123.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytesOf(gz)).toString()).toBe(script);

    const plain = await get('/assets/app-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await bytesOf(plain)).toString()).toBe(script);
  });

  it('hashed assets are cached for a year as immutable; a file too small to gain is sent as it is', async () => {
    const res = await get('/assets/app-abc123.js', { 'accept-encoding': 'br' });
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const tiny = await get('/assets/tiny-1.js', { 'accept-encoding': 'br' });
    expect(tiny.headers.get('content-encoding')).toBeNull();
  });

  it('the page (and every app path) is compressed too, revalidated each visit, and 304 when unchanged', async () => {
    const res = await get('/library/some-id', { 'accept-encoding': 'br' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(brotliDecompressSync(await bytesOf(res)).toString()).toBe(page);
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': etag ?? '' });
    expect(again.status).toBe(304);
    expect((await bytesOf(again)).length).toBe(0);
    expect((await get('/', { 'if-none-match': '"old"' })).status).toBe(200);
  });
});
