import { action, json } from '@solidjs/router';
import type { ResourceMeta } from '../../../../shared/schemas/resources';
import { call, client } from '../../lib/api';
import { getResource, getResources } from './library.queries';
import { sendFile } from './upload-request';

export type ReviewDecision = 'publish' | 'return';

/** Publish a resource waiting for review, or return it to its author with a comment. */
export const reviewResource = action(async (id: string, decision: ReviewDecision, comment?: string) => {
  const res = await call(
    client.resources[':id'].review.$post({ param: { id }, json: { decision, ...(comment ? { comment } : {}) } }),
  );
  return json(res.resource, { revalidate: [getResources.key, getResource.key] });
}, 'reviewResource');

/** Shares one file with its details; `onProgress` gets 0–1 as the bytes leave. */
export const uploadResource = action(async (file: File, meta: ResourceMeta, onProgress: (fraction: number) => void) => {
  const resource = await sendFile('/api/resources', file, meta, onProgress).done;
  return json(resource, { revalidate: [getResources.key] });
}, 'uploadResource');

/** A new version of a resource's file; older versions stay downloadable. */
export const uploadVersion = action(async (id: string, file: File, onProgress: (fraction: number) => void) => {
  const resource = await sendFile(`/api/resources/${id}/versions`, file, undefined, onProgress).done;
  return json(resource, { revalidate: [getResource.key, getResources.key] });
}, 'uploadVersion');
