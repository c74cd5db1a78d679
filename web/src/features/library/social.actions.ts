import { action, json } from '@solidjs/router';
import type { Scope } from '../../../../shared/enums';
import { call, client } from '../../lib/api';
import { getCollection, getCollections, getComments, getFavourites } from './social.queries';

export const setFavourite = action(async (id: string, on: boolean) => {
  await call(
    on
      ? client.resources[':id'].favourite.$put({ param: { id } })
      : client.resources[':id'].favourite.$delete({ param: { id } }),
  );
  return json(on, { revalidate: [getFavourites.key] });
}, 'setFavourite');

export const addComment = action(async (id: string, body: string) => {
  const res = await call(client.resources[':id'].comments.$post({ param: { id }, json: { body } }));
  return json(res.comment, { revalidate: [getComments.key] });
}, 'addComment');

export const createCollection = action(async (title: string, visibility: Scope) => {
  const res = await call(client.collections.$post({ json: { title, visibility } }));
  return json(res.collection, { revalidate: [getCollections.key] });
}, 'createCollection');

export const addToCollection = action(async (collectionId: string, resourceId: string) => {
  await call(client.collections[':id'].items.$post({ param: { id: collectionId }, json: { resourceId } }));
  return json(collectionId, { revalidate: [getCollections.key, getCollection.key] });
}, 'addToCollection');
