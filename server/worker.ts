// The Cloudflare Workers door: parses the bindings, opens PostgreSQL through Hyperdrive for this request
// and hands the request to the one app. The built web app is served by Wrangler's static assets
// (wrangler.toml), so nothing here serves files. Never import server/lib/db-node.ts from here: it pulls
// PGlite and its WebAssembly into the bundle.
import type { ExecutionContext } from 'hono';
import { z } from 'zod';
import { createApp } from './app';
import { ActorCache } from './lib/actor-cache';
import type { Config, Deps } from './lib/context';
import { openPostgres } from './lib/db';
import { livekitProbe } from './lib/livekit-probe';
import { createLogger, type Level, type Logger } from './lib/log';

/** The part of the Hyperdrive binding used here; declared locally so the project's types stay Node's. */
interface Hyperdrive {
  readonly connectionString: string;
}

/** Bindings and vars, parsed with zod like the Node door's environment. Unknown bindings (ASSETS) are ignored. */
const workerEnv = z.object({
  HYPERDRIVE: z.custom<Hyperdrive>(
    (v) => typeof (v as Partial<Hyperdrive> | null)?.connectionString === 'string',
    'must be a Hyperdrive binding',
  ),
  LIVEKIT_URL: z.string().url().optional(),
  LIVEKIT_API_KEY: z.string().optional(),
  LIVEKIT_API_SECRET: z.string().optional(),
  /** Comma-separated origins besides the Worker's own that may send signed-in writes. */
  ALLOWED_ORIGINS: z.string().default(''),
  APP_VERSION: z.string().default('0.1.0'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info') as z.ZodType<Level | 'silent'>,
});
type WorkerEnv = z.infer<typeof workerEnv>;

interface Isolate {
  env: WorkerEnv;
  config: Config;
  log: Logger;
  livekitStatus: Deps['livekitStatus'];
  /** Signed-in people, kept across this isolate's requests. */
  actorCache: ActorCache;
}

// Bindings do not change within an isolate, so they are parsed once per env object, not per request.
const isolates = new WeakMap<object, Isolate | Error>();

function isolateFor(raw: Record<string, unknown>): Isolate | Error {
  const known = isolates.get(raw);
  if (known) return known;
  // Like the Node door, an empty var counts as unset.
  const result = workerEnv.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== '')));
  const isolate = result.success
    ? {
        env: result.data,
        log: createLogger(result.data.LOG_LEVEL),
        config: {
          allowedOrigins: result.data.ALLOWED_ORIGINS.split(',')
            .map((s) => s.trim())
            .filter(Boolean),
          trustProxy: true, // Cloudflare's edge sets CF-Connecting-IP; there is no socket address to read
          livekitUrl: result.data.LIVEKIT_URL ?? null,
          livekit:
            result.data.LIVEKIT_URL && result.data.LIVEKIT_API_KEY && result.data.LIVEKIT_API_SECRET
              ? {
                  url: result.data.LIVEKIT_URL,
                  apiKey: result.data.LIVEKIT_API_KEY,
                  apiSecret: result.data.LIVEKIT_API_SECRET,
                }
              : null,
          version: result.data.APP_VERSION,
        },
        livekitStatus: livekitProbe(result.data.LIVEKIT_URL),
        actorCache: new ActorCache(),
      }
    : new Error(
        `Configuration is not valid: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
  isolates.set(raw, isolate);
  return isolate;
}

export default {
  async fetch(request: Request, raw: Record<string, unknown>, ctx: ExecutionContext): Promise<Response> {
    const isolate = isolateFor(raw);
    if (isolate instanceof Error) {
      console.error(JSON.stringify({ t: new Date().toISOString(), level: 'error', msg: isolate.message }));
      // The contract's error shape, never the runtime's HTML page.
      return Response.json(
        { error: { code: 'internal_error', message: 'The server is misconfigured' } },
        { status: 500, headers: { 'Cache-Control': 'no-store' } },
      );
    }
    // Hyperdrive pools the real connections, so its docs recommend a fresh postgres.js client per request,
    // capped at 5 connections (Workers allow 6 concurrent outgoing connections per request) and closed once
    // the response is sent. The client connects lazily, and createApp costs ~0.3 ms (measured on Node), so the
    // app is built per request too rather than cached with a database handle it must not keep.
    const database = openPostgres(isolate.env.HYPERDRIVE.connectionString, { max: 5 });
    try {
      const app = createApp({
        database,
        config: isolate.config,
        log: isolate.log,
        livekitStatus: isolate.livekitStatus,
        actorCache: isolate.actorCache,
      });
      return await app.fetch(request, raw, ctx);
    } finally {
      ctx.waitUntil(database.close());
    }
  },
};
