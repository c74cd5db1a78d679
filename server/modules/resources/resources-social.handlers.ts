import { dbOf, requestMeta, type SignedInHandler } from '../../lib/router';
import { getVisibleResource } from './resources.queries';
import type * as contract from './resources-social.contract';
import {
  collectableResource,
  collectionOut,
  getOwnCollection,
  getVisibleCollection,
  listCollections,
  listComments,
  listFavourites,
} from './resources-social.queries';
import {
  addComment,
  addFavourite,
  addToCollection,
  createCollection as createCollectionService,
  removeFavourite,
  removeFromCollection,
} from './resources-social.service';

export const favourite: SignedInHandler<typeof contract.favourite> = async (c) => {
  const actor = c.get('actor');
  const resource = await getVisibleResource(dbOf(c), actor, c.req.valid('param').id);
  await addFavourite(dbOf(c), actor, { resource });
  return c.body(null, 204);
};

export const unfavourite: SignedInHandler<typeof contract.unfavourite> = async (c) => {
  const actor = c.get('actor');
  const resource = await getVisibleResource(dbOf(c), actor, c.req.valid('param').id);
  await removeFavourite(dbOf(c), actor, { resource });
  return c.body(null, 204);
};

export const favourites: SignedInHandler<typeof contract.favourites> = async (c) => {
  return c.json({ items: await listFavourites(dbOf(c), c.get('actor')), nextCursor: null }, 200);
};

export const comments: SignedInHandler<typeof contract.comments> = async (c) => {
  const resource = await getVisibleResource(dbOf(c), c.get('actor'), c.req.valid('param').id);
  return c.json({ items: await listComments(dbOf(c), resource), nextCursor: null }, 200);
};

export const comment: SignedInHandler<typeof contract.comment> = async (c) => {
  const actor = c.get('actor');
  const resource = await getVisibleResource(dbOf(c), actor, c.req.valid('param').id);
  const created = await addComment(dbOf(c), actor, { resource, body: c.req.valid('json').body }, requestMeta(c));
  return c.json({ comment: created }, 201);
};

export const createCollection: SignedInHandler<typeof contract.createCollection> = async (c) => {
  const actor = c.get('actor');
  const id = await createCollectionService(dbOf(c), actor, { input: c.req.valid('json') }, requestMeta(c));
  const row = await getVisibleCollection(dbOf(c), actor, id);
  return c.json({ collection: await collectionOut(dbOf(c), actor, row) }, 201);
};

export const collections: SignedInHandler<typeof contract.collections> = async (c) => {
  const items = await listCollections(dbOf(c), c.get('actor'), c.req.valid('query'));
  return c.json({ items, nextCursor: null }, 200);
};

export const collection: SignedInHandler<typeof contract.collection> = async (c) => {
  const actor = c.get('actor');
  const row = await getVisibleCollection(dbOf(c), actor, c.req.valid('param').id);
  return c.json({ collection: await collectionOut(dbOf(c), actor, row) }, 200);
};

export const addItem: SignedInHandler<typeof contract.addItem> = async (c) => {
  const actor = c.get('actor');
  const row = await getOwnCollection(dbOf(c), actor, c.req.valid('param').id);
  const resource = await collectableResource(dbOf(c), actor, c.req.valid('json').resourceId);
  await addToCollection(dbOf(c), { collection: row, resource });
  const changed = await getVisibleCollection(dbOf(c), actor, row.c.id);
  return c.json({ collection: await collectionOut(dbOf(c), actor, changed) }, 200);
};

export const removeItem: SignedInHandler<typeof contract.removeItem> = async (c) => {
  const { id, resourceId } = c.req.valid('param');
  const row = await getOwnCollection(dbOf(c), c.get('actor'), id);
  await removeFromCollection(dbOf(c), { collection: row, resourceId });
  return c.body(null, 204);
};
