import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { lessons, memberships } from '../../server/db/schema';
import { livekitProbe } from '../../server/lib/livekit-probe';
import { byCodePoint } from '../../shared/order';
import { toLocal } from '../../shared/time';
import { type BodyOf, Client, detailsOf, expectStatus, useHarness } from '../support/harness';
import { freePorts } from '../support/ports';

const h = useHarness();
const soon = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString().replace('Z', '+00:00');

describe('lessons: scheduling and who takes part', () => {
  it('a master teacher schedules a lesson for the two rural classrooms; each person sees their own role', async () => {
    const wang = await h.as('wang@jhzx.demo');
    const res = await wang.post('/api/lessons', {
      title: '分数的初步认识（双师课堂）',
      subject: 'math',
      grade: 4,
      startsAt: soon(60),
      endsAt: soon(100),
      classroomIds: [h.ids.classrooms.beishan4_1!, h.ids.classrooms.nanhu5_1!],
    });
    expectStatus(res, 201);
    expect(res.body.lesson).toMatchObject({ status: 'scheduled', teacherName: '王明远', myRole: 'teacher' });
    expect(res.body.lesson.classrooms.map((c) => `${c.schoolName} ${c.name}`).sort()).toEqual(
      ['北山乡中心小学 四年级一班', '南湖村小学 五年级一班'].sort(),
    );
    const id = res.body.lesson.id;

    const zhao = await h.as('zhao@beishan.demo');
    expect((await zhao.get('/api/lessons?scope=mine')).body.items.map((l) => [l.id, l.myRole])).toContainEqual([
      id,
      'classroom',
    ]);
    const li = await h.as('li@jhxx.demo');
    expect((await li.get('/api/lessons?scope=mine')).body.items.map((l) => l.id)).not.toContain(id);
    expect((await li.get('/api/lessons?scope=upcoming')).body.items.find((l) => l.id === id)!.myRole).toBe('observer');
    expectStatus(await (await h.as('admin@xiling.demo')).get(`/api/lessons/${id}`), 404);
    expectStatus(await (await h.as('admin@xiling.demo')).post(`/api/lessons/${id}/join`), 404);
  });

  it('only master teachers schedule, for classrooms within reach, ending after they start', async () => {
    const base = { title: 'x', subject: 'math', grade: 4, startsAt: soon(60), endsAt: soon(100) } satisfies Partial<
      BodyOf<'POST', '/api/lessons'>
    >;
    expectStatus(
      await (await h.as('li@jhxx.demo')).post('/api/lessons', {
        ...base,
        classroomIds: [h.ids.classrooms.beishan4_1!],
      }),
      403,
    );
    const wang = await h.as('wang@jhzx.demo');
    const foreign = await wang.post('/api/lessons', { ...base, classroomIds: [h.ids.classrooms.xiling7_1!] });
    expectStatus(foreign, 400);
    expect(detailsOf(foreign, 'fields').classroomIds).toBeTruthy();
    const reversed = await wang.post('/api/lessons', {
      ...base,
      startsAt: soon(100),
      endsAt: soon(60),
      classroomIds: [h.ids.classrooms.beishan4_1!],
    });
    expect(detailsOf(reversed, 'fields').endsAt).toBeTruthy();
  });

  it('joining opens 15 minutes before the start, and answers 503 livekit_unavailable with no LiveKit configured', async () => {
    const wang = await h.as('wang@jhzx.demo');
    const later = await wang.post('/api/lessons', {
      title: '稍后',
      subject: 'math',
      grade: 4,
      startsAt: soon(60),
      endsAt: soon(100),
      classroomIds: [h.ids.classrooms.beishan4_1!],
      allowClashes: true,
    });
    const early = await wang.post(`/api/lessons/${later.body.lesson.id}/join`);
    expectStatus(early, 409);
    const now = await wang.post('/api/lessons', {
      title: '现在',
      subject: 'math',
      grade: 4,
      startsAt: soon(5),
      endsAt: soon(45),
      classroomIds: [h.ids.classrooms.beishan4_1!],
    });
    const join = await (await h.as('zhao@beishan.demo')).post(`/api/lessons/${now.body.lesson.id}/join`);
    expectStatus(join, 503);
    expect(join.body.error.code).toBe('livekit_unavailable');
    expect(join.headers.get('retry-after')).toBe('5');
    // Its time ran out ten minutes ago: under way, it may be joined again (the time check passed: 503, no LiveKit
    // here); never begun, it is over.
    const { lessons } = await import('../../server/db/schema');
    const { eq } = await import('drizzle-orm');
    const over = { startsAt: new Date(Date.now() - 50 * 60_000), endsAt: new Date(Date.now() - 10 * 60_000) };
    for (const [status, answer] of [
      ['live', 503],
      ['scheduled', 409],
    ] as const) {
      await h.deps.database.db
        .update(lessons)
        .set({ ...over, status })
        .where(eq(lessons.id, now.body.lesson.id));
      expectStatus(await wang.post(`/api/lessons/${now.body.lesson.id}/join`), answer);
    }
  });

  it('a LiveKit that does not answer: join answers 503 livekit_unavailable with Retry-After, however it is found out', async () => {
    const [nobody] = await freePorts(1);
    const url = `ws://127.0.0.1:${nobody}`;
    const livekit = { url, apiKey: 'tongzhou', apiSecret: 'a-secret-of-at-least-32-characters-long' };
    const lesson = await (await h.as('wang@jhzx.demo')).post('/api/lessons', {
      title: '断线',
      subject: 'math',
      grade: 4,
      startsAt: soon(-1),
      endsAt: soon(40),
      classroomIds: [h.ids.classrooms.beishan4_1!],
      allowClashes: true,
    });
    expectStatus(lesson, 201);
    const cookie = (await h.login('zhao@beishan.demo')).headers.get('set-cookie')?.split(';')[0] ?? '';
    // The health probe finds it down first; without one, creating the room fails.
    for (const livekitStatus of [livekitProbe(url), undefined]) {
      const app = createApp({ ...h.deps, config: { ...h.deps.config, livekitUrl: url, livekit }, livekitStatus });
      const join = await new Client(app, { cookie }).post(`/api/lessons/${lesson.body.lesson.id}/join`);
      expectStatus(join, 503);
      expect(join.body.error.code).toBe('livekit_unavailable');
      expect(join.headers.get('retry-after')).toBe('5');
    }
  });
});

