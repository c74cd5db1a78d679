import { action, query, revalidate } from '@solidjs/router';
import type { Scope } from '../../../../shared/enums';
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

export const setFavourite = action(async (id: string, on: boolean) => {
  await call(
    on
      ? client.resources[':id'].favourite.$put({ param: { id } })
      : client.resources[':id'].favourite.$delete({ param: { id } }),
  );
  await revalidate(getFavourites.key);
}, 'setFavourite');

export const addComment = action(async (id: string, body: string) => {
  const res = await call(client.resources[':id'].comments.$post({ param: { id }, json: { body } }));
  await revalidate(getComments.key);
  return res.comment;
}, 'addComment');

export const createCollection = action(async (title: string, visibility: Scope) => {
  const res = await call(client.collections.$post({ json: { title, visibility } }));
  await revalidate(getCollections.key);
  return res.collection;
}, 'createCollection');

export const addToCollection = action(async (collectionId: string, resourceId: string) => {
  await call(client.collections[':id'].items.$post({ param: { id: collectionId }, json: { resourceId } }));
  await revalidate([getCollections.key, getCollection.key]);
  return collectionId;
}, 'addToCollection');
