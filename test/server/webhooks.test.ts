// LiveKit's webhooks, signed the way LiveKit signs them (a JWT whose sha256 claim is the body's hash).
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AccessToken } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { Client, expectStatus, type OpenApiDoc, useHarness } from '../support/harness';

const h = useHarness();
const KEY = 'tongzhou-test';
const SECRET = 'a-webhook-signing-secret-of-32-characters!';

async function sign(body: string, secret = SECRET) {
  const t = new AccessToken(KEY, secret);
  t.sha256 = createHash('sha256').update(body).digest('base64');
  return t.toJwt();
}

describe('livekit webhooks', () => {
  const app = () =>
    createApp({
      ...h.deps,
      config: { ...h.deps.config, livekit: { url: 'ws://127.0.0.1:1', apiKey: KEY, apiSecret: SECRET } },
      actorCache: undefined,
    });

  it('records join and leave from signed events, in any order, once each; the lesson goes live and ends', async () => {
    const client = new Client(app());
    const db = h.deps.database.db;
    const { lessons } = await import('../../server/db/schema');
    const { eq } = await import('drizzle-orm');
    const [lesson] = await db.select().from(lessons).where(eq(lessons.id, h.ids.lessons!.demo!));
    const now = Math.floor(Date.now() / 1000);
    const post = async (event: object) => {
      const body = JSON.stringify(event);
      return client.raw('POST', '/api/livekit/webhook', body, {
        'content-type': 'application/webhook+json',
        authorization: await sign(body),
      });
    };
    const participant = { sid: 'PA_classroom1', identity: `classroom:${h.ids.classrooms.beishan4_1}` };
    // The leave arrives before the join: both halves still land on one row.
    const left = await post({
      event: 'participant_left',
      id: 'EV_2',
      createdAt: String(now + 600),
      room: { name: lesson!.roomName },
      participant,
    });
    expectStatus(left, 200);
    expect(
      (
        await post({
          event: 'participant_joined',
          id: 'EV_1',
          createdAt: String(now),
          room: { name: lesson!.roomName },
          participant,
        })
      ).body.applied,
    ).toBe(true);
    const again = await post({
      event: 'participant_joined',
      id: 'EV_1',
      createdAt: String(now),
      room: { name: lesson!.roomName },
      participant,
    });
    expect(again.body.applied).toBe(false);

    const { lessonAttendance } = await import('../../server/db/schema');
    const rows = await db.select().from(lessonAttendance).where(eq(lessonAttendance.lessonId, lesson!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.leftAt!.getTime() - rows[0]!.joinedAt!.getTime()).toBe(600_000);
    const status = async () => (await db.select().from(lessons).where(eq(lessons.id, lesson!.id)))[0]!.status;
    // The lesson is days away: a classroom trying its big screen early does not start it; its teacher joining does.
    expect(await status()).toBe('scheduled');
    const teacher = { sid: 'PA_teacher1', identity: `user:${lesson!.teacherId}` };
    const room = { name: lesson!.roomName };
    await post({ event: 'participant_joined', id: 'EV_4', createdAt: String(now + 60), room, participant: teacher });
    expect(await status()).toBe('live');
    // Everyone gone before its end: LiveKit closes the room, the lesson stays open to join again.
    await post({ event: 'participant_left', id: 'EV_5', createdAt: String(now + 120), room, participant: teacher });
    await post({ event: 'room_finished', id: 'EV_3', createdAt: String(now + 900), room });
    expect(await status()).toBe('live');
    // A room closing once its time is over ends it, and ends any session still open.
    const over = Math.floor(lesson!.endsAt.getTime() / 1000) + 60;
    const back = { ...teacher, sid: 'PA_teacher2' };
    await post({ event: 'participant_joined', id: 'EV_6', createdAt: String(over - 600), room, participant: back });
    await post({ event: 'room_finished', id: 'EV_7', createdAt: String(over), room });
    expect(await status()).toBe('ended');
    const open = await db.select().from(lessonAttendance).where(eq(lessonAttendance.lessonId, lesson!.id));
    expect(open.find((r) => r.sid === 'PA_teacher2')!.leftAt!.getTime()).toBe(over * 1000);
  });

  it('a finished server-side recording (egress_ended) becomes the teacher’s library video, filed with the lesson, once', async () => {
    const client = new Client(app());
    const db = h.deps.database.db;
    const { lessons } = await import('../../server/db/schema');
    const { eq } = await import('drizzle-orm');
    const { LocalStorage } = await import('../../server/modules/resources/storage');
    const storage = h.deps.storage as InstanceType<typeof LocalStorage>;
    // What Egress would have written into the bucket.
    const key = `files/2026-11/${crypto.randomUUID()}.mp4`;
    const bytes = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(4096, 7)]);
    const [lesson] = await db
      .update(lessons)
      .set({ recordingEgressId: 'EG_lesson1', recordingKey: key })
      .where(eq(lessons.id, h.ids.lessons!.demo!))
      .returning();
    const post = async (event: object) => {
      const body = JSON.stringify(event);
      return client.raw('POST', '/api/livekit/webhook', body, {
        'content-type': 'application/webhook+json',
        authorization: await sign(body),
      });
    };
    const ended = {
      event: 'egress_ended',
      room: { name: lesson!.roomName },
      egressInfo: { egressId: 'EG_lesson1', roomName: lesson!.roomName, status: 'EGRESS_COMPLETE' },
    };
    // The file is not in the bucket yet (a slow upload): 503, and the event is not spent — LiveKit's retry files it.
    expectStatus(await post({ ...ended, id: 'EV_EG1' }), 503);
    mkdirSync(dirname(join(storage.root, key)), { recursive: true });
    writeFileSync(join(storage.root, key), bytes);
    // The retry and another delivery at the same time: one filing.
    const [a, b] = await Promise.all([post({ ...ended, id: 'EV_EG1' }), post({ ...ended, id: 'EV_EG2' })]);
    expectStatus(a, 200);
    expectStatus(b, 200);
    const wang = await h.as('wang@jhzx.demo');
    const videos = (await wang.get(`/api/lessons/${lesson!.id}`)).body.lesson.materials.filter(
      (m) => m.kind === 'video',
    );
    expect(videos).toHaveLength(1);
    expect(videos[0]!.title).toBe('分数的初步认识（双师课堂）（课堂实录）');
    const resource = (await wang.get(`/api/resources/${videos[0]!.id}`)).body.resource;
    expect(resource).toMatchObject({ status: 'in_review', kind: 'video', visibility: 'group' });
    expect(resource.file).toMatchObject({
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      contentType: 'video/mp4',
    });
    expect((await wang.get('/api/notifications')).body.items.filter((n) => n.kind === 'lesson.recorded')).toHaveLength(
      1,
    );
    // Filed: the lesson may be recorded again.
    expect((await db.select().from(lessons).where(eq(lessons.id, lesson!.id)))[0]!.recordingEgressId).toBeNull();
    expectStatus(await post({ ...ended, id: 'EV_EG3' }), 200);
    expect(
      (await wang.get(`/api/lessons/${lesson!.id}`)).body.lesson.materials.filter((m) => m.kind === 'video'),
    ).toHaveLength(1);
  });

  it('refuses unsigned, forged and tampered webhooks with 401', async () => {
    const client = new Client(app());
    const body = JSON.stringify({ event: 'room_started', id: 'EV_X', room: { name: 'x' } });
    expectStatus(
      await client.raw('POST', '/api/livekit/webhook', body, { 'content-type': 'application/webhook+json' }),
      401,
    );
    expectStatus(
      await client.raw('POST', '/api/livekit/webhook', body, {
        'content-type': 'application/webhook+json',
        authorization: await sign(body, 'another-secret-that-is-32-characters-long'),
      }),
      401,
    );
    const tampered = await client.raw('POST', '/api/livekit/webhook', body.replace('room_started', 'room_finished'), {
      'content-type': 'application/webhook+json',
      authorization: await sign(body),
    });
    expectStatus(tampered, 401);
    expect(tampered.body.error.code).toBe('invalid_signature');
  });

  it('without a LiveKit server there is nothing to check a signature with: 503, as openapi.json says', async () => {
    // The harness's own app has no LiveKit configured.
    const body = JSON.stringify({ event: 'room_started', id: 'EV_NONE', room: { name: 'x' } });
    const res = await h.anon.raw('POST', '/api/livekit/webhook', body, {
      'content-type': 'application/webhook+json',
      authorization: await sign(body),
    });
    expectStatus(res, 503);
    expect(res.body.error.code).toBe('livekit_unavailable');
    const doc = (await h.anon.raw('GET', '/api/openapi.json')).body as OpenApiDoc;
    expect(Object.keys(doc.paths['/api/livekit/webhook']?.post?.responses ?? {})).toContain('503');
  });
});

