// The writes of facility photos. The uploaded file waits under a temporary key until its row exists; whatever
// fails on the way, the file is removed again, so storage holds no photo the database does not know.
import { and, eq } from 'drizzle-orm';
import type { Photo } from '../../../shared/schemas/facilities';
import { facilityPhotos } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db } from '../../lib/db';
import { notFound } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import type { Storage } from '../resources/storage';
import type { Received } from '../resources/upload';
import type { FacilityRow } from './facilities.queries';
import { photoUrl } from './photos.queries';

export interface AddPhotoParams {
  /** The facility, as the caller's gate (getManagedFacility) returned it. */
  facility: FacilityRow;
  /** The image, received into temporary storage. */
  file: Received['file'];
  storage: Storage;
}

export async function addPhoto(db: Db, actor: Actor, params: AddPhotoParams, meta: RequestMeta): Promise<Photo> {
  const { facility: row, file, storage } = params;
  let key: string | undefined;
  try {
    const created = await db.transaction(async (tx) => {
      key = await storage.promote(file.tempKey);
      const [p] = await tx
        .insert(facilityPhotos)
        .values({ facilityId: row.facility.id, storageKey: key, contentType: file.contentType, size: file.size })
        .returning();
      if (!p) throw new Error('an insert that succeeded made no photo');
      await audit(tx, actor, meta, {
        action: 'facility.photo_add',
        entityType: 'facility',
        entityId: row.facility.id,
        orgId: row.school.id,
        after: { photo: p.id, file: file.fileName },
      });
      return p;
    });
    return { id: created.id, url: photoUrl(row.facility.id, created.id) };
  } catch (err) {
    await storage.remove(key ?? file.tempKey);
    throw err;
  }
}

export interface RemovePhotoParams {
  /** The facility, as the caller's gate (getManagedFacility) returned it. */
  facility: FacilityRow;
  photoId: string;
  /** Where the file is; absent where there is none (the row goes all the same). */
  storage: Storage | undefined;
}

export async function removePhoto(db: Db, actor: Actor, params: RemovePhotoParams, meta: RequestMeta): Promise<void> {
  const { facility: row, photoId, storage } = params;
  const [gone] = await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(facilityPhotos)
      .where(and(eq(facilityPhotos.id, photoId), eq(facilityPhotos.facilityId, row.facility.id)))
      .returning();
    if (deleted.length)
      await audit(tx, actor, meta, {
        action: 'facility.photo_remove',
        entityType: 'facility',
        entityId: row.facility.id,
        orgId: row.school.id,
        before: { photo: photoId },
      });
    return deleted;
  });
  if (!gone) throw notFound('photo');
  await storage?.remove(gone.storageKey);
}
