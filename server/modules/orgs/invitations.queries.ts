// Reads of invitations: an organisation's open ones (for its admins) and a person's own offers (for them).
// An invitation is open while it is neither accepted, declined nor withdrawn, and has not expired.
import { and, desc, eq, gt, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Invitation, Offer } from '../../../shared/schemas/orgs';
import { iso } from '../../../shared/time';
import { classrooms, invitations, orgs, users } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { notFound } from '../../lib/errors';
import type { Actor } from '../../lib/policy';

export const isOpen = (): SQL | undefined =>
  and(
    isNull(invitations.acceptedAt),
    isNull(invitations.declinedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, new Date()),
  );

type InvitationRow = typeof invitations.$inferSelect;

export function invitationOut(row: InvitationRow, url: string | null = null): Invitation {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    masterTeacher: row.masterTeacher,
    classroomId: row.classroomId,
    url,
    expiresAt: iso(row.expiresAt),
  };
}

/** An organisation's open invitations, newest first. */
export async function listOrgInvitations(db: Queryable, orgId: string): Promise<Invitation[]> {
  const rows = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, orgId), isOpen()))
    .orderBy(desc(invitations.createdAt));
  return rows.map((r) => invitationOut(r));
}

/** One open invitation of the organisation (which the caller manages, checked before). */
export async function getOrgInvitation(db: Queryable, orgId: string, id: string): Promise<InvitationRow> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.orgId, orgId), isOpen()));
  if (!row) throw notFound('invitation');
  return row;
}

const inviter = alias(users, 'inviter');

function offerQuery(db: Queryable, where: SQL | undefined) {
  return db
    .select({
      invitation: invitations,
      orgName: orgs.name,
      orgKind: orgs.kind,
      classroomName: classrooms.name,
      invitedBy: inviter.name,
    })
    .from(invitations)
    .innerJoin(orgs, eq(orgs.id, invitations.orgId))
    .leftJoin(classrooms, eq(classrooms.id, invitations.classroomId))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .where(and(where, isOpen()))
    .orderBy(desc(invitations.createdAt));
}
type OfferRow = Awaited<ReturnType<typeof offerQuery>>[number];

function offerOut(r: OfferRow): Offer {
  return {
    id: r.invitation.id,
    orgId: r.invitation.orgId,
    orgName: r.orgName,
    orgKind: r.orgKind,
    role: r.invitation.role,
    masterTeacher: r.invitation.masterTeacher,
    classroomName: r.classroomName,
    invitedBy: r.invitedBy,
    expiresAt: iso(r.invitation.expiresAt),
  };
}

/** The open invitations made to the signed-in person's email address. */
export async function listOffers(db: Queryable, actor: Actor): Promise<Offer[]> {
  return (await offerQuery(db, eq(invitations.email, actor.user.email))).map(offerOut);
}

/** One open invitation made to the signed-in person: another person's invitation is not found. */
export async function getOffer(db: Queryable, actor: Actor, id: string): Promise<InvitationRow> {
  const [row] = await offerQuery(db, and(eq(invitations.id, id), eq(invitations.email, actor.user.email)));
  if (!row) throw notFound('invitation');
  return row.invitation;
}
