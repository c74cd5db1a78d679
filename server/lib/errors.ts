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
