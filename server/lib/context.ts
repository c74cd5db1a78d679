import type { MiddlewareHandler } from 'hono';
import type { PublicPageCache } from '../modules/public-pages/public-pages.cache';
import type { Storage } from '../modules/resources/storage';
import type { ActorCache } from './actor-cache';
import type { Database } from './db';
import type { Logger } from './log';
import type { Actor } from './policy';

export interface Config {
  /** Public origin(s) allowed to send cookie-authenticated writes besides the request's own. */
  allowedOrigins: string[];
  /** Whether X-Forwarded-For / CF-Connecting-IP may be trusted for the client address. */
  trustProxy: boolean;
  livekitUrl: string | null;
  /** Credentials to mint tokens and manage rooms; null when no LiveKit server is configured (joins answer 503). */
  livekit?: { url: string; apiKey: string; apiSecret: string } | null;
  /** LiveKit Egress attached to that server, writing recordings into our S3 bucket; null: teachers' browsers record. */
  egress?: { s3: { endpoint: string; bucket: string; region: string; accessKey: string; secret: string } } | null;
  /** The web app's version, for cache-busting and the health answer. */
  version: string;
  /** Largest accepted upload in bytes (default 500 MB). */
  maxUploadBytes?: number;
}

export interface Deps {
  database: Database;
  config: Config;
  log: Logger;
  /** Whether the LiveKit server answers ("starting" while npm start still builds it); null when none is configured. */
  livekitStatus?: () => Promise<'ok' | 'down' | 'starting'>;
  /** The connection's own address when the runtime knows it (Node socket). */
  remoteAddress?: (c: unknown) => string | undefined;
  /**
   * The request's body as the runtime's own stream (Node's IncomingMessage), for uploads: read directly it is not
   * turned into a web stream and back, which halved a large upload's rate. Absent elsewhere (Workers, tests).
   */
  nodeBody?: (c: unknown) => import('node:stream').Readable | undefined;
  /** Where uploaded files live; absent where there is none (uploads answer 503). */
  storage?: Storage;
  /** Signed-in people for a few seconds (createApp makes one when none is given). */
  actorCache?: ActorCache;
  /** Schools' rendered public pages for a few seconds (createApp makes one when none is given). */
  publicPageCache?: PublicPageCache;
  /** Serves the built web app (Node door); Workers serve it from static assets instead. */
  serveWeb?: MiddlewareHandler<AppEnv>;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    actor: Actor | null;
    deps: Deps;
  };
}

/** The context of a route that only signed-in people reach (see signedInRouter): the actor is there. */
export interface SignedInEnv extends AppEnv {
  Variables: AppEnv['Variables'] & { actor: Actor };
}

/**
 * What a service needs to know of the request it serves, without Hono's Context: the request id (recorded in
 * the audit trail) and the client's address. A CLI, a job or a test builds one by hand.
 */
export interface RequestMeta {
  requestId: string | null;
  ip: string | null;
}
