import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Photo } from '../../../shared/schemas/facilities';
import { facilityPhotos } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { AppError } from '../../lib/errors';
import type { FacilityRow } from './facilities.queries';

const MAX_PHOTOS = 12;

/** The URL a photo is served at (GET /facilities/{id}/photos/{photoId}). */
export const photoUrl = (facilityId: string, photoId: string) => `/api/facilities/${facilityId}/photos/${photoId}`;

/** Photos of these facilities, oldest first, as URLs the web app shows. */
export async function photosOf(db: Queryable, facilityIds: string[]): Promise<Map<string, Photo[]>> {
  const out = new Map<string, Photo[]>();
  if (!facilityIds.length) return out;
  const rows = await db
    .select({ id: facilityPhotos.id, facilityId: facilityPhotos.facilityId })
    .from(facilityPhotos)
    .where(inArray(facilityPhotos.facilityId, facilityIds))
    .orderBy(asc(facilityPhotos.createdAt));
  for (const r of rows)
    out.set(r.facilityId, [...(out.get(r.facilityId) ?? []), { id: r.id, url: photoUrl(r.facilityId, r.id) }]);
  return out;
}

/** Refuses (409) another photo of a facility that has as many as it may have. */
export async function assertRoomForPhoto(db: Queryable, row: FacilityRow): Promise<void> {
  const existing = await photosOf(db, [row.facility.id]);
  if ((existing.get(row.facility.id)?.length ?? 0) >= MAX_PHOTOS)
    throw new AppError('conflict', `At most ${MAX_PHOTOS} photos per facility`);
}

/** One photo of the facility (the caller's gate returned it), or undefined. */
export async function getPhoto(db: Queryable, row: FacilityRow, photoId: string) {
  const [photo] = await db
    .select()
    .from(facilityPhotos)
    .where(and(eq(facilityPhotos.id, photoId), eq(facilityPhotos.facilityId, row.facility.id)));
  return photo;
}
