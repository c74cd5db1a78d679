// Rendered public pages, kept for a few seconds: anyone may read a school's page, a link shared in a parents' group
// brings many readers at once, and the page is the same for all of them. An edit of the page forgets the school's
// pages at once, in this process and (by the database's notification, server/lib/forget.ts) in every other Node
// process; a Worker isolate, or a facility or library resource made public, shows within the TTL. Each page carries
// its ETag and its gzip form, made once per rendering.
import { TtlMap } from '../../lib/ttl-map';

export interface RenderedPage {
  schoolId: string;
  html: string;
  /** gzip of the HTML, for readers that accept it; none where the platform compresses answers itself. */
  gzip?: Uint8Array;
  /** A weak validator: the same for both encodings of one page. */
  etag: string;
  /** Each answer's headers, made with the page (a hit then costs a lookup and a Response, nothing more). */
  headers: { notModified: Record<string, string>; html: Record<string, string>; gzip: Record<string, string> };
}

/** A weak ETag of the HTML's SHA-256 (Web Crypto: the same on Node and Workers). */
export async function etagOf(html: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(html));
  const b64 = btoa(String.fromCharCode(...new Uint8Array(digest)))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
  return `W/"${b64.slice(0, 27)}"`;
}

export async function gzipOf(html: string): Promise<Uint8Array> {
  const stream = new Blob([html]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export class PublicPageCache extends TtlMap<RenderedPage> {
  /**
   * `gzip: false` where the platform compresses answers by the reader's Accept-Encoding (Cloudflare Workers): a body
   * already compressed there would be sent as is to whoever the platform decided could read it.
   */
  constructor(
    readonly opts: { gzip: boolean } = { gzip: true },
    ttlMs = 10_000,
    max = 2_000,
  ) {
    super(ttlMs, max);
  }

  /** After an edit of the school's page: every language and address of it. */
  forgetSchool(schoolId: string): void {
    this.forgetWhere((page) => page.schoolId === schoolId);
  }
}
