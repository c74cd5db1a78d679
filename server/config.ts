import { z } from 'zod';
import type { Level } from './lib/log';

/** The environment, parsed once at the Node door. Every variable is optional (CONTRACT.md, Configuration). */
export const nodeEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./.data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  LIVEKIT_URL: z.string().url().optional(),
  LIVEKIT_API_KEY: z.string().optional(),
  LIVEKIT_API_SECRET: z.string().optional(),
  /** With no LIVEKIT_URL, run the locally built server (npm run livekit:install) on loopback; 0 turns that off. */
  LIVEKIT_AUTOSTART: z.enum(['0', '1']).default('1'),
  /** First of three ports for that local server: HTTP/WebSocket, then ICE/TCP, then ICE/UDP. */
  LIVEKIT_PORT: z.coerce.number().int().min(1024).max(65530).default(7880),
  /** 1: a LiveKit Egress service is attached to LIVEKIT_URL and writes room recordings into the S3 bucket below. */
  LIVEKIT_EGRESS: z.enum(['0', '1']).default('0'),
  SEED_DEMO: z.enum(['0', '1']).default('1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info') as z.ZodType<Level | 'silent'>,
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** Comma-separated origins besides the server's own that may send signed-in writes (e.g. the Vite dev server). */
  ALLOWED_ORIGINS: z.string().default(''),
  /** S3-compatible object storage for uploaded files; when S3_ENDPOINT is unset, files live under DATA_DIR. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(3).max(63).default('tongzhou'),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Largest accepted upload, in MB. */
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(10_000).default(500),
});
export type NodeEnv = z.infer<typeof nodeEnv>;

export function parseEnv(env: Record<string, string | undefined>): NodeEnv {
  const result = nodeEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Configuration is not valid:\n${lines}`);
  }
  return result.data;
}
