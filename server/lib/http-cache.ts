// What a client asks of a cacheable answer: which compressed form it accepts, and whether the copy it holds is still
// good. For the built web app's files and the public pages.

export type Encoding = 'br' | 'gzip';

/** The best precompressed encoding an Accept-Encoding header allows (q=0 refuses one), or null for none. */
export function acceptedEncoding(header: string | undefined, available: readonly Encoding[]): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name.trim(), q ? Number(q.slice(2)) || 0 : 1);
  }
  const wildcard = accepted.get('*') ?? 0;
  // Brotli first: a third smaller than gzip for this bundle.
  for (const encoding of ['br', 'gzip'] as const) {
    if (available.includes(encoding) && (accepted.get(encoding) ?? wildcard) > 0) return encoding;
  }
  return null;
}

/**
 * Whether an If-None-Match header names this ETag (or is `*`): the client's copy is current and a 304 will do. The
 * comparison is weak (RFC 9110 §13.1.2), as If-None-Match asks: `W/"x"` and `"x"` are the same.
 */
export function notModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}
