// The typed client: routes and shapes come from the server's AppType, so the two cannot drift.
import { type ClientResponse, hc } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '../../../server/app';
import type { ErrorBody, ErrorCode } from '../../../shared/errors';
import type { FieldProblem } from '../../../shared/problems';

export const client = hc<AppType>('/', { init: { credentials: 'same-origin' } }).api;

/** What the server put in an error's details: each page reads the parts its error code carries. */
export interface ErrorDetails {
  /** validation_failed: field name → messages (English, for API clients). */
  fields?: Record<string, string[]>;
  /** validation_failed: each problem as a code with its figures, worded by web/src/lib/problems.ts. */
  problems?: FieldProblem[];
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network_error',
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
  }
  /** Field name → messages, when the server named the fields. */
  get fields(): Record<string, string[]> {
    return this.details?.fields ?? {};
  }
  /** The problems the server named, each with its field. */
  get problems(): FieldProblem[] {
    return Array.isArray(this.details?.problems) ? this.details.problems : [];
  }
}

/** Awaits a typed call and returns its JSON, or throws ApiError with the contract's code and message. */
type Success<R> =
  R extends ClientResponse<infer T, infer S, string> ? (S extends SuccessStatusCode ? T : never) : never;

export async function call<R extends ClientResponse<unknown, number, string>>(
  request: Promise<R>,
): Promise<Success<R>> {
  let res: R;
  try {
    res = await request;
  } catch {
    throw new ApiError(0, 'network_error', 'network');
  }
  if (res.status === 204) return null as Success<R>;
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (body as Partial<ErrorBody> | null)?.error;
    throw new ApiError(
      res.status,
      e?.code ?? 'internal_error',
      e?.message ?? res.statusText,
      e?.details as ErrorDetails | undefined,
    );
  }
  return body as Success<R>;
}

/** For routes whose request body the typed client cannot send (a CSV file, a photo); `T` is the answer's shape. */
export async function send<T>(path: string, init: RequestInit): Promise<T> {
  return call(fetch(path, { credentials: 'same-origin', ...init }) as Promise<ClientResponse<T, 200, 'json'>>);
}
