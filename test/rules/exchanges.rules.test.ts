import { describe, expect, it } from 'vitest';
import {
  actionsFor,
  addMonths,
  allApproved,
  anniversary,
  type EligibilityInput,
  eligibilityOf,
  mondayOf,
  nextStatus,
  pastMondays,
  serviceYears,
  stepsFor,
  wholeYears,
} from '../../server/modules/exchanges/exchanges.rules';

const base: EligibilityInput = {
  programme: { open: true, minYearsAtSchool: 6, retirementMarginYears: 5 },
  posting: { schoolId: 'beishan', startsOn: '2027-02-01', months: 12, open: true },
  teacher: { schoolId: 'jhxx', teaches: true, since: '2016-09-01', retiresOn: '2048-07-31' },
  placements: [],
  pendingHere: false,
};
const rules = (over: Partial<EligibilityInput>) => eligibilityOf({ ...base, ...over }).map((f) => f.rule);

describe('exchange eligibility (Beijing 2021 figures as the programme’s settings)', () => {
  it('a teacher with 6 years at her school, far from retirement, free, applying elsewhere: eligible', () => {
    expect(eligibilityOf(base)).toEqual([]);
  });

  it('years at the school count at the post’s start, whole years only', () => {
    const at = (since: string) => eligibilityOf({ ...base, teacher: { ...base.teacher, since } });
    expect(at('2021-02-01')).toEqual([]); // exactly 6 years on the day the post starts
    expect(at('2021-02-02')).toEqual([{ rule: 'years_at_school', required: 6, years: 5 }]);
    // The setting, not a constant: a programme asking for 3 years takes her.
    expect(
      eligibilityOf({
        ...base,
        programme: { ...base.programme, minYearsAtSchool: 3 },
        teacher: { ...base.teacher, since: '2023-09-01' },
      }),
    ).toEqual([]);
  });

  it('more than 5 years from retirement when the post starts; an unknown retirement does not stop anyone', () => {
    const retiring = (retiresOn: string | null) => rules({ teacher: { ...base.teacher, retiresOn } });
    expect(retiring('2032-02-02')).toEqual([]);
    expect(retiring('2032-02-01')).toEqual(['near_retirement']);
    expect(retiring(null)).toEqual([]);
  });

  it('an active placement that overlaps stops them; one that ends before the post starts does not', () => {
    expect(rules({ placements: [{ startsOn: '2026-09-01', endsOn: '2027-09-01' }] })).toEqual(['already_placed']);
    expect(rules({ placements: [{ startsOn: '2026-02-01', endsOn: '2027-02-01' }] })).toEqual([]);
  });

  it('names every rule that fails, not only the first', () => {
    expect(
      rules({
        posting: { ...base.posting, schoolId: 'jhxx', open: false },
        teacher: { ...base.teacher, teaches: false, since: '2025-09-01', retiresOn: '2030-01-01' },
        pendingHere: true,
      }),
    ).toEqual([
      'posting_closed',
      'not_a_teacher',
      'own_school',
      'years_at_school',
      'near_retirement',
      'already_applied',
    ]);
    expect(rules({ teacher: { ...base.teacher, schoolId: null } })).toEqual(['outside_programme']);
  });

  it('dates: months add as a calendar does, years count as birthdays do', () => {
    expect(addMonths('2026-09-01', 12)).toBe('2027-09-01');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(wholeYears('2016-09-01', '2022-08-31')).toBe(5);
    expect(wholeYears('2016-09-01', '2022-09-01')).toBe(6);
  });

  it('29 February’s anniversaries: 1 March in a common year, as whole years and the service years count them', () => {
    expect(anniversary('2016-02-29', 10)).toBe('2026-03-01');
    expect(anniversary('2016-02-29', 8)).toBe('2024-02-29');
    expect(anniversary('2016-09-01', 6)).toBe('2022-09-01');
    for (const years of [1, 4, 10]) {
      const at = anniversary('2016-02-29', years);
      const before = new Date(Date.parse(at) - 86_400_000).toISOString().slice(0, 10);
      expect([wholeYears('2016-02-29', before), wholeYears('2016-02-29', at)]).toEqual([years - 1, years]);
    }
    // Rural service from 29 February 2016: ten years on 1 March 2026, not a day before.
    const y = serviceYears([{ startsOn: '2016-02-29', endsOn: null }], '2026-02-28');
    expect(y.years).toBe(9);
    expect(y.reachesOn(10)).toBe('2026-03-01');
  });
});

