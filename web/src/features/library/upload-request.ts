// Uploads go through XMLHttpRequest, not fetch: only XHR reports how many bytes have been sent.

import type { ErrorBody } from '../../../../shared/errors';
import type { Resource, ResourceMeta } from '../../../../shared/schemas/resources';
import { ApiError, type ErrorDetails } from '../../lib/api';

export interface UploadHandle {
  done: Promise<Resource>;
  abort: () => void;
}

/** Status → code when the answer carries no JSON body (a proxy's 413, say). */
const codeByStatus: Record<number, ApiError['code']> = {
  413: 'payload_too_large',
  415: 'unsupported_type',
  409: 'already_exists',
};

/**
 * POSTs `file` (and `meta`, for a new resource) as multipart/form-data with the session cookie;
 * `onProgress` gets 0–1 as bytes leave. Resolves with the resource, or rejects with an ApiError.
 */
export function sendFile(
  url: string,
  file: File,
  meta: ResourceMeta | undefined,
  onProgress: (fraction: number) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Resource>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: { resource?: Resource; error?: ErrorBody['error'] } | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: the status alone says what happened.
      }
      if (xhr.status >= 200 && xhr.status < 300 && body?.resource) {
        onProgress(1);
        resolve(body.resource);
        return;
      }
      const e = body?.error;
      reject(
        new ApiError(
          xhr.status,
          e?.code ?? codeByStatus[xhr.status] ?? 'internal_error',
          e?.message ?? xhr.statusText,
          e?.details as ErrorDetails | undefined,
        ),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'network'));
    xhr.onabort = () => reject(new ApiError(0, 'network_error', 'aborted'));
    const form = new FormData();
    // `meta` before the file, so the server reads it before the bytes.
    if (meta) form.append('meta', JSON.stringify(meta));
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
