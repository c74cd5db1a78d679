import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { expectStatus, useHarness } from '../support/harness';
import { slot } from '../support/time';

const h = useHarness();

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      summary: e.summary,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      tz: e.startDate.zone?.tzid,
      status: v.getFirstPropertyValue('status'),
    };
  });
}

describe('calendar: iCalendar feeds at secret URLs', () => {
  it("a teacher's feed lists their bookings at the right instants, in Asia/Shanghai", async () => {
    const li = await h.as('li@jhxx.demo');
    const s = slot(2, 13.5, 15, 9);
    expectStatus(
      await li.post('/api/bookings', { facilityId: h.ids.facilities.chemLab!, ...s, purpose: '科学课' }),
      201,
    );
    const created = await li.post('/api/calendar-feeds', {});
    expectStatus(created, 201);
    const url = created.body.feed.url;
    const res = await h.anon.raw('GET', url);
    expectStatus(res, 200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const events = parse(res.text);
    const mine = events.find((e) => e.summary === '科学课（化学实验室）')!;
    expect(mine).toMatchObject({
      start: new Date(s.startsAt).toISOString(),
      end: new Date(s.endsAt).toISOString(),
      tz: 'Asia/Shanghai',
      status: 'CONFIRMED',
    });
    // The seeded pending gym booking shows as tentative.
    expect(events.find((e) => e.summary.includes('四年级篮球联赛'))).toMatchObject({ status: 'TENTATIVE' });
  });

  it("an assistant teacher's feed holds the classroom's live lessons; a cancelled one is marked cancelled", async () => {
    const wang = await h.as('wang@jhzx.demo');
    const s = slot(3, 10, 10.75, 9);
    const lesson = (
      await wang.post('/api/lessons', {
        title: '圆的认识',
        subject: 'math',
        grade: 4,
        ...s,
        classroomIds: [h.ids.classrooms.beishan4_1!],
        allowClashes: true,
      })
    ).body.lesson;
    const zhao = await h.as('zhao@beishan.demo');
    const url = (await zhao.post('/api/calendar-feeds', {})).body.feed.url;
    const events = parse((await h.anon.raw('GET', url)).text);
    expect(events.find((e) => e.summary === '直播课：圆的认识')).toMatchObject({
      start: new Date(s.startsAt).toISOString(),
      end: new Date(s.endsAt).toISOString(),
      status: 'CONFIRMED',
    });
    expect(events.find((e) => e.summary === '直播课：分数的初步认识（双师课堂）')).toBeTruthy();
    await wang.post(`/api/lessons/${lesson.id}/cancel`, { reason: '教研活动' });
    const after = parse((await h.anon.raw('GET', url)).text);
    expect(after.find((e) => e.summary.endsWith('圆的认识'))).toMatchObject({ status: 'CANCELLED' });
  });

  it("a facility feed shows other schools' bookings as busy without their details", async () => {
    const zhao = await h.as('zhao@beishan.demo');
    const created = await zhao.post('/api/calendar-feeds', { facilityId: h.ids.facilities.gym });
    const events = parse((await h.anon.raw('GET', created.body.feed.url)).text);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => !e.summary.includes('篮球联赛'))).toBe(true);
    expect(events.some((e) => e.summary.includes('已预约（京华实验小学）'))).toBe(true);
  });

  it('a revoked or unknown feed is 404; another group cannot make a feed of 京华’s facility', async () => {
    const li = await h.as('li@jhxx.demo');
    const created = await li.post('/api/calendar-feeds', {});
    expectStatus(await li.delete(`/api/calendar-feeds/${created.body.feed.id}`), 204);
    expectStatus(await h.anon.raw('GET', created.body.feed.url), 404);
    expectStatus(await h.anon.get('/api/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics'), 404);
    expectStatus(
      await (await h.as('admin@xiling.demo')).post('/api/calendar-feeds', { facilityId: h.ids.facilities.gym }),
      404,
    );
  });
});
