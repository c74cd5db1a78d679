// Using the library together: keeping favourites, commenting, and gathering resources into collections.
import { and, eq, sql } from 'drizzle-orm';
import type { CreateCollectionInput, ResourceComment } from '../../../shared/schemas/resources';
import { iso } from '../../../shared/time';
import { collectionItems, collections, favourites, resourceComments } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db, Queryable } from '../../lib/db';
import { AppError } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import type { ResourceRow } from './resources.queries';
import type { CollectionRow } from './resources-social.queries';

export interface FavouriteParams {
  /** The resource, as the caller's gate (getVisibleResource) returned it. */
  resource: ResourceRow;
}

/** Keeps a resource among the caller's favourites; keeping it twice changes nothing. */
export async function addFavourite(db: Queryable, actor: Actor, params: FavouriteParams): Promise<void> {
  await db.insert(favourites).values({ userId: actor.user.id, resourceId: params.resource.r.id }).onConflictDoNothing();
}

export async function removeFavourite(db: Queryable, actor: Actor, params: FavouriteParams): Promise<void> {
  await db
    .delete(favourites)
    .where(and(eq(favourites.userId, actor.user.id), eq(favourites.resourceId, params.resource.r.id)));
}

export interface AddCommentParams {
  /** The resource, as the caller's gate (getVisibleResource) returned it. */
  resource: ResourceRow;
  body: string;
}

/** A colleague's comment on a published resource. */
export async function addComment(
  db: Db,
  actor: Actor,
  params: AddCommentParams,
  meta: RequestMeta,
): Promise<ResourceComment> {
  const { resource: row, body } = params;
  if (row.r.status !== 'published') throw new AppError('invalid_state', 'Comments open once the resource is published');
  const created = await db.transaction(async (tx) => {
    const [cm] = await tx
      .insert(resourceComments)
      .values({ resourceId: row.r.id, authorId: actor.user.id, body })
      .returning();
    if (!cm) throw new Error('INSERT … RETURNING gave no row');
    await audit(tx, actor, meta, {
      action: 'resource.comment',
      entityType: 'resource',
      entityId: row.r.id,
      orgId: row.school.id,
      after: { comment: cm.id },
    });
    return cm;
  });
  return {
    id: created.id,
    authorId: actor.user.id,
    authorName: actor.user.name,
    schoolName: actor.memberships.find((m) => m.orgKind === 'school')?.orgName ?? null,
    body: created.body,
    createdAt: iso(created.createdAt),
  };
}

export interface CreateCollectionParams {
  input: CreateCollectionInput;
}

/** A new collection of the caller's school; answers its id. */
export async function createCollection(
  db: Db,
  actor: Actor,
  params: CreateCollectionParams,
  meta: RequestMeta,
): Promise<string> {
  const { input } = params;
  const school = actor.memberships.find((m) => m.orgKind === 'school');
  if (!school)
    throw new AppError('validation_failed', 'Collections belong to a school; you are not in one', {
      fields: { visibility: ['no school'] },
    });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(collections)
      .values({
        ownerId: actor.user.id,
        schoolId: school.orgId,
        title: input.title,
        description: input.description ?? null,
        visibility: input.visibility,
      })
      .returning({ id: collections.id });
    if (!row) throw new Error('INSERT … RETURNING gave no row');
    await audit(tx, actor, meta, {
      action: 'collection.create',
      entityType: 'collection',
      entityId: row.id,
      orgId: school.orgId,
      after: input,
    });
    return row.id;
  });
}

export interface AddToCollectionParams {
  /** The collection and the resource, as the caller's gates (getOwnCollection, collectableResource) returned them. */
  collection: CollectionRow;
  resource: ResourceRow;
}

/** Adds a resource at the end of a collection; adding it twice changes nothing. */
export async function addToCollection(db: Queryable, params: AddToCollectionParams): Promise<void> {
  const collectionId = params.collection.c.id;
  await db
    .insert(collectionItems)
    .values({
      collectionId,
      resourceId: params.resource.r.id,
      position: sql`(
        SELECT COALESCE(max(position), 0) + 1 FROM collection_items WHERE collection_id = ${collectionId}
      )` as unknown as number,
    })
    .onConflictDoNothing();
  await db.update(collections).set({ updatedAt: new Date() }).where(eq(collections.id, collectionId));
}

export interface RemoveFromCollectionParams {
  /** The collection, as the caller's gate (getOwnCollection) returned it. */
  collection: CollectionRow;
  resourceId: string;
}

export async function removeFromCollection(db: Queryable, params: RemoveFromCollectionParams): Promise<void> {
  await db
    .delete(collectionItems)
    .where(
      and(eq(collectionItems.collectionId, params.collection.c.id), eq(collectionItems.resourceId, params.resourceId)),
    );
}
