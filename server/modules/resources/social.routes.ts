// Using the library together: favourites, comments from colleagues, and collections a teacher gathers for
// a unit and shares. A collection shows only the resources each viewer may see.
import { createRoute } from '@hono/zod-openapi';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { scopes } from '../../../shared/enums';
import { id, idParam, isoTime, page } from '../../../shared/schemas/common';
import { resource } from '../../../shared/schemas/resources';
import { iso } from '../../../shared/time';
import { collectionItems, collections, favourites, orgs, resourceComments, resources, users } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { Queryable } from '../../lib/db';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { type Actor, canSeeScoped } from '../../lib/policy';
import { commonErrors, json, jsonBody, newRouter, noContent, requestMeta } from '../../lib/router';
import { requireActor } from '../auth/auth.middleware';
import {
  currentVersions,
  getVisibleResource,
  type ResourceRow,
  resourceOut,
  selectResources,
  visibleResourcesWhere,
} from './resources.queries';

const comment = z.object({
  id,
  authorId: id,
  authorName: z.string(),
  schoolName: z.string().nullable(),
  body: z.string(),
  createdAt: isoTime,
});
const collection = z.object({
  id,
  title: z.string(),
  description: z.string().nullable(),
  visibility: z.enum(scopes),
  ownerId: id,
  ownerName: z.string(),
  schoolId: id,
  schoolName: z.string(),
  resources: z.array(resource),
  canManage: z.boolean(),
  createdAt: isoTime,
});

async function resourcesByIds(db: Queryable, actor: Actor, ids: string[]) {
  if (!ids.length) return [];
  const rows = (await selectResources(db).where(
    and(inArray(resources.id, ids), visibleResourcesWhere(actor)),
  )) as ResourceRow[];
  const versions = await currentVersions(
    db,
    rows.map((r) => r.r.id),
  );
  const byId = new Map(rows.map((r) => [r.r.id, resourceOut(r, actor, versions.get(r.r.id))]));
  return ids.map((i) => byId.get(i)).filter((r) => r !== undefined);
}

async function getCollection(db: Queryable, actor: Actor, collectionId: string) {
  const [row] = await db
    .select({
      c: collections,
      ownerName: users.name,
      school: { id: orgs.id, name: orgs.name, kind: orgs.kind, groupId: orgs.groupId, districtId: orgs.districtId },
    })
    .from(collections)
    .innerJoin(users, eq(users.id, collections.ownerId))
    .innerJoin(orgs, eq(orgs.id, collections.schoolId))
    .where(eq(collections.id, collectionId));
  if (!row || !(row.c.ownerId === actor.user.id || canSeeScoped(actor, row.school, row.c.visibility)))
    throw notFound('collection');
  const items = await db
    .select({ resourceId: collectionItems.resourceId })
    .from(collectionItems)
    .where(eq(collectionItems.collectionId, row.c.id))
    .orderBy(asc(collectionItems.position));
  return {
    row,
    out: {
      id: row.c.id,
      title: row.c.title,
      description: row.c.description,
      visibility: row.c.visibility,
      ownerId: row.c.ownerId,
      ownerName: row.ownerName,
      schoolId: row.school.id,
      schoolName: row.school.name,
      resources: await resourcesByIds(
        db,
        actor,
        items.map((i) => i.resourceId),
      ),
      canManage: row.c.ownerId === actor.user.id,
      createdAt: iso(row.c.createdAt),
    },
  };
}

