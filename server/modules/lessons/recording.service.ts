// Recording a lesson. The teacher's browser records and files the upload with the lesson's materials; or, where
// LiveKit Egress is configured, the server records the room.
//
// A server-side recording (LiveKit Egress) that has finished: its MP4 is already in our bucket at the key the
// lesson holds; it becomes a library resource of the teacher's (reviewed like any group-wide upload), is filed
// with the lesson's materials, and the teacher is told. A failed recording is reported to the teacher too.
// Filing happens before the webhook is answered: if it fails, LiveKit's retry files it. Concurrent reports of
// the same recording queue on the lesson's row; the first files it and clears the egress id, so later ones
// find nothing to do (and the teacher may record again).
import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { type EgressInfo, EgressStatus } from 'livekit-server-sdk';
import { lessonIsOver } from '../../../shared/lessons';
import { iso } from '../../../shared/time';
import { lessonMaterials, lessons, resources } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { Config, Deps, RequestMeta } from '../../lib/context';
import type { Db } from '../../lib/db';
import { AppError } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import { notify } from '../notifications/notifications.service';
import { insertResource } from '../resources/resources.service';
import { newFileKey } from '../resources/storage';
import type { LessonRow } from './lessons.queries';
import { configuredLiveKit, startEgress, stopEgress } from './livekit';

export interface FileRecordingParams {
  /** The lesson as its teacher's gate found it. */
  lesson: LessonRow;
  /** The recording: a library resource the teacher uploaded. */
  resourceId: string;
}

/** Files the teacher's own upload with the lesson's materials (once; filing it again changes nothing). */
export async function fileUploadedRecording(db: Db, actor: Actor, params: FileRecordingParams, meta: RequestMeta) {
  const { lesson, resourceId } = params;
  const [own] = await db
    .select({ id: resources.id })
    .from(resources)
    .where(and(eq(resources.id, resourceId), eq(resources.authorId, actor.user.id)));
  if (!own)
    throw new AppError('validation_failed', 'The recording must be a resource you uploaded', {
      fields: { resourceId: ['not your upload'] },
    });
  await db.transaction(async (tx) => {
    await tx.insert(lessonMaterials).values({ lessonId: lesson.id, resourceId, position: 1000 }).onConflictDoNothing();
    await audit(tx, actor, meta, {
      action: 'lesson.recording',
      entityType: 'lesson',
      entityId: lesson.id,
      orgId: lesson.schoolId,
      after: { resourceId },
    });
  });
}

/** What recording on the server needs: LiveKit and its Egress (either missing: the teacher's browser records). */
export interface EgressDeps {
  livekit: Config['livekit'];
  egress: Config['egress'];
}

export interface StartRecordingParams {
  /** The lesson as its teacher's gate found it. */
  lesson: LessonRow;
}

/** Starts the room's recording on the server, or answers the one already running; its egress id. */
export async function startServerRecording(
  db: Db,
  actor: Actor,
  params: StartRecordingParams,
  meta: RequestMeta,
  deps: EgressDeps,
): Promise<string> {
  const row = params.lesson;
  if (lessonIsOver(row.status)) throw new AppError('invalid_state', 'This lesson is not running');
  const { livekit, egress } = deps;
  if (!livekit || !egress)
    throw new AppError(
      'service_unavailable',
      'Recording on the live server is not configured here; the teacher’s browser records instead',
      { reason: 'not_configured' },
    );
  if (row.recordingEgressId) return row.recordingEgressId;
  const key = `${newFileKey()}.mp4`;
  const egressId = await startEgress(livekit, egress, row.roomName, key);
  // Two starts at once (two tabs, a reload): the first to save wins; the other recording is stopped again.
  const won = await db.transaction(async (tx) => {
    const [hit] = await tx
      .update(lessons)
      .set({ recordingEgressId: egressId, recordingKey: key, updatedAt: new Date() })
      .where(and(eq(lessons.id, row.id), isNull(lessons.recordingEgressId)))
      .returning({ id: lessons.id });
    if (hit)
      await audit(tx, actor, meta, {
        action: 'lesson.recording.start',
        entityType: 'lesson',
        entityId: row.id,
        orgId: row.schoolId,
        after: { egressId },
      });
    return !!hit;
  });
  if (won) return egressId;
  await stopEgress(livekit, egressId).catch(() => {});
  const [winner] = await db.select({ egressId: lessons.recordingEgressId }).from(lessons).where(eq(lessons.id, row.id));
  if (!winner?.egressId) throw new Error('the recording that won the race is gone');
  return winner.egressId;
}

/** Stops the server-side recording; it is filed when LiveKit reports it done (fileEgressRecording). */
export async function stopServerRecording(lesson: LessonRow, livekit: Config['livekit']) {
  if (!lesson.recordingEgressId) throw new AppError('invalid_state', 'Nothing is being recorded on the server');
  await stopEgress(configuredLiveKit(livekit), lesson.recordingEgressId);
}

/** What filing a finished Egress recording needs: the bucket it was written to and the log. */
export type FilingDeps = Pick<Deps, 'storage' | 'log'>;

/** Files a recording LiveKit Egress reports ended (see the top of this file); anything else of it is ignored. */
export async function fileEgressRecording(db: Db, deps: FilingDeps, info: EgressInfo) {
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
