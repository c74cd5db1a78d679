import { eq, inArray, sql } from 'drizzle-orm';
import type { Member } from '../../../shared/schemas/orgs';
import { memberships, orgs, users } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { notFound } from '../../lib/errors';
import { type Actor, assertManageOrg, canSeeOrg } from '../../lib/policy';
import { byName } from './orgs.queries';

/** An organisation's members: admins first, then teachers, then assistants; by name within each. */
export async function listMembers(db: Queryable, orgId: string): Promise<Member[]> {
  return db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      masterTeacher: memberships.masterTeacher,
      reviewer: memberships.reviewer,
      classroomId: memberships.classroomId,
      active: sql<boolean>`${users.passwordHash} IS NOT NULL`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, orgId))
    .orderBy(
      sql`CASE ${memberships.role}
        WHEN 'school_admin' THEN 0 WHEN 'group_admin' THEN 0 WHEN 'district_admin' THEN 0
        WHEN 'teacher' THEN 1 ELSE 2 END`,
      byName(users.name),
    );
}

/** The membership with its organisation, if the actor administers it: 404 out of reach, 403 when not theirs. */
export async function getManagedMembership(db: Queryable, actor: Actor, id: string) {
  const [row] = await db
    .select({
      membership: memberships,
      org: { id: orgs.id, name: orgs.name, kind: orgs.kind, groupId: orgs.groupId, districtId: orgs.districtId },
    })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(eq(memberships.id, id));
  if (!row || !canSeeOrg(actor, row.org)) throw notFound('membership');
  assertManageOrg(actor, row.org);
  return row;
}
export type MembershipRow = Awaited<ReturnType<typeof getManagedMembership>>;

/** Every membership held by the people with these emails (an import refuses a role someone already holds). */
export async function membershipsByEmail(db: Queryable, emails: string[]) {
  return db
    .select({ email: users.email, orgId: memberships.orgId, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(inArray(users.email, emails));
}
