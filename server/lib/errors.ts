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

/**
 * 503 with Retry-After: the live lesson server (LiveKit) is not configured here, or does not answer (crashed,
 * restarting, unreachable). Five seconds: how long the app remembers LiveKit's health before asking it again.
 */
export const livekitUnavailable = (
  message = 'The live lesson server does not answer; try again in a moment',
  details?: { reason: string },
) => new AppError('livekit_unavailable', message, details, { 'Retry-After': '5' });

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

/** postgres.js's own codes for a connection that closed, ended, was destroyed or timed out while connecting. */
const DRIVER_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);
/** Socket codes: a database outage only when they come from connecting to it or from a query on it. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
/** SQLSTATEs of a server shutting down (57P01), crashed (57P02), starting up (57P03), full (53300), or a statement
 * stopped by statement_timeout (57014); class 08 is "connection exception". */
const OUTAGE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);

/**
 * Whether the error means the database is not answering (down, restarting, refusing connections, or too slow),
 * as opposed to refusing this statement. Socket errors of other calls — object storage, LiveKit (a failed
 * `fetch`), a client that hung up mid-request — are not the database's.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const chain = [...causes(err)];
  if (chain.some((e) => e instanceof TypeError && e.message === 'fetch failed')) return false;
  const fromQuery = chain.some((e) => 'query' in e || (e instanceof Error && e.message.startsWith('Failed query')));
  return chain.some((e) => {
    const code = typeof e.code === 'string' ? e.code : '';
    if (DRIVER_CODES.has(code) || OUTAGE_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    return SOCKET_CODES.has(code) && (fromQuery || (e as { syscall?: unknown }).syscall === 'connect');
  });
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
