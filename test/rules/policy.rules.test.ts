import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type ActorMembership,
  canManageOrg,
  canManageScoped,
  canSeeOrg,
  canSeeScoped,
} from '../../server/lib/policy';

const G = 'group-jinghua',
  D = 'district-chengguan',
  G2 = 'group-xiling',
  D2 = 'district-xiling';
const lead = { id: 'school-lead', kind: 'school' as const, groupId: G, districtId: D };
const rural = { id: 'school-rural', kind: 'school' as const, groupId: G, districtId: D };
const otherDistrictSchool = { id: 'school-dist-only', kind: 'school' as const, groupId: null, districtId: D };
const foreign = { id: 'school-xiling', kind: 'school' as const, groupId: G2, districtId: D2 };

function actor(...ms: Partial<ActorMembership>[]): Actor {
  return {
    user: { id: 'u', name: 'n', email: 'e', locale: 'zh' },
    credentialId: 'c',
    via: 'cookie',
    memberships: ms.map((m, i) => ({
      id: `m${i}`,
      orgId: '',
      orgName: '',
      orgKind: 'school',
      role: 'teacher',
      masterTeacher: false,
      classroomId: null,
      classroomName: null,
      groupId: null,
      districtId: null,
      ...m,
    })),
  };
}
const teacherAtRural = actor({ orgId: rural.id, groupId: G, districtId: D });
const leader = actor({ orgId: G, orgKind: 'group', role: 'group_admin' });
const leadAdmin = actor({ orgId: lead.id, role: 'school_admin', groupId: G, districtId: D });
const districtAdmin = actor({ orgId: D, orgKind: 'district', role: 'district_admin' });

describe('policy: seeing organisations', () => {
  it('a teacher sees own school, the group and the district and their schools, nothing else', () => {
    expect(canSeeOrg(teacherAtRural, lead)).toBe(true);
    expect(canSeeOrg(teacherAtRural, otherDistrictSchool)).toBe(true);
    expect(canSeeOrg(teacherAtRural, { id: G, kind: 'group', groupId: null, districtId: null })).toBe(true);
    expect(canSeeOrg(teacherAtRural, foreign)).toBe(false);
    expect(canSeeOrg(teacherAtRural, { id: G2, kind: 'group', groupId: null, districtId: null })).toBe(false);
  });
});

describe('policy: scoped things (DOMAIN.md, Scopes)', () => {
  it.each([
    ['school', false, false],
    ['group', true, false],
    ['district', true, false],
    ['public', true, true],
  ] as const)(
    'a %s-scoped thing of the lead school: rural teacher sees=%s, foreign sees=%s',
    (scope, ruralSees, foreignSees) => {
      expect(canSeeScoped(teacherAtRural, lead, scope)).toBe(ruralSees);
      expect(canSeeScoped(actor({ orgId: foreign.id, groupId: G2, districtId: D2 }), lead, scope)).toBe(foreignSees);
    },
  );

  it('district scope reaches schools of the district outside the group; group scope does not', () => {
    const districtOnlyTeacher = actor({ orgId: otherDistrictSchool.id, districtId: D });
    expect(canSeeScoped(districtOnlyTeacher, lead, 'district')).toBe(true);
    expect(canSeeScoped(districtOnlyTeacher, lead, 'group')).toBe(false);
  });

  it('district scope is wider than group scope: group members in another district see it too', () => {
    const groupMemberElsewhere = actor({ orgId: 'school-x', groupId: G, districtId: 'district-other' });
    expect(canSeeScoped(groupMemberElsewhere, lead, 'district')).toBe(true);
  });

  it('signed-out people see public things only', () => {
    expect(canSeeScoped(null, lead, 'public')).toBe(true);
    expect(canSeeScoped(null, lead, 'group')).toBe(false);
  });

  it('managing: owner school admins always; group admins from group scope up; district admins from district scope up', () => {
    expect(canManageScoped(leadAdmin, lead, 'school')).toBe(true);
    expect(canManageScoped(leader, lead, 'school')).toBe(false);
    expect(canManageScoped(leader, lead, 'group')).toBe(true);
    expect(canManageScoped(districtAdmin, lead, 'group')).toBe(false);
    expect(canManageScoped(districtAdmin, lead, 'district')).toBe(true);
    expect(canManageScoped(teacherAtRural, rural, 'public')).toBe(false);
  });

  it('group leaders manage every school of their group, not another group', () => {
    expect(canManageOrg(leader, rural)).toBe(true);
    expect(canManageOrg(leader, foreign)).toBe(false);
    expect(canManageOrg(leadAdmin, rural)).toBe(false);
  });
});
