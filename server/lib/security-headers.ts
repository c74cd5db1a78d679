// The security headers of every document and API answer (server/app.ts), in a module of their own so that the
// benches' bare routes can send exactly the same (bench/bare-server.ts, bench/variant-server.ts) without loading
// any application code.
import type { secureHeaders } from 'hono/secure-headers';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

export function contentSecurityPolicy(livekitUrl: string | null) {
  const media = livekitUrl ? [livekitUrl.replace(/^http/, 'ws'), livekitUrl.replace(/^ws/, 'http')] : [];
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"], // Solid sets style attributes at run time
    imgSrc: ["'self'", 'data:', 'blob:'],
    mediaSrc: ["'self'", 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", ...media],
    workerSrc: ["'self'", 'blob:'],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    objectSrc: ["'none'"],
  };
}

/** hono/secure-headers' options for documents and API answers. */
export function documentHeaderOptions(livekitUrl: string | null): SecureHeadersOptions {
  return {
    contentSecurityPolicy: contentSecurityPolicy(livekitUrl),
    permissionsPolicy: { camera: ['self'], microphone: ['self'], displayCapture: ['self'], fullscreen: ['self'] },
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginEmbedderPolicy: false,
    // A route that sets its own policy keeps it: the library's inline preview may be framed by our own page.
    overwrite: false,
  };
}
