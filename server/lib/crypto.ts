// Passwords and secrets. node:crypto's scrypt runs on Node and on Workers (nodejs_compat), so one
// hash format serves both doors.
import { Buffer } from 'node:buffer';
import * as nodeCrypto from 'node:crypto';
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';

// scrypt N=2^15, r=8, p=1: OWASP's recommended minimum; ~32 MiB and ~0.1 s per hash here.
const N = 1 << 15;
const R = 8;
const P = 1;
const KEYLEN = 32;
const MAXMEM = 64 * 1024 * 1024;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, KEYLEN, { N: n, r, p, maxmem: MAXMEM }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash`, salt and hash base64url: parameters travel with the hash so they can grow. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  // Unknown accounts still cost one hash, so timing does not reveal which emails exist.
  const parts = (stored ?? DUMMY_HASH).split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p));
  return stored !== null && key.length === expected.length && timingSafeEqual(key, expected);
}

const DUMMY_HASH = `scrypt$${N}$${R}$${P}$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEYLEN).toString('base64url')}`;

/** A random secret handed to a client once (cookie, bearer token, invitation link). */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Node's one-shot hash (20.12+): a third of createHash's time, which every signed-in request pays once. */
const oneShot = (nodeCrypto as { hash?: (algorithm: string, data: string, encoding: 'base64url') => string }).hash;

/** What is stored instead of a secret. */
export function secretHash(secret: string): string {
  return oneShot ? oneShot('sha256', secret, 'base64url') : createHash('sha256').update(secret).digest('base64url');
}