describe('lessons: series, clashes, changes and what the classrooms hear', () => {
  const day = (d: number, hh: number, mm = 0) => {
    const x = new Date(Date.now() + d * 86_400_000);
    const ymd = new Date(x.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    return `${ymd}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+08:00`;
  };

  it('a weekly series lands as one lesson per week for every classroom; a clash is shown before saving and can be overridden', async () => {
    const wang = await h.as('wang@jhzx.demo');
    const chen = await h.as('chen@nanhu.demo');
    const before = (await chen.get('/api/notifications')).body.items.length;
    const resource = (await wang.get('/api/resources?q=分数')).body.items[0]!;
    const series = await wang.post('/api/lessons', {
      title: '古诗诵读',
      subject: 'chinese',
      grade: 5,
      startsAt: day(20, 14),
      endsAt: day(20, 14, 40),
      classroomIds: [h.ids.classrooms.nanhu5_1!],
      weeks: 4,
      resourceIds: [resource.id],
    });
    expectStatus(series, 201);
    expect(series.body.lessons).toHaveLength(4);
    const starts = series.body.lessons.map((l) => new Date(l.startsAt).getTime());
    expect(starts.slice(1).map((t: number, i: number) => (t - starts[i]!) / 86_400_000)).toEqual([7, 7, 7]);
    expect(new Set(series.body.lessons.map((l) => l.seriesId)).size).toBe(1);
    expect(series.body.lesson.materials).toEqual([{ id: resource.id, title: resource.title, kind: resource.kind }]);
    // The assistant of 南湖 hears of it once, not four times.
    const notes = (await chen.get('/api/notifications')).body.items;
    expect(notes.length).toBe(before + 1);
    expect(notes[0]).toMatchObject({ kind: 'lesson.scheduled', data: { title: '古诗诵读', count: 4 } });

    // The third week clashes with a new one-off lesson for the same classroom: 409 with the clash named.
    const clash = await wang.post('/api/lessons', {
      title: '数学拓展',
      subject: 'math',
      grade: 5,
      startsAt: day(34, 14, 20),
      endsAt: day(34, 15),
      classroomIds: [h.ids.classrooms.nanhu5_1!, h.ids.classrooms.beishan4_1!],
    });
    expectStatus(clash, 409);
    expect(detailsOf(clash, 'clashes')).toEqual([
      expect.objectContaining({
        lessonId: series.body.lessons[2]!.id,
        title: '古诗诵读',
        classroomName: '南湖村小学 五年级一班',
      }),
    ]);
    // Back to back is not a clash (half-open times); overriding schedules it.
    expectStatus(
      await wang.post('/api/lessons', {
        title: '紧接着',
        subject: 'math',
        grade: 5,
        startsAt: day(20, 14, 40),
        endsAt: day(20, 15, 20),
        classroomIds: [h.ids.classrooms.nanhu5_1!],
      }),
      201,
    );
    expectStatus(
      await wang.post('/api/lessons', {
        title: '数学拓展',
        subject: 'math',
        grade: 5,
        startsAt: day(34, 14, 20),
        endsAt: day(34, 15),
        classroomIds: [h.ids.classrooms.nanhu5_1!],
        allowClashes: true,
      }),
      201,
    );
    // Materials must be visible to the teacher.
    const hidden = await wang.post('/api/lessons', {
      title: 'x',
      subject: 'math',
      grade: 5,
      startsAt: day(40, 9),
      endsAt: day(40, 10),
      classroomIds: [h.ids.classrooms.nanhu5_1!],
      resourceIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(detailsOf(hidden, 'fields').resourceIds).toBeTruthy();
  });

  it('moving the rest of a series and cancelling a lesson tell the classroom; a cancelled lesson cannot be joined', async () => {
    const wang = await h.as('wang@jhzx.demo');
    const zhao = await h.as('zhao@beishan.demo');
    const series = (
      await wang.post('/api/lessons', {
        title: '科学实验',
        subject: 'science',
        grade: 4,
        startsAt: day(50, 9),
        endsAt: day(50, 9, 40),
        classroomIds: [h.ids.classrooms.beishan4_1!],
        weeks: 3,
      })
    ).body.lessons;
    const moved = await wang.patch(`/api/lessons/${series[1]!.id}`, {
      startsAt: day(57, 10),
      endsAt: day(57, 10, 45),
      series: true,
    });
    expectStatus(moved, 200);
    expect(moved.body.lessons.map((l) => l.startsAt)).toEqual([day(57, 10), day(64, 10)]);
    expect((await wang.get(`/api/lessons/${series[0]!.id}`)).body.lesson.startsAt).toBe(day(50, 9));
    expect((await zhao.get('/api/notifications')).body.items[0]).toMatchObject({
      kind: 'lesson.rescheduled',
      data: { startsAt: day(57, 10), was: day(57, 9), count: 2 },
    });
    expectStatus(await zhao.patch(`/api/lessons/${series[0]!.id}`, { title: '改名' }), 403);

    const cancelled = await wang.post(`/api/lessons/${series[0]!.id}/cancel`, { reason: '停电检修' });
    expectStatus(cancelled, 200);
    expect(cancelled.body.lesson).toMatchObject({ status: 'cancelled', cancelReason: '停电检修' });
    expect((await zhao.get('/api/notifications')).body.items[0]).toMatchObject({
      kind: 'lesson.cancelled',
      data: { reason: '停电检修', count: 1 },
    });
    expectStatus(await wang.post(`/api/lessons/${series[0]!.id}/cancel`, {}), 409);
    expectStatus(await wang.patch(`/api/lessons/${series[0]!.id}`, { title: '再改' }), 409);
    expect((await zhao.post(`/api/lessons/${series[0]!.id}/join`)).body.error.code).toBe('invalid_state');
  });

  it('after the lesson: assistants give feedback, observers evaluate with the rubric, the teacher reads both; attendance is the teacher’s and the group’s', async () => {
    const wang = await h.as('wang@jhzx.demo');
    const zhao = await h.as('zhao@beishan.demo');
    const li = await h.as('li@jhxx.demo');
    const started = new Date(Date.now() - 50 * 60_000).toISOString();
    const lesson = (
      await wang.post('/api/lessons', {
        title: '已上完的课',
        subject: 'math',
        grade: 4,
        startsAt: started,
        endsAt: soon(-10),
        classroomIds: [h.ids.classrooms.beishan4_1!],
        allowClashes: true,
      })
    ).body.lesson;
    expectStatus(await zhao.put(`/api/lessons/${lesson.id}/feedback`, { rating: 9 }), 400);
    const fb = await zhao.put(`/api/lessons/${lesson.id}/feedback`, {
      rating: 4,
      comment: '学生很投入',
      questions: '分母为什么不能是0？',
    });
    expectStatus(fb, 200);
    expect(fb.body.feedback).toMatchObject({
      kind: 'classroom',
      classroomName: '四年级一班 · 北山乡中心小学',
      rating: 4,
    });
    expectStatus(await zhao.put(`/api/lessons/${lesson.id}/feedback`, { rating: 5, comment: '改一下' }), 200);
    expect(detailsOf(await li.put(`/api/lessons/${lesson.id}/feedback`, { rating: 4 }), 'fields').rubric).toBeTruthy();
    expectStatus(
      await li.put(`/api/lessons/${lesson.id}/feedback`, {
        rating: 4,
        rubric: { goals: 5, interaction: 4, dualTeacher: 3, technology: 4 },
        comment: '互动可以更多',
      }),
      200,
    );
    expectStatus(await wang.put(`/api/lessons/${lesson.id}/feedback`, { rating: 5 }), 403);

    const all = (await wang.get(`/api/lessons/${lesson.id}/feedback`)).body.items;
    expect(all.map((f) => [f.kind, f.rating, f.authorName])).toEqual([
      ['classroom', 5, '赵春生'],
      ['observer', 4, expect.any(String)],
    ]);
    expect(all.find((f) => f.kind === 'observer')!.rubric).toEqual({
      goals: 5,
      interaction: 4,
      dualTeacher: 3,
      technology: 4,
    });
    expect((await zhao.get(`/api/lessons/${lesson.id}/feedback`)).body.items).toHaveLength(1);

    const att = await wang.get(`/api/lessons/${lesson.id}/attendance`);
    expectStatus(att, 200);
    expect(att.body.items).toEqual([
      expect.objectContaining({ name: '四年级一班', minutes: 0, present: false, firstJoinedAt: null }),
    ]);
    expectStatus(await li.get(`/api/lessons/${lesson.id}/attendance`), 200);
    expectStatus(await zhao.get(`/api/lessons/${lesson.id}/attendance`), 403);
    const ended = await wang.post(`/api/lessons/${lesson.id}/end`);
    expect(ended.body.lesson.status).toBe('ended');
    expectStatus(await wang.post(`/api/lessons/${lesson.id}/end`), 409);
  });
});

describe('lessons: demo data', () => {
  it('holds one upcoming lesson by 王明远 for both rural classrooms', async () => {
    const chen = await h.as('chen@nanhu.demo');
    const mine = (await chen.get('/api/lessons?scope=mine')).body.items;
    const demo = mine.find((l) => l.id === h.ids.lessons!.demo);
    expect(demo).toMatchObject({ teacherName: '王明远', status: 'scheduled', myRole: 'classroom' });
    expect(demo!.classrooms.map((c) => c.name).sort()).toEqual(['五年级一班', '四年级一班'].sort());
  });
});

describe('reports: live lessons this term', () => {
  it('per classroom: lessons invited and attended, minutes present from the server’s sessions (a dropped link counted once); per school: lessons taught', async () => {
    const leader = await h.as('leader@jinghua.demo');
    const res = await leader.get(`/api/reports/lesson-usage?orgId=${h.ids.orgs.jinghua}`);
    expectStatus(res, 200);
    // The demo's history (server/db/seed-history.ts) gives this term its lessons up to a week ago; the report of the
    // day before the seeded lesson of a week ago holds all of them and none of seed.ts's own recent two.
    const weekAgo = toLocal(new Date(Date.now() - 7 * 86400_000)).date;
    const dayBefore = toLocal(new Date(Date.parse(`${weekAgo}T12:00:00+08:00`) - 86400_000)).date;
    const earlier = await leader.get(`/api/reports/lesson-usage?orgId=${h.ids.orgs.jinghua}&at=${dayBefore}`);
    expectStatus(earlier, 200);
    const added = (school: string, name: string) => {
      const [now, then] = [res, earlier].map(
        (r) => r.body.classrooms.find((c) => c.schoolName === school && c.name === name)!,
      );
      return { rural: now!.rural, attended: now!.attended - then!.attended, minutes: now!.minutes - then!.minutes };
    };
    // The seeded lesson of a week ago: 北山 09:58–10:41 → 43 min; 南湖 10:05–10:20 and 10:22–10:40 → 33 min.
    // (Other tests in this file may have ended lessons nobody attended: invited and taught can be higher.)
    expect(added('北山乡中心小学', '四年级一班')).toEqual({ rural: true, attended: 1, minutes: 43 });
    expect(added('南湖村小学', '五年级一班')).toMatchObject({ attended: 1, minutes: 33 });
    const taught = (r: typeof res) => r.body.schools.find((s) => s.name === '京华实验中学')!.minutesTaught;
    expect(taught(res) - taught(earlier)).toBe(47);
    // And 高志远's, three days ago, from his exchange post at 北山: 北山 六年级一班 45 min, 南湖 三年级一班 34 min.
    expect(added('北山乡中心小学', '六年级一班')).toMatchObject({ attended: 1, minutes: 45 });
    expect(added('南湖村小学', '三年级一班')).toMatchObject({ attended: 1, minutes: 34 });
    const reached = (r: typeof res) => r.body.reachedRuralOrSupported;
    expect({
      lessons: reached(res).lessons - reached(earlier).lessons,
      minutes: reached(res).minutes - reached(earlier).minutes,
    }).toEqual({ lessons: 4, minutes: 76 + 79 });
    // A fixed order (school by school by name, then class by name), never a ranking.
    const schools = res.body.schools.map((s) => s.name);
    expect(schools).toEqual([...schools].sort(byCodePoint));
    const rows = res.body.classrooms.map((c) => [schools.indexOf(c.schoolName), c.name] as const);
    expect(rows).toEqual([...rows].sort((a, b) => a[0] - b[0] || byCodePoint(a[1], b[1])));
    // Another group's admin cannot read 京华's.
    expectStatus(
      await (await h.as('admin@xiling.demo')).get(`/api/reports/lesson-usage?orgId=${h.ids.orgs.jinghua}`),
      404,
    );
  });

  it('the teacher reads the seeded lesson’s feedback and evaluation', async () => {
    const items = (await (await h.as('wang@jhzx.demo')).get(`/api/lessons/${h.ids.lessons!.past}/feedback`)).body.items;
    expect(items.map((f) => f.kind)).toEqual(['classroom', 'observer']);
  });
});

describe('lessons: the past', () => {
  it('past lessons, newest first, for those who took part or may observe', async () => {
    const past = (await (await h.as('chen@nanhu.demo')).get('/api/lessons?scope=past')).body.items;
    expect(past.find((l) => l.id === h.ids.lessons!.past)).toMatchObject({ status: 'ended', myRole: 'classroom' });
    const starts = past.map((l) => l.startsAt);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(
      (await (await h.as('admin@xiling.demo')).get('/api/lessons?scope=past')).body.items.map((l) => l.id),
    ).not.toContain(h.ids.lessons!.past);
  });
});

describe('lessons: who may change what, and bad input', () => {
  it('observers and classrooms cannot end, cancel, move, mute or record; the group leader observes; nothing-to-change and too-long are 400', async () => {
    const wang = await h.as('wang@jhzx.demo');
    const start = new Date(Date.now() + 3 * 86_400_000);
    const lesson = (
      await wang.post('/api/lessons', {
        title: '权限',
        subject: 'math',
        grade: 4,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 40 * 60_000).toISOString(),
        classroomIds: [h.ids.classrooms.beishan4_1!],
        allowClashes: true,
      })
    ).body.lesson;
    const leader = await h.as('leader@jinghua.demo');
    expect((await leader.get(`/api/lessons/${lesson.id}`)).body.lesson.myRole).toBe('observer');
    for (const who of [await h.as('li@jhxx.demo'), await h.as('zhao@beishan.demo'), leader]) {
      expectStatus(await who.post(`/api/lessons/${lesson.id}/end`), 403);
      expectStatus(await who.post(`/api/lessons/${lesson.id}/cancel`, {}), 403);
      expectStatus(await who.patch(`/api/lessons/${lesson.id}`, { title: 'x' }), 403);
      expectStatus(await who.post(`/api/lessons/${lesson.id}/recording/start`), 403);
      expectStatus(
        await who.post(`/api/lessons/${lesson.id}/participants/classroom:${h.ids.classrooms.beishan4_1}/mute`, {
          source: 'microphone',
        }),
        403,
      );
    }
    expect(detailsOf(await wang.patch(`/api/lessons/${lesson.id}`, {}), 'fields').title).toBeTruthy();
    const long = await wang.patch(`/api/lessons/${lesson.id}`, {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 5 * 3600_000).toISOString(),
    });
    expect(detailsOf(long, 'fields').endsAt).toBeTruthy();
    expectStatus(
      await wang.post('/api/lessons', {
        title: 'x',
        subject: 'math',
        grade: 4,
        startsAt: '9999-12-20T10:00:00+08:00',
        endsAt: '9999-12-20T10:40:00+08:00',
        classroomIds: [h.ids.classrooms.beishan4_1!],
        weeks: 3,
      }),
      400,
    );
    // A new title alone tells nobody; it is not "moved".
    const zhao = await h.as('zhao@beishan.demo');
    const before = (await zhao.get('/api/notifications')).body.items.length;
    expectStatus(await wang.patch(`/api/lessons/${lesson.id}`, { title: '权限（改名）' }), 200);
    expect((await zhao.get('/api/notifications')).body.items.length).toBe(before);
    // Days ahead, a lesson is cancelled, not ended.
    expectStatus(await wang.post(`/api/lessons/${lesson.id}/end`), 409);
  });

  it('the sharing report’s lesson figures are for teachers and leaders, not classroom assistants', async () => {
    expectStatus(
      await (await h.as('zhao@beishan.demo')).get(`/api/reports/lesson-usage?orgId=${h.ids.orgs.jinghua}`),
      403,
    );
    expectStatus(await (await h.as('li@jhxx.demo')).get(`/api/reports/lesson-usage?orgId=${h.ids.orgs.jinghua}`), 200);
  });
});

describe('lessons: recording is the teacher’s choice', () => {
  it('off unless chosen when scheduling; changed per lesson until it ends, also while it is live', async () => {
    const wang = await h.as('wang@jhzx.demo');
    const base = {
      title: '录制选择',
      subject: 'math',
      grade: 4,
      startsAt: soon(-5),
      endsAt: soon(35),
      classroomIds: [h.ids.classrooms.beishan4_1!],
      allowClashes: true,
    } satisfies BodyOf<'POST', '/api/lessons'>;
    const plain = (await wang.post('/api/lessons', base)).body.lesson;
    expect(plain.record).toBe(false);
    const chosen = await wang.post('/api/lessons', { ...base, record: true });
    expectStatus(chosen, 201);
    expect(chosen.body.lesson.record).toBe(true);

    // The console's checkbox before going live: remembered with the lesson, for everyone who reads it.
    expect((await wang.patch(`/api/lessons/${plain.id}`, { record: true })).body.lesson.record).toBe(true);
    expect((await (await h.as('zhao@beishan.demo')).get(`/api/lessons/${plain.id}`)).body.lesson.record).toBe(true);
    // Live (as LiveKit's webhook marks it): the choice can still change, the time no longer.
    await h.deps.database.db.update(lessons).set({ status: 'live' }).where(eq(lessons.id, plain.id));
    expect((await wang.patch(`/api/lessons/${plain.id}`, { record: false })).body.lesson.record).toBe(false);
    expectStatus(await wang.patch(`/api/lessons/${plain.id}`, { startsAt: soon(60), endsAt: soon(90) }), 409);
    expectStatus(await (await h.as('zhao@beishan.demo')).patch(`/api/lessons/${plain.id}`, { record: true }), 403);
    expectStatus(await wang.post(`/api/lessons/${plain.id}/end`), 200);
    expectStatus(await wang.patch(`/api/lessons/${plain.id}`, { record: true }), 409);
  });
});

describe('lessons: what a new lesson starts with', () => {
  it("the subject and grade the teacher usually teaches, and the latest lesson's classrooms, time and length", async () => {
    // 张伟 becomes a master teacher: no lessons yet, four resources (three of chemistry for grade 9, one geography).
    await h.deps.database.db
      .update(memberships)
      .set({ masterTeacher: true })
      .where(eq(memberships.userId, h.ids.users.zhang!));
    const zhang = await h.as('zhang@jhzx.demo');
    const first = await zhang.get('/api/lessons/defaults');
    expectStatus(first, 200);
    expect(first.body).toEqual({ subject: 'chemistry', grade: 9, classroomIds: [], time: null, minutes: null });

    // Once they teach, their lessons say it.
    const at = new Date(Date.now() + 5 * 86_400_000);
    const startsAt = `${toLocal(at).date}T14:30:00+08:00`;
    const made = await zhang.post('/api/lessons', {
      title: '电路',
      subject: 'physics',
      grade: 8,
      startsAt,
      endsAt: new Date(new Date(startsAt).getTime() + 45 * 60_000).toISOString(),
      classroomIds: [h.ids.classrooms.nanhu5_1!],
    });
    expectStatus(made, 201);
    expect((await zhang.get('/api/lessons/defaults')).body).toEqual({
      subject: 'physics',
      grade: 8,
      classroomIds: [h.ids.classrooms.nanhu5_1],
      time: '14:30',
      minutes: 45,
    });

    // 王明远 teaches grade-4 maths (the demo's lessons); anyone may ask and reads only their own: 赵春生 has
    // scheduled nothing, and shared a PE resource for grade 3.
    expect((await (await h.as('wang@jhzx.demo')).get('/api/lessons/defaults')).body).toMatchObject({
      subject: 'math',
      grade: 4,
    });
    expect((await (await h.as('zhao@beishan.demo')).get('/api/lessons/defaults')).body).toEqual({
      subject: 'pe',
      grade: 3,
      classroomIds: [],
      time: null,
      minutes: null,
    });
  });
});