export const socialRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'put',
      path: '/resources/{id}/favourite',
      tags: ['resources'],
      summary: 'Keep a resource among one’s favourites',
      request: { params: idParam },
      responses: { 204: noContent, ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const row = await getVisibleResource(db, actor, c.req.valid('param').id);
      await db.insert(favourites).values({ userId: actor.user.id, resourceId: row.r.id }).onConflictDoNothing();
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/resources/{id}/favourite',
      tags: ['resources'],
      summary: 'Remove a favourite',
      request: { params: idParam },
      responses: { 204: noContent, ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const row = await getVisibleResource(db, actor, c.req.valid('param').id);
      await db.delete(favourites).where(and(eq(favourites.userId, actor.user.id), eq(favourites.resourceId, row.r.id)));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/favourites',
      tags: ['resources'],
      summary: 'One’s favourite resources, newest first',
      responses: { 200: json(page(resource)), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const ids = (
        await db
          .select({ id: favourites.resourceId })
          .from(favourites)
          .where(eq(favourites.userId, actor.user.id))
          .orderBy(desc(favourites.createdAt))
          .limit(200)
      ).map((f) => f.id);
      return c.json({ items: await resourcesByIds(db, actor, ids), nextCursor: null }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/resources/{id}/comments',
      tags: ['resources'],
      summary: 'Colleagues’ comments on a resource, oldest first',
      request: { params: idParam },
      responses: { 200: json(page(comment)), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const row = await getVisibleResource(db, actor, c.req.valid('param').id);
      const rows = await db
        .select({
          c: resourceComments,
          authorName: users.name,
          schoolName: sql<
            string | null
          >`(SELECT o.name FROM memberships m JOIN orgs o ON o.id = m.org_id WHERE m.user_id = ${users.id} AND o.kind = 'school' ORDER BY o.name LIMIT 1)`,
        })
        .from(resourceComments)
        .innerJoin(users, eq(users.id, resourceComments.authorId))
        .where(eq(resourceComments.resourceId, row.r.id))
        .orderBy(asc(resourceComments.createdAt))
        .limit(500);
      return c.json(
        {
          items: rows.map((r) => ({
            id: r.c.id,
            authorId: r.c.authorId,
            authorName: r.authorName,
            schoolName: r.schoolName,
            body: r.c.body,
            createdAt: iso(r.c.createdAt),
          })),
          nextCursor: null,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/resources/{id}/comments',
      tags: ['resources'],
      summary: 'Comment on a resource',
      request: { params: idParam, body: jsonBody(z.object({ body: z.string().trim().min(1).max(2000) })) },
      responses: { 201: json(z.object({ comment })), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const row = await getVisibleResource(db, actor, c.req.valid('param').id);
      if (row.r.status !== 'published')
        throw new AppError('invalid_state', 'Comments open once the resource is published');
      const created = await db.transaction(async (tx) => {
        const [cm] = await tx
          .insert(resourceComments)
          .values({ resourceId: row.r.id, authorId: actor.user.id, body: c.req.valid('json').body })
          .returning();
        await audit(tx, c.get('actor'), requestMeta(c), {
          action: 'resource.comment',
          entityType: 'resource',
          entityId: row.r.id,
          orgId: row.school.id,
          after: { comment: cm!.id },
        });
        return cm!;
      });
      const school = actor.memberships.find((m) => m.orgKind === 'school')?.orgName ?? null;
      return c.json(
        {
          comment: {
            id: created.id,
            authorId: actor.user.id,
            authorName: actor.user.name,
            schoolName: school,
            body: created.body,
            createdAt: iso(created.createdAt),
          },
        },
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/collections',
      tags: ['resources'],
      summary: 'Start a collection of resources',
      request: {
        body: jsonBody(
          z.object({
            title: z.string().trim().min(1).max(120),
            description: z.string().trim().max(2000).optional(),
            visibility: z.enum(scopes).default('group'),
          }),
        ),
      },
      responses: { 201: json(z.object({ collection })), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const input = c.req.valid('json');
      const school = actor.memberships.find((m) => m.orgKind === 'school');
      if (!school)
        throw new AppError('validation_failed', 'Collections belong to a school; you are not in one', {
          fields: { visibility: ['no school'] },
        });
      const { db } = c.get('deps').database;
      const id = await db.transaction(async (tx) => {
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
        await audit(tx, c.get('actor'), requestMeta(c), {
          action: 'collection.create',
          entityType: 'collection',
          entityId: row!.id,
          orgId: school.orgId,
          after: input,
        });
        return row!.id;
      });
      return c.json({ collection: (await getCollection(db, actor, id)).out }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/collections',
      tags: ['resources'],
      summary: 'Collections one made, or that are shared with one',
      request: { query: z.object({ mine: z.enum(['1']).optional() }) },
      responses: {
        200: json(page(collection.omit({ resources: true }).extend({ count: z.number().int() }))),
        ...commonErrors,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const rows = await db
        .select({
          c: collections,
          ownerName: users.name,
          school: { id: orgs.id, name: orgs.name, kind: orgs.kind, groupId: orgs.groupId, districtId: orgs.districtId },
          count: sql<number>`(SELECT count(*)::int FROM collection_items i WHERE i.collection_id = ${collections.id})`,
        })
        .from(collections)
        .innerJoin(users, eq(users.id, collections.ownerId))
        .innerJoin(orgs, eq(orgs.id, collections.schoolId))
        .where(c.req.valid('query').mine ? eq(collections.ownerId, actor.user.id) : undefined)
        .orderBy(desc(collections.updatedAt))
        .limit(200);
      const visible = rows.filter(
        (r) => r.c.ownerId === actor.user.id || canSeeScoped(actor, r.school, r.c.visibility),
      );
      return c.json(
        {
          items: visible.map((r) => ({
            id: r.c.id,
            title: r.c.title,
            description: r.c.description,
            visibility: r.c.visibility,
            ownerId: r.c.ownerId,
            ownerName: r.ownerName,
            schoolId: r.school.id,
            schoolName: r.school.name,
            canManage: r.c.ownerId === actor.user.id,
            createdAt: iso(r.c.createdAt),
            count: Number(r.count),
          })),
          nextCursor: null,
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/collections/{id}',
      tags: ['resources'],
      summary: 'A collection with the resources the caller may see',
      request: { params: idParam },
      responses: { 200: json(z.object({ collection })), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      return c.json(
        { collection: (await getCollection(c.get('deps').database.db, actor, c.req.valid('param').id)).out },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/collections/{id}/items',
      tags: ['resources'],
      summary: 'Add a resource to one’s collection',
      request: { params: idParam, body: jsonBody(z.object({ resourceId: id })) },
      responses: { 200: json(z.object({ collection })), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const { row } = await getCollection(db, actor, c.req.valid('param').id);
      if (row.c.ownerId !== actor.user.id) throw forbidden('Only its owner changes a collection');
      const res = await getVisibleResource(db, actor, c.req.valid('json').resourceId).catch(() => {
        throw new AppError('validation_failed', 'No such resource, or it is not visible to you', {
          fields: { resourceId: ['not found'] },
        });
      });
      await db
        .insert(collectionItems)
        .values({
          collectionId: row.c.id,
          resourceId: res.r.id,
          position:
            sql`(SELECT COALESCE(max(position), 0) + 1 FROM collection_items WHERE collection_id = ${row.c.id})` as unknown as number,
        })
        .onConflictDoNothing();
      await db.update(collections).set({ updatedAt: new Date() }).where(eq(collections.id, row.c.id));
      return c.json({ collection: (await getCollection(db, actor, row.c.id)).out }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/collections/{id}/items/{resourceId}',
      tags: ['resources'],
      summary: 'Take a resource out of one’s collection',
      request: { params: z.object({ id, resourceId: id }) },
      responses: { 204: noContent, ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const { row } = await getCollection(db, actor, c.req.valid('param').id);
      if (row.c.ownerId !== actor.user.id) throw forbidden('Only its owner changes a collection');
      await db
        .delete(collectionItems)
        .where(
          and(
            eq(collectionItems.collectionId, row.c.id),
            eq(collectionItems.resourceId, c.req.valid('param').resourceId),
          ),
        );
      return c.body(null, 204);
    },
  );