describe('lessons left live after their time', () => {
  it('are ended by the hourly job once no one is in them (or hours after), at their end or their last leave', async () => {
    const { endLessonsOver } = await import('../../server/modules/lessons/over.service');
    const { lessons, lessonAttendance } = await import('../../server/db/schema');
    const { eq } = await import('drizzle-orm');
    const db = h.deps.database.db;
    const [demo] = await db.select().from(lessons).where(eq(lessons.id, h.ids.lessons!.demo!));
    const now = new Date();
    const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
    const live = async (name: string, endsAt: Date) => {
      const [l] = await db
        .insert(lessons)
        .values({
          teacherId: demo!.teacherId,
          schoolId: demo!.schoolId,
          title: name,
          subject: 'math',
          grade: 4,
          startsAt: new Date(endsAt.getTime() - 40 * 60_000),
          endsAt,
          status: 'live',
          roomName: `lesson-${crypto.randomUUID()}`,
        })
        .returning();
      return l!;
    };
    const session = (lessonId: string, sid: string, joinedAt: Date, leftAt: Date | null) =>
      db.insert(lessonAttendance).values({ lessonId, identity: `user:${demo!.teacherId}`, sid, joinedAt, leftAt });
    // Everyone left 50 minutes ago, ten minutes after the end: ended then.
    const left = await live('早退的课', minutes(-60));
    await session(left.id, 'PA_a', minutes(-100), minutes(-50));
    // Ended 40 minutes ago with a teacher still in the room: still running over, left alone.
    const over = await live('拖堂的课', minutes(-40));
    await session(over.id, 'PA_b', minutes(-80), null);
    // A leave LiveKit never reported, four hours on: ended at its end, the session closed there.
    const lost = await live('失联的课', minutes(-240));
    await session(lost.id, 'PA_c', minutes(-280), null);
    // …and one who came back while it ran over, whose leave was lost too: closed where it began, never before.
    await session(lost.id, 'PA_d', minutes(-230), null);
    // Its time not yet half an hour past: left alone.
    const recent = await live('刚下课', minutes(-10));

    expect(await endLessonsOver(db, now)).toBe(2);
    expect(await endLessonsOver(db, now)).toBe(0);
    const read = async (id: string) => (await db.select().from(lessons).where(eq(lessons.id, id)))[0]!;
    expect(await read(left.id)).toMatchObject({ status: 'ended', updatedAt: minutes(-50) });
    expect(await read(lost.id)).toMatchObject({ status: 'ended', updatedAt: minutes(-240) });
    expect((await read(over.id)).status).toBe('live');
    expect((await read(recent.id)).status).toBe('live');
    const [closed] = await db.select().from(lessonAttendance).where(eq(lessonAttendance.sid, 'PA_c'));
    expect(closed!.leftAt).toEqual(minutes(-240));
    const [back] = await db.select().from(lessonAttendance).where(eq(lessonAttendance.sid, 'PA_d'));
    expect(back!.leftAt).toEqual(minutes(-230));
  });
});
