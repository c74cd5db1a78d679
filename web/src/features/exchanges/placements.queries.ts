// A teacher in post (issue 12, point 5): their placement with its log and the live lessons it can log, the host
// school's list, and a person's rural-service years. Only in-post pages and the in-post home card import this module
// (the route preload imports it when needed), so the first load stays small.
import { query } from '@solidjs/router';
import { ApiError, call, client } from '../../lib/api';

export type PlacementScope = 'mine' | 'hosted' | 'all';

/** One placement, its log (newest first), and the live lessons given in post that can be logged in one click. */
export const getPlacement = query(
  (id: string) => call(client.exchanges.placements[':id'].$get({ param: { id } })),
  'exchangePlacement',
);

/** The caller's own placements, those at the schools they run (or mentor at), or all they may read. */
export const getPlacements = query(
  (scope: PlacementScope) => call(client.exchanges.placements.$get({ query: { scope, limit: '100' } })),
  'exchangePlacements',
);

/** A person's years at rural schools and their honours; null for a reader who may not see them (404). */
export const getServiceYears = query(async (userId: string) => {
  try {
    return await call(client.exchanges['rural-service'].years[':id'].$get({ param: { id: userId } }));
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}, 'ruralServiceYears');
