// A server-side recording (LiveKit Egress) that has finished: its MP4 is already in our bucket at the key the
// lesson holds; it becomes a library resource of the teacher's (reviewed like any group-wide upload), is filed
// with the lesson's materials, and the teacher is told. A failed recording is reported to the teacher too.
// Filing happens before the webhook is answered: if it fails, LiveKit's retry files it. Concurrent reports of
// the same recording queue on the lesson's row; the first files it and clears the egress id, so later ones
// find nothing to do (and the teacher may record again).
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type EgressInfo, EgressStatus } from 'livekit-server-sdk';
import { iso } from '../../../shared/time';
import { lessonMaterials, lessons } from '../../db/schema';
import type { Deps } from '../../lib/context';
import { notify } from '../notifications/notifications.service';
import { insertResource } from '../resources/resources.service';

export async function fileEgressRecording(deps: Pick<Deps, 'database' | 'storage' | 'log'>, info: EgressInfo) {
  const db = deps.database.db;
  const [lesson] = await db.select().from(lessons).where(eq(lessons.recordingEgressId, info.egressId));
  if (!lesson?.recordingKey) return;
  const key = lesson.recordingKey;
  const done = { recordingEgressId: null, recordingKey: null, updatedAt: new Date() };
  if (info.status !== EgressStatus.EGRESS_COMPLETE) {
    deps.log.log('warn', 'lesson.recording_failed', {
      lessonId: lesson.id,
      egressId: info.egressId,
      error: info.error,
    });
    await db.transaction(async (tx) => {
      const [mine] = await tx
        .update(lessons)
        .set(done)
        .where(eq(lessons.recordingEgressId, info.egressId))
        .returning({ id: lessons.id });
      if (mine)
        await notify(tx, [lesson.teacherId], 'lesson.recordingFailed', {
          lessonId: lesson.id,
          title: lesson.title,
          startsAt: iso(lesson.startsAt),
        });
    });
    return;
  }
  const storage = deps.storage;
  if (!storage) throw new Error('no file storage to file the recording in');
  // Read outside the transaction: hashing a long lesson takes seconds.
  const size = await storage.size(key);
  const hash = createHash('sha256');
  const reader = (await storage.read(key)).getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) hash.update(r.value);
  const sha256 = hash.digest('hex');
  await db.transaction(async (tx) => {
    const [mine] = await tx
      .select({ id: lessons.id })
      .from(lessons)
      .where(eq(lessons.recordingEgressId, info.egressId))
      .for('update');
    if (!mine) return; // another delivery filed it while we were hashing
    const { row } = await insertResource(tx, {
      schoolId: lesson.schoolId,
      authorId: lesson.teacherId,
      status: 'in_review',
      meta: {
        title: `${lesson.title}（课堂实录）`,
        subject: lesson.subject,
        grade: lesson.grade,
        kind: 'video',
        visibility: 'group',
      },
      file: { fileName: `${lesson.title}.mp4`, storageKey: key, contentType: 'video/mp4', size, sha256 },
    });
    await tx
      .insert(lessonMaterials)
      .values({ lessonId: lesson.id, resourceId: row.id, position: 1000 })
      .onConflictDoNothing();
    await tx.update(lessons).set(done).where(eq(lessons.id, lesson.id));
    await notify(tx, [lesson.teacherId], 'lesson.recorded', {
      lessonId: lesson.id,
      title: lesson.title,
      startsAt: iso(lesson.startsAt),
      resourceId: row.id,
    });
  });
}
