import { type ErrorCode, errorStatus } from '../../shared/errors';

/** The one error type handlers throw; `onError` turns it into the contract's error shape. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After on 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what = 'record') => new AppError('not_found', `No such ${what}, or it is not visible to you`);
/**
 * The promise's value, or `instead()` when it failed with "not found" — and only then: a database that is down is
 * not a missing record (it must stay a 503, never become a 400 or a 404).
 */
export async function ifNotFound<T, U>(promise: Promise<T>, instead: () => U): Promise<T | U> {
  try {
    return await promise;
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return instead();
    throw err;
  }
}

/** 503 with Retry-After: the database is restarting or unreachable; the client tries again shortly. */
export const databaseUnavailable = () =>
  new AppError('database_unavailable', 'The database is not answering; try again in a moment', undefined, {
    'Retry-After': '2',
  });

export const forbidden = (message = 'You are not allowed to do this') => new AppError('forbidden', message);

type DriverError = { code?: unknown; constraint_name?: unknown; constraint?: unknown; cause?: unknown };

/** The error and the errors it wraps (drizzle wraps the driver's), outermost first, at most four deep. */
function* causes(err: unknown): Generator<DriverError> {
  for (let e = err, i = 0; typeof e === 'object' && e !== null && i < 4; i++) {
    yield e as DriverError;
    e = (e as DriverError).cause;
  }
}

/** SQLSTATE of a database error; drizzle wraps the driver's error, so look at `cause` too. */
export function sqlState(err: unknown): string | undefined {
  for (const e of causes(err)) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/** Node's and postgres.js's codes for a connection that failed, was refused, dropped or timed out. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/**
 * Whether the error means the database is not answering (down, restarting, refusing connections, or too slow),
 * as opposed to refusing this statement: SQLSTATE class 08 (connection exception), 57P01–57P03 (shutting down,
 * crashed, starting up), 53300 (too many connections), 57014 (cancelled: the statement timeout), or a socket-level
 * failure.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of causes(err)) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (CONNECTION_CODES.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code) || ['57P01', '57P02', '57P03', '53300', '57014'].includes(code)) return true;
  }
  return false;
}

/** Name of the violated constraint, when the database reported one. */
export function sqlConstraint(err: unknown): string | undefined {
  for (const e of causes(err)) {
    const name = e.constraint_name ?? e.constraint;
    if (typeof name === 'string') return name;
  }
  return undefined;
}

/**
 * Runs a transaction again when PostgreSQL aborted it as a deadlock victim or a serialization failure
 * (40P01, 40001). Concurrent inserts guarded by an exclusion constraint can wait on each other's uncommitted
 * rows; one is then aborted, and its retry sees the winner's committed row as a plain conflict.
 */
export async function retryTransient<T>(fn: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      const state = sqlState(err);
      if (i >= attempts || (state !== '40P01' && state !== '40001')) throw err;
      await new Promise((ok) => setTimeout(ok, 5 * i + Math.random() * 20));
    }
  }
}
