// Invitations are offers: an organisation's admin offers a role to an email address, and nothing is granted until
// the person accepts — in the app when they already have an account, or through the link (which makes the account
// when the address has none). What the inviter is told never depends on whether the address has an account, so
// an invitation cannot be used to learn who works at another organisation or to add them without their consent.
import { and, eq } from 'drizzle-orm';
import type { Invitation, InviteInput } from '../../../shared/schemas/orgs';
import { invitations, memberships, users } from '../../db/schema';
import type { ActorCache } from '../../lib/actor-cache';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import { newSecret, secretHash } from '../../lib/crypto';
import type { Db, Queryable, Tx } from '../../lib/db';
import { AppError } from '../../lib/errors';
import type { Actor, OrgPlace } from '../../lib/policy';
import { notify } from '../notifications/notifications.service';
import { invitationOut, isOpen } from './invitations.queries';
import { type MembershipAsked, membershipProblem } from './members.rules';
import { listClassrooms, type OrgRow } from './orgs.queries';

const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;

export function assertFits(p: MembershipAsked): void {
  const problem = membershipProblem(p);
  if (problem)
    throw new AppError('validation_failed', problem.reason, { fields: { [problem.field]: [problem.reason] } });
}

export const classroomIdsOf = async (db: Queryable, orgId: string) =>
  new Set((await listClassrooms(db, [orgId])).map((r) => r.id));

export interface InviteMemberParams extends InviteInput {
  org: OrgPlace & { name: string };
  /** Classrooms of the org, to check an assistant's classroom belongs to it. */
  classroomIds: Set<string>;
}

/**
 * Offers a role in an organisation to an email address, inside the caller's transaction. A newer invitation of the
 * same address to the same role replaces an open older one (whose link stops working). Someone who already holds
 * the role here is told so: they are the inviter's own organisation's member.
 */
export async function inviteMember(tx: Tx, actor: Actor, p: InviteMemberParams, meta: RequestMeta) {
  assertFits(p);
  const email = p.email.toLowerCase();
  const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (account) {
    const [held] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, account.id), eq(memberships.orgId, p.org.id), eq(memberships.role, p.role)));
    if (held)
      throw new AppError('already_exists', `${email} already has this role here`, {
        fields: { email: ['already a member with this role'] },
      });
  }
  const now = new Date();
  await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(eq(invitations.email, email), eq(invitations.orgId, p.org.id), eq(invitations.role, p.role), isOpen()));
  const token = newSecret();
  const [row] = await tx
    .insert(invitations)
    .values({
      tokenHash: secretHash(token),
      email,
      name: p.name,
      orgId: p.org.id,
      role: p.role,
      masterTeacher: !!p.masterTeacher,
      classroomId: p.classroomId ?? null,
      invitedBy: actor.user.id,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    })
    .returning();
  if (!row) throw new Error('INSERT … RETURNING gave no invitation');
  // Someone with an account hears of it in the app; the inviter is not told either way.
  if (account)
    await notify(tx, [account.id], 'invitation', { orgName: p.org.name, role: p.role, invitedBy: actor.user.name });
  await audit(tx, actor, meta, {
    action: 'invitation.create',
    entityType: 'invitation',
    entityId: row.id,
    orgId: p.org.id,
    after: { email, name: p.name, role: p.role, masterTeacher: row.masterTeacher, classroomId: row.classroomId },
  });
  return invitationOut(row, `/invite/${token}`);
}

export interface AddMemberParams {
  /** The organisation, as getManagedOrg returned it. */
  org: OrgRow;
  input: InviteInput;
}

/** Invites one person, from the invite form. */
export async function addMember(db: Db, actor: Actor, params: AddMemberParams, meta: RequestMeta): Promise<Invitation> {
  const { org, input } = params;
  const classroomIds = await classroomIdsOf(db, org.id);
  return db.transaction((tx) => inviteMember(tx, actor, { ...input, org, classroomIds }, meta));
}

type InvitationRow = typeof invitations.$inferSelect;

export interface RevokeInvitationParams {
  /** The open invitation, as getOrgInvitation returned it. */
  invitation: InvitationRow;
}

/** Withdraws an open invitation: its link and the offer in the person's app stop working. */
export async function revokeInvitation(db: Db, actor: Actor, params: RevokeInvitationParams, meta: RequestMeta) {
  const { invitation } = params;
  await db.transaction(async (tx) => {
    await closeInvitation(tx, invitation.id, { revokedAt: new Date() });
    await audit(tx, actor, meta, {
      action: 'invitation.revoke',
      entityType: 'invitation',
      entityId: invitation.id,
      orgId: invitation.orgId,
      before: { email: invitation.email, role: invitation.role },
    });
  });
}

type InvitationEnd = { acceptedAt: Date; userId: string } | { declinedAt: Date } | { revokedAt: Date };

/** Ends an open invitation; guarded, so two answers (two clicks, two tabs) cannot both take effect. */
async function closeInvitation(tx: Queryable, id: string, end: InvitationEnd) {
  const [closed] = await tx
    .update(invitations)
    .set(end)
    .where(and(eq(invitations.id, id), isOpen()))
    .returning({ id: invitations.id });
  if (!closed) throw new AppError('gone', 'This invitation was already answered, withdrawn, or has expired');
}

/**
 * Accepts an invitation for this account inside the caller's transaction: the invitation closes and the membership
 * it offered is made (or kept, if the person already holds that role there).
 */
export async function grantInvitation(tx: Tx, invitation: InvitationRow, userId: string): Promise<void> {
  await closeInvitation(tx, invitation.id, { acceptedAt: new Date(), userId });
  await tx
    .insert(memberships)
    .values({
      userId,
      orgId: invitation.orgId,
      role: invitation.role,
      masterTeacher: invitation.masterTeacher,
      classroomId: invitation.classroomId,
    })
    .onConflictDoNothing();
  if (invitation.invitedBy && invitation.invitedBy !== userId)
    await notify(tx, [invitation.invitedBy], 'invitation_accepted', { name: invitation.name, role: invitation.role });
}

export interface AnswerOfferParams {
  /** The signed-in person's open invitation, as getOffer returned it. */
  invitation: InvitationRow;
}

/** The signed-in person accepts an invitation made to their address; it takes effect on their next request. */
export async function acceptOffer(
  db: Db,
  actor: Actor,
  params: AnswerOfferParams,
  meta: RequestMeta,
  cache: ActorCache | undefined,
): Promise<void> {
  const { invitation } = params;
  await db.transaction(async (tx) => {
    await grantInvitation(tx, invitation, actor.user.id);
    await audit(tx, actor, meta, {
      action: 'invitation.accept',
      entityType: 'invitation',
      entityId: invitation.id,
      orgId: invitation.orgId,
    });
  });
  cache?.forgetUser(actor.user.id);
}

/** The signed-in person declines an invitation made to their address. */
export async function declineOffer(db: Db, actor: Actor, params: AnswerOfferParams, meta: RequestMeta) {
  const { invitation } = params;
  await db.transaction(async (tx) => {
    await closeInvitation(tx, invitation.id, { declinedAt: new Date() });
    await audit(tx, actor, meta, {
      action: 'invitation.decline',
      entityType: 'invitation',
      entityId: invitation.id,
      orgId: invitation.orgId,
    });
  });
}
