import { action, revalidate } from '@solidjs/router';
import { call, client } from '../../lib/api';
import { getResource, getResources } from './library.queries';

export type ReviewDecision = 'publish' | 'return';

/** Publish a resource waiting for review, or return it to its author with a comment. */
export const reviewResource = action(async (id: string, decision: ReviewDecision, comment?: string) => {
  const res = await call(
    client.resources[':id'].review.$post({ param: { id }, json: { decision, ...(comment ? { comment } : {}) } }),
  );
  await revalidate([getResources.key, getResource.key]);
  return res.resource;
}, 'reviewResource');
