// LiveKit's signed webhooks: the signature is checked on the raw body; each event is applied once (its id is
// recorded in the same transaction) and in any order (joins and leaves pair on the participant's session id).
import { createRoute } from '@hono/zod-openapi';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { WebhookReceiver } from 'livekit-server-sdk';
import { z } from 'zod';
import { lessonAttendance, lessons, livekitEvents } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { json, newRouter } from '../../lib/router';
import { fileEgressRecording } from './recording';

const at = (seconds: bigint | number | undefined) => (seconds ? new Date(Number(seconds) * 1000) : new Date());

export const webhooksRoutes = newRouter().openapi(
  createRoute({
    method: 'post',
    path: '/livekit/webhook',
    tags: ['lessons'],
    summary: 'Receives LiveKit’s signed webhooks (room and participant events)',
    description: 'Body: LiveKit’s webhook JSON (application/webhook+json), signed in the Authorization header.',
    responses: {
      200: json(z.object({ ok: z.boolean(), applied: z.boolean() })),
      401: json(z.object({ error: z.any() }), 'Unsigned or tampered'),
    },
  }),
  async (c) => {
    const { config, database } = c.get('deps');
    const lk = config.livekit;
    if (!lk) throw new AppError('livekit_unavailable', 'No live lesson server is configured here');
    const raw = await c.req.text();
    let event;
    try {
      event = await new WebhookReceiver(lk.apiKey, lk.apiSecret).receive(raw, c.req.header('authorization'));
    } catch {
      throw new AppError('invalid_signature', 'The webhook is not signed by our LiveKit server');
    }
    // A finished server-side recording is filed before the event counts as applied: should filing fail, the
    // answer is 503 and LiveKit's retry tries again (filing is idempotent).
    if (event.event === 'egress_ended' && event.egressInfo) {
      try {
        await fileEgressRecording(c.get('deps'), event.egressInfo);
      } catch (err) {
        c.get('deps').log.log('error', 'lesson.recording_filing_failed', {
          egressId: event.egressInfo.egressId,
          error: String(err),
        });
        throw new AppError('service_unavailable', 'The recording could not be filed yet; LiveKit will retry');
      }
    }
    const room = event.room?.name ?? null;
    const applied = await database.db.transaction(async (tx) => {
      const [fresh] = await tx
        .insert(livekitEvents)
        .values({ id: event.id, event: event.event, room })
        .onConflictDoNothing()
        .returning({ id: livekitEvents.id });
      if (!fresh) return false; // a repeated delivery
      if (!room) return true;
      const [lesson] = await tx
        .select({ id: lessons.id, status: lessons.status })
        .from(lessons)
        .where(eq(lessons.roomName, room));
      if (!lesson) return true;
      const when = at(event.createdAt);
      if (event.event === 'room_started' || event.event === 'participant_joined') {
        await tx
          .update(lessons)
          .set({ status: 'live', updatedAt: new Date() })
          .where(and(eq(lessons.id, lesson.id), inArray(lessons.status, ['scheduled'])));
      }
      if (event.event === 'room_finished') {
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
    return c.json({ ok: true, applied }, 200);
  },
);
