import { describe, expect, it } from 'vitest';
import { expectStatus, useHarness } from '../support/harness';

const h = useHarness();
const soon = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString().replace('Z', '+00:00');

describe('lessons: scheduling and who takes part', () => {
  it('a master teacher schedules a lesson for the two rural classrooms; each person sees their own role', async () => {
    const wang = await h.as('wang@jhzx.demo');
    const res = await wang.post('/api/lessons', {
      title: '分数的初步认识（双师课堂）', subject: 'math', grade: 4, startsAt: soon(60), endsAt: soon(100),
      classroomIds: [h.ids.classrooms.beishan4_1, h.ids.classrooms.nanhu5_1],
    });
    expectStatus(res, 201);
    expect(res.body.lesson).toMatchObject({ status: 'scheduled', teacherName: '王明远', myRole: 'teacher' });
    expect(res.body.lesson.classrooms.map((c: any) => `${c.schoolName} ${c.name}`).sort()).toEqual(['北山乡中心小学 四年级一班', '南湖村小学 五年级一班'].sort());
    const id = res.body.lesson.id;

    const zhao = await h.as('zhao@beishan.demo');
    expect((await zhao.get('/api/lessons?scope=mine')).body.items.map((l: any) => [l.id, l.myRole])).toContainEqual([id, 'classroom']);
    const li = await h.as('li@jhxx.demo');
    expect((await li.get('/api/lessons?scope=mine')).body.items.map((l: any) => l.id)).not.toContain(id);
    expect((await li.get('/api/lessons?scope=upcoming')).body.items.find((l: any) => l.id === id).myRole).toBe('observer');
    expectStatus(await (await h.as('admin@xiling.demo')).get(`/api/lessons/${id}`), 404);
    expectStatus(await (await h.as('admin@xiling.demo')).post(`/api/lessons/${id}/join`), 404);
  });

  it('only master teachers schedule, for classrooms within reach, ending after they start', async () => {
    const base = { title: 'x', subject: 'math', grade: 4, startsAt: soon(60), endsAt: soon(100) };
    expectStatus(await (await h.as('li@jhxx.demo')).post('/api/lessons', { ...base, classroomIds: [h.ids.classrooms.beishan4_1] }), 403);
    const wang = await h.as('wang@jhzx.demo');
    const foreign = await wang.post('/api/lessons', { ...base, classroomIds: [h.ids.classrooms.xiling7_1] });
    expectStatus(foreign, 400);
    expect(foreign.body.error.details.fields.classroomIds).toBeTruthy();
    const reversed = await wang.post('/api/lessons', { ...base, startsAt: soon(100), endsAt: soon(60), classroomIds: [h.ids.classrooms.beishan4_1] });
    expect(reversed.body.error.details.fields.endsAt).toBeTruthy();
  });

  it('joining opens 15 minutes before the start, and answers 503 livekit_unavailable with no LiveKit configured', async () => {
    const wang = await h.as('wang@jhzx.demo');
    const later = await wang.post('/api/lessons', { title: '稍后', subject: 'math', grade: 4, startsAt: soon(60), endsAt: soon(100), classroomIds: [h.ids.classrooms.beishan4_1] });
    const early = await wang.post(`/api/lessons/${later.body.lesson.id}/join`);
    expectStatus(early, 409);
    const now = await wang.post('/api/lessons', { title: '现在', subject: 'math', grade: 4, startsAt: soon(5), endsAt: soon(45), classroomIds: [h.ids.classrooms.beishan4_1] });
    const join = await (await h.as('zhao@beishan.demo')).post(`/api/lessons/${now.body.lesson.id}/join`);
    expectStatus(join, 503);
    expect(join.body.error.code).toBe('livekit_unavailable');
  });
});

describe('lessons: demo data', () => {
  it('holds one upcoming lesson by 王明远 for both rural classrooms', async () => {
    const chen = await h.as('chen@nanhu.demo');
    const mine = (await chen.get('/api/lessons?scope=mine')).body.items;
    const demo = mine.find((l: any) => l.id === h.ids.lessons!.demo);
    expect(demo).toMatchObject({ teacherName: '王明远', status: 'scheduled', myRole: 'classroom' });
    expect(demo.classrooms.map((c: any) => c.name).sort()).toEqual(['五年级一班', '四年级一班'].sort());
  });
});
