import { query } from '@solidjs/router';
import { call, client } from '../../lib/api';

export const getFavourites = query(() => call(client.favourites.$get()), 'favourites');
export const getComments = query(
  (id: string) => call(client.resources[':id'].comments.$get({ param: { id } })),
  'comments',
);
export const getCollections = query(
  (mine: boolean) => call(client.collections.$get({ query: mine ? { mine: '1' } : {} })),
  'collections',
);
export const getCollection = query(
  (id: string) => call(client.collections[':id'].$get({ param: { id } })),
  'collection',
);
