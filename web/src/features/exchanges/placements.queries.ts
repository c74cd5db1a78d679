// A teacher in post (issue 12, point 5): the host school's list of placements and a person's rural-service years.
// Only the in-post pages import this module, so the first load stays small; one placement's query is with the others
// (exchanges.queries.ts), for its route to preload.
import { query } from '@solidjs/router';
import { ApiError, call, client } from '../../lib/api';

export type PlacementScope = 'mine' | 'hosted' | 'all';

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
