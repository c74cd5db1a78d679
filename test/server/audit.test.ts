// The activity log answers with what each event was done to, in words — a title or a name, the time a booking,
// lesson or closure holds, whose booking it was, the organisations by name, and the names of the records its
// before/after mention by id — so the page can write "王明远 取消了直播课《…》" instead of an action code and ids.
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/schemas/audit';
import { expectStatus, useHarness } from '../support/harness';
import { slot } from '../support/time';

const h = useHarness();

async function trail(email: string, orgId?: string): Promise<AuditEvent[]> {
  const res = await (await h.as(email)).get(orgId ? `/api/audit?orgId=${orgId}` : '/api/audit');
  expectStatus(res, 200);
  return res.body.items;
}
const find = (events: AuditEvent[], action: string) => {
  const e = events.find((x) => x.action === action);
  if (!e) throw new Error(`no ${action} among ${events.map((x) => x.action).join(', ')}`);
  return e;
};

describe('audit: events in words', () => {
  it('a booking decision names the facility, its time and whose booking it was; organisations by name', async () => {
    const s = slot(5, 15, 17, 10);
    const li = await h.as('li@jhxx.demo');
    const booked = await li.post('/api/bookings', { facilityId: h.ids.facilities.gym!, ...s, purpose: '篮球训练' });
    expectStatus(booked, 201);
    expectStatus(await (await h.as('admin@jhzx.demo')).post(`/api/bookings/${booked.body.booking.id}/approve`), 200);

    const events = await trail('leader@jinghua.demo', h.ids.orgs.jhzx);
    expect(find(events, 'booking.approve')).toMatchObject({
      actorName: '孙丽华',
      orgName: '京华实验中学',
      subject: { name: '体育馆', startsAt: s.startsAt, endsAt: s.endsAt, personName: '李雪梅' },
    });
    // Her own booking is not "hers" twice: the person is named only when it is not the actor.
    expect(find(events, 'booking.create').subject).toMatchObject({ name: '体育馆', personName: null });
  });

  it('a lesson is named by its title and time, and the classrooms it invited by their names', async () => {
    const wang = await h.as('wang@jhzx.demo');
    const s = slot(3, 10, 11, 20);
    const lesson = await wang.post('/api/lessons', {
      title: '小数的意义',
      subject: 'math',
      grade: 4,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      classroomIds: [h.ids.classrooms.beishan4_1!],
    });
    expectStatus(lesson, 201);
    expectStatus(await wang.post(`/api/lessons/${lesson.body.lesson.id}/cancel`, { reason: '教研活动' }), 200);

    const events = await trail('admin@jhzx.demo');
    const created = find(events, 'lesson.create');
    expect(created.subject).toMatchObject({ name: '小数的意义', startsAt: s.startsAt, endsAt: s.endsAt });
    expect(created.names[h.ids.classrooms.beishan4_1!]).toBe('四年级一班');
    expect(find(events, 'lesson.cancel')).toMatchObject({ actorName: '王明远', subject: { name: '小数的意义' } });
  });

  it('records since gone are named by what their event kept: a removed member, a lifted closure, a revoked token', async () => {
    const admin = await h.as('admin@jhzx.demo');
    const { day } = slot(3, 9, 10, 40);
    const closure = await admin.post('/api/closures', {
      schoolId: h.ids.orgs.jhzx!,
      facilityId: h.ids.facilities.chemLab!,
      startsOn: day,
      endsOn: day,
      reason: '设备检修',
    });
    expectStatus(closure, 201);
    expectStatus(await admin.delete(`/api/closures/${closure.body.closure.id}`), 204);
    const members = await admin.get(`/api/orgs/${h.ids.orgs.jhzx}/members`);
    const zhang = members.body.items.find((m) => m.name === '张伟')!;
    expectStatus(await admin.delete(`/api/memberships/${zhang.membershipId}`), 204);
    const token = await admin.post('/api/auth/tokens', { name: '排课系统同步' });
    expectStatus(await admin.delete(`/api/auth/tokens/${token.body.token.id}`), 204);

    const events = await trail('admin@jhzx.demo');
    for (const action of ['closure.create', 'closure.delete'])
      expect(find(events, action).subject, action).toMatchObject({
        name: '化学实验室',
        startsAt: `${day}T00:00:00+08:00`,
        endsAt: `${day}T00:00:00+08:00`,
      });
    expect(find(events, 'membership.delete').subject.name).toBe('张伟');
    for (const action of ['token.create', 'token.revoke'])
      expect(find(events, action).subject.name, action).toBe('排课系统同步');
  });

  it("the names come only with events the reader may read: 西岭's admin sees none of 京华's", async () => {
    const theirs = await trail('admin@xiling.demo');
    const text = JSON.stringify(theirs);
    for (const name of ['京华实验中学', '体育馆', '李雪梅', '四年级一班']) expect(text).not.toContain(name);
  });
});
