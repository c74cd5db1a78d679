// The contract's error codes and the HTTP status each one answers with.
export const errorStatus = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  import_failed: 400,
  not_eligible: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  invalid_signature: 401,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  invalid_state: 409,
  already_exists: 409,
  booking_conflict: 409,
  posting_full: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_type: 415,
  range_not_satisfiable: 416,
  too_many_requests: 429,
  internal_error: 500,
  livekit_unavailable: 503,
  database_unavailable: 503,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
