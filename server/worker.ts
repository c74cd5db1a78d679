// The Cloudflare Workers door: parses the bindings, opens PostgreSQL through Hyperdrive for this request
// and hands the request to the one app. The built web app is served by Wrangler's static assets
// (wrangler.toml), so nothing here serves files. Never import server/lib/db-node.ts from here: it pulls
// PGlite and its WebAssembly into the bundle.
import type { ExecutionContext } from 'hono';
import { z } from 'zod';
import { createApp } from './app';
import { commonEnv, configFrom, maxUploadMb, parseConfigEnv, s3Env } from './config';
import { ActorCache } from './lib/actor-cache';
import type { Config, Deps } from './lib/context';
import { openPostgres } from './lib/db';
import { livekitProbe } from './lib/livekit-probe';
import { createLogger, type Logger } from './lib/log';
import { PublicPageCache } from './modules/public-pages/public-pages.cache';
import { S3StreamingStorage } from './modules/resources/s3-streaming-storage';
import { runScheduled } from './scheduled';

/** The part of the Hyperdrive binding used here; declared locally so the project's types stay Node's. */
interface Hyperdrive {
  readonly connectionString: string;
}

/** Bindings and vars, parsed with zod like the Node door's environment. Unknown bindings (ASSETS) are ignored. */
const workerEnv = commonEnv.extend(s3Env.shape).extend({
  /** Largest accepted upload, in MB (Cloudflare's own limit on a request's body, 100 MB on most plans, comes first). */
  MAX_UPLOAD_MB: maxUploadMb.optional(),
  HYPERDRIVE: z.custom<Hyperdrive>(
    (v) => typeof (v as Partial<Hyperdrive> | null)?.connectionString === 'string',
    'must be a Hyperdrive binding',
  ),
  APP_VERSION: z.string().default('0.1.0'),
});
type WorkerEnv = z.infer<typeof workerEnv>;

interface Isolate {
  env: WorkerEnv;
  config: Config;
  log: Logger;
  livekitStatus: Deps['livekitStatus'];
  /** Signed-in people, kept across this isolate's requests. */
  actorCache: ActorCache;
  /** Schools' rendered public pages, kept across this isolate's requests. */
  publicPageCache: PublicPageCache;
  /** The bucket uploads stream into, when S3_ENDPOINT is set (a Worker has no disk). */
  storage: S3StreamingStorage | undefined;
}

// Bindings do not change within an isolate, so they are parsed once per env object, not per request.
const isolates = new WeakMap<object, Isolate | Error>();

function isolateFor(raw: Record<string, unknown>): Isolate | Error {
  const known = isolates.get(raw);
  if (known) return known;
  let isolate: Isolate | Error;
  try {
    const env = parseConfigEnv(workerEnv, raw);
    isolate = {
      env,
      log: createLogger(env.LOG_LEVEL),
      // Cloudflare's edge sets CF-Connecting-IP; there is no socket address to read.
      config: configFrom(env, { version: env.APP_VERSION, trustProxy: true }),
      livekitStatus: livekitProbe(env.LIVEKIT_URL),
      actorCache: new ActorCache(),
      // Cloudflare compresses the pages by each reader's Accept-Encoding.
      publicPageCache: new PublicPageCache({ gzip: false }),
      storage: env.S3_ENDPOINT
        ? new S3StreamingStorage({
            endpoint: env.S3_ENDPOINT,
            bucket: env.S3_BUCKET,
            region: env.S3_REGION,
            accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
            secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
          })
        : undefined,
    };
  } catch (err) {
    isolate = err instanceof Error ? err : new Error(String(err));
  }
  isolates.set(raw, isolate);
  return isolate;
}

/** This isolate, or undefined once what is wrong with its bindings is logged (each request or job says so again). */
function configured(raw: Record<string, unknown>): Isolate | undefined {
  const isolate = isolateFor(raw);
  if (!(isolate instanceof Error)) return isolate;
  console.error(JSON.stringify({ t: new Date().toISOString(), level: 'error', msg: isolate.message }));
  return undefined;
}

export default {
  async fetch(request: Request, raw: Record<string, unknown>, ctx: ExecutionContext): Promise<Response> {
    const isolate = configured(raw);
    if (!isolate) {
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
        publicPageCache: isolate.publicPageCache,
        storage: isolate.storage,
      });
      return await app.fetch(request, raw, ctx);
    } finally {
      ctx.waitUntil(database.close());
    }
  },
  /** The hourly jobs (server/scheduled.ts), on the cron trigger in wrangler.toml. */
  async scheduled(_event: unknown, raw: Record<string, unknown>, ctx: ExecutionContext): Promise<void> {
    const isolate = configured(raw);
    if (!isolate) return;
    const database = openPostgres(isolate.env.HYPERDRIVE.connectionString, { max: 1 });
    try {
      await runScheduled(database.db, isolate.log);
    } finally {
      ctx.waitUntil(database.close());
    }
  },
};
