// LiveKit's signed webhooks: the signature is checked on the raw body; each event is applied once (its id is
// recorded in the same transaction) and in any order (joins and leaves pair on the participant's session id).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type WebhookEvent, WebhookReceiver } from 'livekit-server-sdk';
import { lessonAttendance, lessons, livekitEvents } from '../../db/schema';
import type { Db } from '../../lib/db';
import { AppError } from '../../lib/errors';
import type { LiveKitConfig } from './livekit';
import { type FilingDeps, fileEgressRecording } from './recording.service';

const at = (seconds: bigint | number | undefined) => (seconds ? new Date(Number(seconds) * 1000) : new Date());

/** The event, if our LiveKit server signed this body; 401 otherwise. */
export async function verifiedEvent(lk: LiveKitConfig, raw: string, authorization: string | undefined) {
  try {
    return await new WebhookReceiver(lk.apiKey, lk.apiSecret).receive(raw, authorization);
  } catch {
    throw new AppError('invalid_signature', 'The webhook is not signed by our LiveKit server');
  }
}

/**
 * A finished server-side recording is filed before the event counts as applied: should filing fail, the
 * answer is 503 and LiveKit's retry tries again (filing is idempotent).
 */
export async function fileIfRecordingEnded(db: Db, deps: FilingDeps, event: WebhookEvent) {
  if (event.event !== 'egress_ended' || !event.egressInfo) return;
  try {
    await fileEgressRecording(db, deps, event.egressInfo);
  } catch (err) {
    deps.log.log('error', 'lesson.recording_filing_failed', {
      egressId: event.egressInfo.egressId,
      error: String(err),
    });
    throw new AppError('service_unavailable', 'The recording could not be filed yet; LiveKit will retry');
  }
}

/** Applies the event to its lesson once; answers false for a repeated delivery. */
export async function applyEvent(db: Db, event: WebhookEvent): Promise<boolean> {
  const room = event.room?.name ?? null;
  return db.transaction(async (tx) => {
    const [fresh] = await tx
      .insert(livekitEvents)
      .values({ id: event.id, event: event.event, room })
      .onConflictDoNothing()
      .returning({ id: livekitEvents.id });
    if (!fresh) return false; // a repeated delivery
    if (!room) return true;
    const [lesson] = await tx
      .select({
        id: lessons.id,
        status: lessons.status,
        teacherId: lessons.teacherId,
        startsAt: lessons.startsAt,
        endsAt: lessons.endsAt,
      })
      .from(lessons)
      .where(eq(lessons.roomName, room));
    if (!lesson) return true;
    const when = at(event.createdAt);
    // Live once its time has come, or once its teacher has joined (a teacher may begin a little early); a classroom
    // waiting in the quarter hour before does not start it (a live lesson can no longer be moved).
    const teacherJoined =
      event.event === 'participant_joined' && event.participant?.identity === `user:${lesson.teacherId}`;
    const begun = when.getTime() >= lesson.startsAt.getTime();
    if ((event.event === 'room_started' || event.event === 'participant_joined') && (begun || teacherJoined)) {
      await tx
        .update(lessons)
        .set({ status: 'live', updatedAt: new Date() })
        .where(and(eq(lessons.id, lesson.id), inArray(lessons.status, ['scheduled'])));
    }
    // LiveKit closes a room everyone has left. That ends the lesson only once its time is over: a big screen tried
    // early and closed, or a teacher's network lost mid-lesson, leaves the lesson open to join again (its room is
    // made again on the next join). Its open sessions end either way.
    if (event.event === 'room_finished') {
      if (when.getTime() >= lesson.endsAt.getTime())
        await tx
          .update(lessons)
          .set({ status: 'ended', updatedAt: new Date() })
          .where(and(eq(lessons.id, lesson.id), inArray(lessons.status, ['scheduled', 'live'])));
      await tx
        .update(lessonAttendance)
        .set({ leftAt: when })
        .where(and(eq(lessonAttendance.lessonId, lesson.id), sql`${lessonAttendance.leftAt} IS NULL`));
    }
    const p = event.participant;
    if (
      p?.sid &&
      (event.event === 'participant_joined' ||
        event.event === 'participant_left' ||
        event.event === 'participant_connection_aborted')
    ) {
      const joined = event.event === 'participant_joined';
      // Whichever of join and leave arrives first creates the row; the other fills in its half.
      await tx
        .insert(lessonAttendance)
        .values({
          lessonId: lesson.id,
          identity: p.identity,
          sid: p.sid,
          ...(joined ? { joinedAt: when } : { leftAt: when }),
        })
        .onConflictDoUpdate({
          target: [lessonAttendance.lessonId, lessonAttendance.sid],
          set: joined ? { joinedAt: when } : { leftAt: when },
        });
    }
    return true;
  });
}
