// The lists behind the group's view (issue 12, point 7): each school's figure of this school year opens the
// placements it counts — sent from the school, received by it, in post there today — through the placements list's
// filters, which answer exactly what the figures count, and only what the caller may read.

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { exchangePostings, exchangeProgrammes, users } from '../../server/db/schema';
import { addMonths, schoolYearOf } from '../../server/modules/exchanges/exchanges.rules';
import { toLocal } from '../../shared/time';
import { expectStatus, useHarness } from '../support/harness';
import { placeByHand } from '../support/placements';

const h = useHarness();
const today = toLocal(new Date()).date;
const year = schoolYearOf(today);
const thisYear = `${year}-${year + 1}`;

describe('exchanges: the lists behind the group’s view', () => {
  it('each school’s sent, received and in-post figures open lists of as many placements, by school', async () => {
    const leader = await h.as('leader@jinghua.demo');
    const view = await leader.get(`/api/exchanges/overview?orgId=${h.ids.orgs.jinghua}`);
    expectStatus(view, 200);
    for (const s of view.body.schools!) {
      const list = (q: string) => leader.get(`/api/exchanges/placements?scope=all&schoolId=${s.school.id}&${q}`);
      const sent = await list(`side=home&schoolYear=${thisYear}`);
      const received = await list(`side=host&schoolYear=${thisYear}`);
      const inPost = await list(`side=host&inPostOn=${today}`);
      expectStatus(sent, 200);
      expect(sent.body.items, `${s.school.name} sent`).toHaveLength(s.thisYear.sent);
      expect(received.body.items, `${s.school.name} received`).toHaveLength(s.thisYear.received);
      expect(inPost.body.items, `${s.school.name} in post`).toHaveLength(s.thisYear.inPost);
      expect(sent.body.items.every((p) => p.homeSchool.id === s.school.id)).toBe(true);
      expect(received.body.items.every((p) => p.hostSchool.id === s.school.id)).toBe(true);
      // Last school year's lists hold last year's figures (none in the demo).
      const before = await list(`side=host&schoolYear=${year - 1}-${year}`);
      expect(before.body.items).toHaveLength(s.lastYear.received);
    }
    // 高志远 went from 京华实验小学 to 北山 at the school year's start: on both schools' lists.
    const beishan = await leader.get(
      `/api/exchanges/placements?scope=all&schoolId=${h.ids.orgs.beishan}&side=host&schoolYear=${thisYear}`,
    );
    expect(beishan.body.items.map((p) => [p.teacher.name, p.homeSchool.name])).toEqual([['高志远', '京华实验小学']]);
    expect(beishan.body.items[0]!.hoursLogged).toBeGreaterThan(0);
    // Without a side, a school's placements either way.
    const either = await leader.get(`/api/exchanges/placements?scope=all&schoolId=${h.ids.orgs.jhxx}`);
    expect(either.body.items.map((p) => p.teacher.name)).toEqual(['高志远']);
  });

  it('a filter never widens what the caller reads; a malformed school year or side is refused', async () => {
    const other = await h.as('admin@xiling.demo');
    const res = await other.get(`/api/exchanges/placements?scope=all&schoolId=${h.ids.orgs.beishan}&side=host`);
    expectStatus(res, 200);
    expect(res.body.items).toEqual([]);
    const li = await h.as('li@jhxx.demo');
    const hers = await li.get(`/api/exchanges/placements?scope=all&schoolId=${h.ids.orgs.jhxx}`);
    expect(hers.body.items).toEqual([]);
    const leader = await h.as('leader@jinghua.demo');
    expectStatus(await leader.get('/api/exchanges/placements?scope=all&schoolYear=2026'), 400);
    expectStatus(await leader.get('/api/exchanges/placements?scope=all&side=sideways'), 400);
  });

  it('last year’s “in post” is read on the same day a year ago, not today', async () => {
    const db = h.deps.database.db;
    const leader = await h.as('leader@jinghua.demo');
    const [posting] = await db.select().from(exchangePostings).where(eq(exchangePostings.schoolId, h.ids.orgs.nanhu!));
    const figures = async () =>
      (await leader.get(`/api/exchanges/overview?orgId=${h.ids.orgs.jinghua}`)).body.schools!.find(
        (s) => s.school.id === h.ids.orgs.nanhu,
      )!;
    const before = await figures();
    // A month either side of this day last year: in post then, long over now.
    const [from, until] = [addMonths(today, -13), addMonths(today, -11)];
    const [u] = await db
      .insert(users)
      .values({ email: 'last-year@jhzx.demo', name: '去年交流教师' })
      .returning({ id: users.id });
    await placeByHand(db, {
      postingId: posting!.id,
      teacherId: u!.id,
      homeSchoolId: h.ids.orgs.jhzx!,
      hostSchoolId: h.ids.orgs.nanhu!,
      startsOn: from,
      endsOn: until,
      completed: until,
    });
    const after = await figures();
    expect(after.lastYear.inPost).toBe(before.lastYear.inPost + 1);
    expect(after.thisYear.inPost).toBe(before.thisYear.inPost);
  });

  it('a leader’s figures and the lists behind them count the same placements, whichever programme placed them', async () => {
    const db = h.deps.database.db;
    const [office] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'office@chengguan.demo'));
    // The district's own programme sends a teacher of 京华实验中学 to 南湖村小学: the group counts it by school.
    const [programme] = await db
      .insert(exchangeProgrammes)
      .values({
        orgId: h.ids.orgs.chengguan!,
        kind: 'support',
        name: '城关学区音乐支教',
        schoolYear: thisYear,
        startsOn: `${year}-09-01`,
        endsOn: `${year + 1}-08-31`,
        createdBy: office!.id,
      })
      .returning({ id: exchangeProgrammes.id });
    const [posting] = await db
      .insert(exchangePostings)
      .values({
        programmeId: programme!.id,
        schoolId: h.ids.orgs.nanhu!,
        subject: 'music',
        gradeFrom: 1,
        gradeTo: 6,
        places: 1,
        filled: 1,
        startsOn: `${year}-09-01`,
        months: 12,
        createdBy: office!.id,
      })
      .returning({ id: exchangePostings.id });
    const [u] = await db
      .insert(users)
      .values({ email: 'district-post@jhzx.demo', name: '学区支教教师' })
      .returning({ id: users.id });
    const placed = await placeByHand(db, {
      postingId: posting!.id,
      teacherId: u!.id,
      homeSchoolId: h.ids.orgs.jhzx!,
      hostSchoolId: h.ids.orgs.nanhu!,
      startsOn: `${year}-09-01`,
      endsOn: addMonths(`${year}-09-01`, 12),
    });
    const leader = await h.as('leader@jinghua.demo');
    const view = (await leader.get(`/api/exchanges/overview?orgId=${h.ids.orgs.jinghua}`)).body;
    for (const [school, side, figure] of [
      [h.ids.orgs.nanhu!, 'host', 'received'],
      [h.ids.orgs.jhzx!, 'home', 'sent'],
    ] as const) {
      const list = await leader.get(
        `/api/exchanges/placements?scope=all&schoolId=${school}&side=${side}&schoolYear=${thisYear}`,
      );
      expect(list.body.items.map((p) => p.id)).toContain(placed);
      const counted = view.schools!.find((s) => s.school.id === school)!.thisYear[figure];
      expect(list.body.items).toHaveLength(counted);
    }
    // Another group's admin still reads none of it.
    const xiling = await h.as('admin@xiling.demo');
    expectStatus(await xiling.get(`/api/exchanges/placements/${placed}`), 404);
  });
});
