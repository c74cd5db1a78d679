// Configuration, parsed once with zod at each door: server/node.ts reads the process environment,
// server/worker.ts a Worker's bindings and vars. configFrom() turns either into the app's Config, so both doors
// mean the same by the same variable. Every variable is optional (CONTRACT.md, Configuration).
import { z } from 'zod';
import type { Config } from './lib/context';
import type { Level } from './lib/log';

const flag = z.enum(['0', '1']);

/** What both doors read. */
export const commonEnv = z.object({
  LIVEKIT_URL: z.string().url().optional(),
  LIVEKIT_API_KEY: z.string().optional(),
  LIVEKIT_API_SECRET: z.string().optional(),
  /** Comma-separated origins besides the server's own that may send signed-in writes (e.g. the Vite dev server). */
  ALLOWED_ORIGINS: z.string().default(''),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info') as z.ZodType<Level | 'silent'>,
});

/**
 * S3-compatible object storage for uploaded files. On Node, when S3_ENDPOINT is unset, files live under DATA_DIR; a
 * Worker has no disk, so without it a Worker's uploads answer 503.
 */
export const s3Env = z.object({
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(3).max(63).default('tongzhou'),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
});

/** Largest accepted upload, in MB (both doors; a Worker's has no default: Cloudflare's own limit comes first). */
export const maxUploadMb = z.coerce.number().int().min(1).max(10_000);

/** The Node door's environment. */
export const nodeEnv = commonEnv.extend(s3Env.shape).extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./.data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  /** With no LIVEKIT_URL, run the locally built server (npm run livekit:install) on loopback; 0 turns that off. */
  LIVEKIT_AUTOSTART: flag.default('1'),
  /** First of three ports for that local server: HTTP/WebSocket, then ICE/TCP, then ICE/UDP. */
  LIVEKIT_PORT: z.coerce.number().int().min(1024).max(65530).default(7880),
  /**
   * This machine's address on the school's network (e.g. 192.168.1.10): that local server listens there too and is
   * offered to browsers there, so classrooms on other computers join; unset, it serves this machine only.
   */
  LIVEKIT_ADDRESS: z.ipv4().optional(),
  /**
   * TURN over TLS from that local server, for networks that let only HTTPS out: a name browsers reach this machine
   * by, and a certificate and key (PEM files) valid for it. Browsers are told port 443 (LiveKit always says 443).
   */
  LIVEKIT_TURN_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, 'must be a host name')
    .optional(),
  LIVEKIT_TURN_CERT: z.string().optional(),
  LIVEKIT_TURN_KEY: z.string().optional(),
  /** Where that TURN server listens: 443, or another port a load balancer forwards 443 to. */
  LIVEKIT_TURN_PORT: z.coerce.number().int().min(1).max(65535).default(443),
  /** 1: a LiveKit Egress service is attached to LIVEKIT_URL and writes room recordings into the S3 bucket below. */
  LIVEKIT_EGRESS: flag.default('0'),
  SEED_DEMO: flag.default('1'),
  /** 1: this process runs the hourly jobs (server/scheduled.ts); with several processes, any or all may. */
  SCHEDULED_JOBS: flag.default('1'),
  TRUST_PROXY: flag.default('0'),
  /** Largest accepted upload, in MB. */
  MAX_UPLOAD_MB: maxUploadMb.default(500),
});
export type NodeEnv = z.infer<typeof nodeEnv>;

/** The local server's TURN settings: all three of domain, certificate and key, or none. */
const turnComplete = (e: NodeEnv) => {
  const given = [e.LIVEKIT_TURN_DOMAIN, e.LIVEKIT_TURN_CERT, e.LIVEKIT_TURN_KEY].filter(Boolean).length;
  return given === 0 || given === 3;
};

/** Parses an environment (an empty variable counts as unset); the error names every bad variable. */
export function parseConfigEnv<S extends z.ZodType>(schema: S, env: Record<string, unknown>): z.infer<S> {
  const result = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Configuration is not valid:\n${lines}`);
  }
  return result.data;
}

export const parseEnv = (env: Record<string, string | undefined>): NodeEnv =>
  parseConfigEnv(
    nodeEnv.refine(turnComplete, {
      message: 'LIVEKIT_TURN_DOMAIN, LIVEKIT_TURN_CERT and LIVEKIT_TURN_KEY go together: set all three or none',
      path: ['LIVEKIT_TURN_DOMAIN'],
    }),
    env,
  );

/** The variables configFrom reads: the common ones, and those only the Node door has. */
export type ConfigEnv = z.infer<typeof commonEnv> &
  Partial<Pick<NodeEnv, 'TRUST_PROXY' | 'LIVEKIT_EGRESS' | 'MAX_UPLOAD_MB'>> &
  Partial<Pick<NodeEnv, 'S3_ENDPOINT' | 'S3_BUCKET' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY'>>;

/**
 * The app's Config from a parsed environment. `door.trustProxy` overrides TRUST_PROXY where the door knows
 * (Cloudflare's edge always sets CF-Connecting-IP and there is no socket address to read).
 */
export function configFrom(env: ConfigEnv, door: { version: string; trustProxy?: boolean }): Config {
  const livekit =
    env.LIVEKIT_URL && env.LIVEKIT_API_KEY && env.LIVEKIT_API_SECRET
      ? { url: env.LIVEKIT_URL, apiKey: env.LIVEKIT_API_KEY, apiSecret: env.LIVEKIT_API_SECRET }
      : null;
  const egress =
    env.LIVEKIT_EGRESS === '1' && env.S3_ENDPOINT
      ? {
          s3: {
            endpoint: env.S3_ENDPOINT,
            bucket: env.S3_BUCKET ?? 'tongzhou',
            region: env.S3_REGION ?? 'us-east-1',
            accessKey: env.S3_ACCESS_KEY_ID ?? '',
            secret: env.S3_SECRET_ACCESS_KEY ?? '',
          },
        }
      : null;
  return {
    allowedOrigins: env.ALLOWED_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    trustProxy: door.trustProxy ?? env.TRUST_PROXY === '1',
    livekitUrl: env.LIVEKIT_URL ?? null,
    livekit,
    egress,
    version: door.version,
    ...(env.MAX_UPLOAD_MB ? { maxUploadBytes: env.MAX_UPLOAD_MB * 1024 * 1024 } : {}),
  };
}
