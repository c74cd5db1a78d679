// A server-side recording (LiveKit Egress) that has finished: its MP4 is already in our bucket at the key the
// lesson holds; it becomes a library resource of the teacher's (reviewed like any group-wide upload), is filed
// with the lesson's materials, and the teacher is told. A failed recording is reported to the teacher too.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { EgressStatus, type EgressInfo } from 'livekit-server-sdk';
import { lessonMaterials, lessons, resourceVersions } from '../../db/schema';
import type { Deps } from '../../lib/context';
import { iso } from '../../lib/time';
import { notify } from '../bookings/bookings.queries';
import { insertResource } from '../resources/resources.service';

export async function fileEgressRecording(deps: Pick<Deps, 'database' | 'storage' | 'log'>, info: EgressInfo) {
  const db = deps.database.db;
  const [lesson] = await db.select().from(lessons).where(eq(lessons.recordingEgressId, info.egressId));
  if (!lesson?.recordingKey) return;
  const key = lesson.recordingKey;
  const storage = deps.storage;
  if (!storage) return deps.log.log('error', 'lesson.recording_without_storage', { lessonId: lesson.id });
  if (info.status !== EgressStatus.EGRESS_COMPLETE) {
    deps.log.log('warn', 'lesson.recording_failed', { lessonId: lesson.id, egressId: info.egressId, error: info.error });
    await notify(db, [lesson.teacherId], 'lesson.recordingFailed', { lessonId: lesson.id, title: lesson.title, startsAt: iso(lesson.startsAt) });
    return;
  }
  // A repeated report files nothing twice.
  const [known] = await db.select({ id: resourceVersions.id }).from(resourceVersions).where(eq(resourceVersions.storageKey, key));
  if (known) return;
  const size = await storage.size(key);
  const hash = createHash('sha256');
  const reader = (await storage.read(key)).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) hash.update(r.value);
  await db.transaction(async (tx) => {
    const { row } = await insertResource(tx, {
      schoolId: lesson.schoolId, authorId: lesson.teacherId, status: 'in_review',
      meta: { title: `${lesson.title}（课堂实录）`, subject: lesson.subject, grade: lesson.grade, kind: 'video', visibility: 'group' },
      file: { fileName: `${lesson.title}.mp4`, storageKey: key, contentType: 'video/mp4', size, sha256: hash.digest('hex') },
    });
    await tx.insert(lessonMaterials).values({ lessonId: lesson.id, resourceId: row.id, position: 1000 }).onConflictDoNothing();
    await notify(tx, [lesson.teacherId], 'lesson.recorded', { lessonId: lesson.id, title: lesson.title, startsAt: iso(lesson.startsAt), resourceId: row.id });
  });
}
