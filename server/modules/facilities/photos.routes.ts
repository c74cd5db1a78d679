import { createRoute } from '@hono/zod-openapi';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { id, idParam } from '../../../shared/schemas/common';
import { facilityPhotos } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { Queryable } from '../../lib/db';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { commonErrors, json, newRouter, noContent, requestMeta } from '../../lib/router';
import { requireActor } from '../auth/auth.middleware';
import { receiveUpload } from '../resources/upload';
import { canManageFacility, getVisibleFacility } from './facilities.queries';

const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const MAX_PHOTOS = 12;
export const photo = z.object({ id, url: z.string() });

/** Photos of these facilities, oldest first, as URLs the web app shows. */
export async function photosOf(
  db: Queryable,
  facilityIds: string[],
): Promise<Map<string, { id: string; url: string }[]>> {
  const out = new Map<string, { id: string; url: string }[]>();
  if (!facilityIds.length) return out;
  const rows = await db
    .select({ id: facilityPhotos.id, facilityId: facilityPhotos.facilityId })
    .from(facilityPhotos)
    .where(inArray(facilityPhotos.facilityId, facilityIds))
    .orderBy(asc(facilityPhotos.createdAt));
  for (const r of rows)
    out.set(r.facilityId, [
      ...(out.get(r.facilityId) ?? []),
      { id: r.id, url: `/api/facilities/${r.facilityId}/photos/${r.id}` },
    ]);
  return out;
}

export const photosRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/facilities/{id}/photos',
      tags: ['facilities'],
      summary: 'Add a photo (PNG, JPEG, GIF or WebP, judged by its bytes)',
      description: 'Body: multipart/form-data with `file`.',
      request: { params: idParam },
      responses: {
        201: json(z.object({ photo })),
        ...commonErrors,
        413: json(z.object({ error: z.any() }), 'Over 10 MB'),
        415: json(z.object({ error: z.any() }), 'Not an image'),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { database, storage } = c.get('deps');
      if (!storage) throw new AppError('service_unavailable', 'File storage is not configured on this server');
      const row = await getVisibleFacility(database.db, actor, c.req.valid('param').id);
      if (!canManageFacility(actor, row)) throw forbidden('Only the facility’s managers add photos');
      const existing = await photosOf(database.db, [row.facility.id]);
      if ((existing.get(row.facility.id)?.length ?? 0) >= MAX_PHOTOS)
        throw new AppError('conflict', `At most ${MAX_PHOTOS} photos per facility`);
      const { file } = await receiveUpload(c.req.raw, storage, MAX_PHOTO_BYTES, (mime) => mime.startsWith('image/'));
      let key: string | undefined;
      try {
        const created = await database.db.transaction(async (tx) => {
          key = await storage.promote(file.tempKey);
          const [p] = await tx
            .insert(facilityPhotos)
            .values({ facilityId: row.facility.id, storageKey: key, contentType: file.contentType, size: file.size })
            .returning();
          await audit(tx, c.get('actor'), requestMeta(c), {
            action: 'facility.photo_add',
            entityType: 'facility',
            entityId: row.facility.id,
            orgId: row.school.id,
            after: { photo: p!.id, file: file.fileName },
          });
          return p!;
        });
        return c.json(
          { photo: { id: created.id, url: `/api/facilities/${row.facility.id}/photos/${created.id}` } },
          201,
        );
      } catch (err) {
        await storage.remove(key ?? file.tempKey);
        throw err;
      }
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/facilities/{id}/photos/{photoId}',
      tags: ['facilities'],
      summary: 'A photo of a facility',
      request: { params: z.object({ id, photoId: id }) },
      responses: { 200: { description: 'The image' }, ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { database, storage } = c.get('deps');
      const { id: facilityId, photoId } = c.req.valid('param');
      await getVisibleFacility(database.db, actor, facilityId);
      const [p] = await database.db
        .select()
        .from(facilityPhotos)
        .where(and(eq(facilityPhotos.id, photoId), eq(facilityPhotos.facilityId, facilityId)));
      if (!p || !storage) throw notFound('photo');
      return c.body(await storage.read(p.storageKey), 200, {
        'Content-Type': p.contentType,
        'Content-Length': String(p.size),
        'Cache-Control': 'private, max-age=86400, immutable',
        'X-Content-Type-Options': 'nosniff',
      });
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/facilities/{id}/photos/{photoId}',
      tags: ['facilities'],
      summary: 'Remove a photo',
      request: { params: z.object({ id, photoId: id }) },
      responses: { 204: noContent, ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { database, storage } = c.get('deps');
      const { id: facilityId, photoId } = c.req.valid('param');
      const row = await getVisibleFacility(database.db, actor, facilityId);
      if (!canManageFacility(actor, row)) throw forbidden('Only the facility’s managers remove photos');
      const [gone] = await database.db.transaction(async (tx) => {
        const deleted = await tx
          .delete(facilityPhotos)
          .where(and(eq(facilityPhotos.id, photoId), eq(facilityPhotos.facilityId, facilityId)))
          .returning();
        if (deleted.length)
          await audit(tx, c.get('actor'), requestMeta(c), {
            action: 'facility.photo_remove',
            entityType: 'facility',
            entityId: facilityId,
            orgId: row.school.id,
            before: { photo: photoId },
          });
        return deleted;
      });
      if (!gone) throw notFound('photo');
      await storage?.remove(gone.storageKey);
      return c.body(null, 204);
    },
  );
