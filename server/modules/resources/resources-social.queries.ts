// Reading what colleagues do with the library: favourites, comments, and collections with their gates.
import { asc, desc, eq, or, sql } from 'drizzle-orm';
import type { Collection, CollectionSummary, ResourceComment } from '../../../shared/schemas/resources';
import { iso } from '../../../shared/time';
import { collectionItems, collections, favourites, orgs, resourceComments, users } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { AppError, forbidden, ifNotFound, notFound } from '../../lib/errors';
import { type Actor, canSeeScoped } from '../../lib/policy';
import { visibleScopedWhere } from '../../lib/scope-sql';
import { getVisibleResource, type ResourceRow, resourcesByIds } from './resources.queries';

/** One's favourites, newest first (at most 200), leaving out those one may no longer see. */
export async function listFavourites(db: Queryable, actor: Actor) {
  const rows = await db
    .select({ id: favourites.resourceId })
    .from(favourites)
    .where(eq(favourites.userId, actor.user.id))
    .orderBy(desc(favourites.createdAt))
    .limit(200);
  return resourcesByIds(
    db,
    actor,
    rows.map((f) => f.id),
  );
}

/** A resource's comments, oldest first (at most 500), each with its author's school. */
export async function listComments(db: Queryable, row: ResourceRow): Promise<ResourceComment[]> {
  const rows = await db
    .select({
      c: resourceComments,
      authorName: users.name,
      schoolName: sql<string | null>`(
        SELECT o.name FROM memberships m JOIN orgs o ON o.id = m.org_id
        WHERE m.user_id = ${users.id} AND o.kind = 'school' ORDER BY o.name LIMIT 1
      )`,
    })
    .from(resourceComments)
    .innerJoin(users, eq(users.id, resourceComments.authorId))
    .where(eq(resourceComments.resourceId, row.r.id))
    .orderBy(asc(resourceComments.createdAt))
    .limit(500);
  return rows.map((r) => ({
    id: r.c.id,
    authorId: r.c.authorId,
    authorName: r.authorName,
    schoolName: r.schoolName,
    body: r.c.body,
    createdAt: iso(r.c.createdAt),
  }));
}

const collectionColumns = {
  c: collections,
  ownerName: users.name,
  school: { id: orgs.id, name: orgs.name, kind: orgs.kind, groupId: orgs.groupId, districtId: orgs.districtId },
};

function selectCollections(db: Queryable) {
  return db
    .select(collectionColumns)
    .from(collections)
    .innerJoin(users, eq(users.id, collections.ownerId))
    .innerJoin(orgs, eq(orgs.id, collections.schoolId));
}
export type CollectionRow = Awaited<ReturnType<typeof selectCollections>>[number];

const canSeeCollection = (actor: Actor, row: CollectionRow) =>
  row.c.ownerId === actor.user.id || canSeeScoped(actor, row.school, row.c.visibility);

/** A collection its owner made, or that is shared with the caller. */
export async function getVisibleCollection(db: Queryable, actor: Actor, id: string): Promise<CollectionRow> {
  const [row] = await selectCollections(db).where(eq(collections.id, id));
  if (!row || !canSeeCollection(actor, row)) throw notFound('collection');
  return row;
}

/** A collection the caller may change: their own; one they only see is 403. */
export async function getOwnCollection(db: Queryable, actor: Actor, id: string): Promise<CollectionRow> {
  const row = await getVisibleCollection(db, actor, id);
  if (row.c.ownerId !== actor.user.id) throw forbidden('Only its owner changes a collection');
  return row;
}

/**
 * The resource to add to a collection. One the caller cannot see is bad input of this route (400 naming the
 * field), not a missing route (404).
 */
export async function collectableResource(db: Queryable, actor: Actor, resourceId: string): Promise<ResourceRow> {
  return ifNotFound(getVisibleResource(db, actor, resourceId), () => {
    throw new AppError('validation_failed', 'No such resource, or it is not visible to you', {
      fields: { resourceId: ['not found'] },
    });
  });
}

function summaryOut(actor: Actor, row: CollectionRow): Omit<CollectionSummary, 'count'> {
  return {
    id: row.c.id,
    title: row.c.title,
    description: row.c.description,
    visibility: row.c.visibility,
    ownerId: row.c.ownerId,
    ownerName: row.ownerName,
    schoolId: row.school.id,
    schoolName: row.school.name,
    canManage: row.c.ownerId === actor.user.id,
    createdAt: iso(row.c.createdAt),
  };
}

/** A collection with the resources in it that the caller may see, in their order. */
export async function collectionOut(db: Queryable, actor: Actor, row: CollectionRow): Promise<Collection> {
  const items = await db
    .select({ resourceId: collectionItems.resourceId })
    .from(collectionItems)
    .where(eq(collectionItems.collectionId, row.c.id))
    .orderBy(asc(collectionItems.position));
  const resources = await resourcesByIds(
    db,
    actor,
    items.map((i) => i.resourceId),
  );
  const { canManage, createdAt, ...rest } = summaryOut(actor, row);
  return { ...rest, resources, canManage, createdAt };
}

/**
 * Collections the caller made (`mine`) or may see, last changed first (at most 200): what the caller may see is
 * chosen in SQL (the SQL twin of canSeeCollection), so other groups' newer collections never crowd out their own.
 */
export async function listCollections(db: Queryable, actor: Actor, p: { mine?: '1' }): Promise<CollectionSummary[]> {
  const rows = await db
    .select({
      ...collectionColumns,
      count: sql<number>`(SELECT count(*)::int FROM collection_items i WHERE i.collection_id = ${collections.id})`,
    })
    .from(collections)
    .innerJoin(users, eq(users.id, collections.ownerId))
    .innerJoin(orgs, eq(orgs.id, collections.schoolId))
    .where(
      p.mine
        ? eq(collections.ownerId, actor.user.id)
        : or(
            eq(collections.ownerId, actor.user.id),
            visibleScopedWhere(actor, {
              schoolId: collections.schoolId,
              groupId: orgs.groupId,
              districtId: orgs.districtId,
              scope: collections.visibility,
            }),
          ),
    )
    .orderBy(desc(collections.updatedAt))
    .limit(200);
  return rows
    .filter((r) => canSeeCollection(actor, r))
    .map((r) => ({ ...summaryOut(actor, r), count: Number(r.count) }));
}
