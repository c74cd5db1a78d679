// Members of an organisation: changed and removed by its admins (they join by accepting an invitation,
// invitations.service.ts). A change to someone's memberships forgets their cached identity (`cache`), so it takes
// effect at once.
import { eq } from 'drizzle-orm';
import type { UpdateMembershipInput } from '../../../shared/schemas/orgs';
import { memberships } from '../../db/schema';
import type { ActorCache } from '../../lib/actor-cache';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db } from '../../lib/db';
import { forbidden, notFound } from '../../lib/errors';
import { type Actor, leadsSchool } from '../../lib/policy';
import { assertFits, classroomIdsOf } from './invitations.service';
import type { MembershipRow } from './members.queries';
import { changedMembership } from './members.rules';
import { uniqueName } from './orgs.service';

export interface UpdateMembershipParams {
  /** The membership, as getManagedMembership returned it. */
  found: MembershipRow;
  input: UpdateMembershipInput;
}

/** Changes a member's role, master-teacher or reviewer flag, or classroom. */
export async function updateMembership(
  db: Db,
  actor: Actor,
  params: UpdateMembershipParams,
  meta: RequestMeta,
  cache: ActorCache | undefined,
) {
  const { found, input } = params;
  const next = changedMembership(found.membership, input);
  // Reviewers of group-wide sharing are named by the group's or district's leaders, not by the school.
  if (input.reviewer !== undefined && input.reviewer !== found.membership.reviewer && !leadsSchool(actor, found.org)) {
    throw forbidden('Only the group or district leaders name reviewers');
  }
  assertFits({ ...next, org: found.org, classroomIds: await classroomIdsOf(db, found.org.id) });
  const updated = await uniqueName(() =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .update(memberships)
        .set({
          role: next.role,
          masterTeacher: next.masterTeacher,
          reviewer: next.reviewer,
          classroomId: next.classroomId,
        })
        .where(eq(memberships.id, found.membership.id))
        .returning();
      if (!row) throw notFound('membership');
      await audit(tx, actor, meta, {
        action: 'membership.update',
        entityType: 'membership',
        entityId: row.id,
        orgId: found.org.id,
        before: found.membership,
        after: row,
      });
      return row;
    }),
  );
  cache?.forgetUser(updated.userId);
  return updated;
}

export interface RemoveMembershipParams {
  /** The membership, as getManagedMembership returned it. */
  found: MembershipRow;
}

/** Removes a person from an organisation; an admin cannot remove their own admin role. */
export async function removeMembership(
  db: Db,
  actor: Actor,
  params: RemoveMembershipParams,
  meta: RequestMeta,
  cache: ActorCache | undefined,
): Promise<void> {
  const { found } = params;
  if (found.membership.userId === actor.user.id && found.membership.role.endsWith('_admin')) {
    throw forbidden('You cannot remove your own admin role; ask another admin');
  }
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(memberships)
      .where(eq(memberships.id, found.membership.id))
      .returning({ id: memberships.id });
    if (!gone.length) throw notFound('membership');
    await audit(tx, actor, meta, {
      action: 'membership.delete',
      entityType: 'membership',
      entityId: found.membership.id,
      orgId: found.org.id,
      before: found.membership,
    });
  });
  cache?.forgetUser(found.membership.userId);
}