describe('an application’s way: three approvals in any order, nobody approves their own', () => {
  const all = ['home', 'host', 'group'] as const;
  const leader = { steps: ['group'] as const, isTeacher: false, isSubmitter: false };

  it('placed only when every step the programme asks for has approved, in any order', () => {
    expect(allApproved(all, ['host', 'group'])).toBe(false);
    expect(allApproved(all, ['group', 'host', 'home'])).toBe(true);
    expect(allApproved(['host'], ['host'])).toBe(true);
    expect(nextStatus('approve', false)).toBe('under_consideration');
    expect(nextStatus('approve', true)).toBe('placed');
  });

  it('each step once: the leader’s step is gone once approved', () => {
    expect(stepsFor(leader, all, ['home'])).toEqual(['group']);
    expect(stepsFor(leader, all, ['group'])).toEqual([]);
    expect(stepsFor(leader, ['home', 'host'], [])).toEqual([]); // a programme that does not ask the group
  });

  it('the teacher and whoever nominated them never approve, even holding an approver’s role', () => {
    const nominator = { steps: ['home'] as const, isTeacher: false, isSubmitter: true };
    expect(stepsFor(nominator, all, [])).toEqual([]);
    expect(actionsFor(nominator, 'submitted', [])).toEqual(['withdraw']);
  });

  it('what each may do from each state', () => {
    const open = stepsFor(leader, all, []);
    expect(actionsFor(leader, 'submitted', open)).toEqual(['approve', 'consider', 'decline', 'defer']);
    expect(actionsFor(leader, 'under_consideration', open)).toEqual(['approve', 'decline', 'defer']);
    expect(actionsFor(leader, 'deferred', open)).toEqual(['decline']);
    expect(actionsFor(leader, 'placed', open)).toEqual([]);
    const teacher = { steps: [] as const, isTeacher: true, isSubmitter: true };
    expect(actionsFor(teacher, 'deferred', [])).toEqual(['withdraw']);
    expect(actionsFor(teacher, 'declined', [])).toEqual([]);
  });
});

describe('rural-service years (clause 9: 20 and 30 years)', () => {
  const today = '2026-12-05';

  it('one unbroken period counts as the calendar does; a placement inside it counts once', () => {
    const record = { startsOn: '2006-09-01', endsOn: null };
    const placement = { startsOn: '2010-09-01', endsOn: '2011-09-01' };
    const y = serviceYears([record, placement], today);
    expect(y).toMatchObject({ years: 20, ongoing: true });
    expect(y.reachesOn(20)).toBe('2026-09-01');
    expect(y.reachesOn(30)).toBe('2036-09-01');
    expect(serviceYears([record], '2026-08-31').years).toBe(19);
  });

  it('broken periods add up; service that ended short of a threshold never reaches it', () => {
    const y = serviceYears(
      [
        { startsOn: '2000-09-01', endsOn: '2005-09-01' },
        { startsOn: '2010-09-01', endsOn: '2015-09-01' },
      ],
      today,
    );
    expect(y).toMatchObject({ years: 10, ongoing: false });
    expect(y.reachesOn(10)).toBe('2015-09-01');
    expect(y.reachesOn(20)).toBeNull();
    // Ongoing after a break: the rest is counted from today.
    const back = serviceYears(
      [
        { startsOn: '2000-09-01', endsOn: '2005-09-01' },
        { startsOn: '2021-09-01', endsOn: null },
      ],
      '2026-09-01',
    );
    expect(back.years).toBe(10);
    expect(back.reachesOn(20)).toBe('2036-09-01');
    // A period that starts in the future counts nothing yet.
    expect(serviceYears([{ startsOn: '2027-09-01', endsOn: null }], today)).toMatchObject({ days: 0, ongoing: false });
  });
});

describe('the weekly log', () => {
  it('weeks run Monday to Sunday; the reminder looks at whole past weeks in post only', () => {
    expect(mondayOf('2026-12-05')).toBe('2026-11-30'); // a Saturday
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(pastMondays('2026-11-04', '2027-11-04', '2026-11-20')).toEqual(['2026-11-02', '2026-11-09']);
    expect(pastMondays('2026-11-04', '2026-11-12', '2026-12-20')).toEqual(['2026-11-02']);
  });
});
