// Members of an organisation: invited (one at a time or by CSV import), changed and removed by its admins. A
// change to someone's memberships forgets their cached identity (`cache`), so it takes effect at once.
import { and, eq } from 'drizzle-orm';
import type { Invitation, InviteInput, UpdateMembershipInput } from '../../../shared/schemas/orgs';
import { iso } from '../../../shared/time';
import { invitations, memberships, users } from '../../db/schema';
import type { ActorCache } from '../../lib/actor-cache';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import { newSecret, secretHash } from '../../lib/crypto';
import type { Db, Tx } from '../../lib/db';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { type Actor, leadsSchool, type OrgPlace } from '../../lib/policy';
import type { MembershipRow } from './members.queries';
import { changedMembership, type MembershipAsked, membershipProblem } from './members.rules';
import { listClassrooms, type OrgRow } from './orgs.queries';
import { uniqueName } from './orgs.service';

const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;

function assertFits(p: MembershipAsked): void {
  const problem = membershipProblem(p);
  if (problem)
    throw new AppError('validation_failed', problem.reason, { fields: { [problem.field]: [problem.reason] } });
}

const classroomIdsOf = async (db: Db, orgId: string) => new Set((await listClassrooms(db, [orgId])).map((r) => r.id));

export interface InviteMemberParams extends InviteInput {
  org: OrgPlace & { name: string };
  /** Classrooms of the org, to check an assistant's classroom belongs to it. */
  classroomIds: Set<string>;
}

/**
 * Add a person to an organisation inside the caller's transaction: the account is created when the email
 * is new, and an invitation link is made when the account has no password yet.
 */
export async function inviteMember(
  tx: Tx,
  actor: Actor,
  p: InviteMemberParams,
  meta: RequestMeta,
  cache: ActorCache | undefined,
): Promise<Invitation> {
  assertFits(p);
  const email = p.email.toLowerCase();
  const [known] = await tx.select().from(users).where(eq(users.email, email));
  const user = known ?? (await tx.insert(users).values({ email, name: p.name }).returning())[0];
  if (!user) throw new Error('INSERT … RETURNING gave no user');
  const [existing] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), eq(memberships.orgId, p.org.id), eq(memberships.role, p.role)));
  if (existing)
    throw new AppError('already_exists', `${email} already has this role here`, {
      fields: { email: ['already a member with this role'] },
    });
  const [membership] = await tx
    .insert(memberships)
    .values({
      userId: user.id,
      orgId: p.org.id,
      role: p.role,
      masterTeacher: !!p.masterTeacher,
      classroomId: p.classroomId ?? null,
    })
    .returning();
  if (!membership) throw new Error('INSERT … RETURNING gave no membership');
  let url: string | null = null;
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  let invitationId = membership.id;
  if (!user.passwordHash) {
    const token = newSecret();
    const [inv] = await tx
      .insert(invitations)
      .values({
        tokenHash: secretHash(token),
        userId: user.id,
        orgId: p.org.id,
        role: p.role,
        invitedBy: actor.user.id,
        expiresAt,
      })
      .returning({ id: invitations.id });
    if (!inv) throw new Error('INSERT … RETURNING gave no invitation');
    invitationId = inv.id;
    url = `/invite/${token}`;
  }
  // An existing account gains a membership: its cached identity must not lag behind.
  cache?.forgetUser(user.id);
  await audit(tx, actor, meta, {
    action: 'membership.create',
    entityType: 'membership',
    entityId: membership.id,
    orgId: p.org.id,
    after: {
      userId: user.id,
      email,
      name: user.name,
      role: p.role,
      masterTeacher: !!p.masterTeacher,
      classroomId: p.classroomId ?? null,
    },
  });
  return { id: invitationId, userId: user.id, name: user.name, email, role: p.role, url, expiresAt: iso(expiresAt) };
}

export interface AddMemberParams {
  /** The organisation, as getManagedOrg returned it. */
  org: OrgRow;
  input: InviteInput;
}

/** Invites one person, from the invite form. */
export async function addMember(
  db: Db,
  actor: Actor,
  params: AddMemberParams,
  meta: RequestMeta,
  cache: ActorCache | undefined,
): Promise<Invitation> {
  const { org, input } = params;
  const classroomIds = await classroomIdsOf(db, org.id);
  return db.transaction((tx) => inviteMember(tx, actor, { ...input, org, classroomIds }, meta, cache));
}

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
