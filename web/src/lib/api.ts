// The typed client: routes and shapes come from the server's AppType, so the two cannot drift.
import { type ClientResponse, hc } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '../../../server/app';
import type { ErrorCode } from '../../../shared/errors';

export const client = hc<AppType>('/', { init: { credentials: 'same-origin' } }).api;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network_error',
    message: string,
    readonly details?: any,
  ) {
    super(message);
  }
  /** Field name → messages, when the server named the fields. */
  get fields(): Record<string, string[]> {
    return this.details?.fields ?? {};
  }
}

/** Awaits a typed call and returns its JSON, or throws ApiError with the contract's code and message. */
type Success<R> = R extends ClientResponse<infer T, infer S, any> ? (S extends SuccessStatusCode ? T : never) : never;

export async function call<R extends ClientResponse<any, any, any>>(request: Promise<R>): Promise<Success<R>> {
  let res: R;
  try {
    res = await request;
  } catch {
    throw new ApiError(0, 'network_error', 'network');
  }
  if (res.status === 204) return null as Success<R>;
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = body?.error;
    throw new ApiError(res.status, e?.code ?? 'internal_error', e?.message ?? res.statusText, e?.details);
  }
  return body as Success<R>;
}

/** For routes whose body is not JSON (CSV import). */
export async function send(path: string, init: RequestInit): Promise<any> {
  return call(fetch(path, { credentials: 'same-origin', ...init }) as Promise<ClientResponse<any, 200, 'json'>>);
}
