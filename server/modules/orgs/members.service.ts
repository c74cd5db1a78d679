import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Role } from '../../../shared/enums';
import { iso } from '../../../shared/time';
import { invitations, memberships, users } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { AppEnv } from '../../lib/context';
import { newSecret, secretHash } from '../../lib/crypto';
import type { Tx } from '../../lib/db';
import { AppError } from '../../lib/errors';
import { assignableRoles, type OrgPlace } from '../../lib/policy';
import { requestMeta } from '../../lib/router';

export const INVITATION_TTL_MS = 14 * 24 * 3600 * 1000;

export interface InviteParams {
  org: OrgPlace & { name: string };
  name: string;
  email: string;
  role: Role;
  masterTeacher?: boolean;
  classroomId?: string | null;
  /** Classrooms of the org, to check an assistant's classroom belongs to it. */
  classroomIds: Set<string>;
}

/** Why a membership cannot be given, or null. Shared by the invite form and the CSV import. */
export function membershipProblem(
  p: Pick<InviteParams, 'org' | 'role' | 'masterTeacher' | 'classroomId' | 'classroomIds'>,
): { field: string; reason: string } | null {
  if (!assignableRoles(p.org).includes(p.role))
    return { field: 'role', reason: `role ${p.role} cannot be given in a ${p.org.kind}` };
  if (p.masterTeacher && p.role !== 'teacher')
    return { field: 'masterTeacher', reason: 'only teachers can be master teachers' };
  if (p.classroomId && p.role !== 'assistant')
    return { field: 'classroomId', reason: 'only assistant teachers operate a classroom' };
  if (p.classroomId && !p.classroomIds.has(p.classroomId))
    return { field: 'classroomId', reason: 'the classroom is not in this school' };
  return null;
}

/**
 * Add a person to an organisation inside the caller's transaction: the account is created when the email
 * is new, and an invitation link is made when the account has no password yet.
 */
export async function inviteMember(tx: Tx, c: Context<AppEnv>, p: InviteParams) {
  const problem = membershipProblem(p);
  if (problem)
    throw new AppError('validation_failed', problem.reason, { fields: { [problem.field]: [problem.reason] } });
  const email = p.email.toLowerCase();
  let [user] = await tx.select().from(users).where(eq(users.email, email));
  if (!user) [user] = await tx.insert(users).values({ email, name: p.name }).returning();
  const [existing] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, user!.id), eq(memberships.orgId, p.org.id), eq(memberships.role, p.role)));
  if (existing)
    throw new AppError('already_exists', `${email} already has this role here`, {
      fields: { email: ['already a member with this role'] },
    });
  const [membership] = await tx
    .insert(memberships)
    .values({
      userId: user!.id,
      orgId: p.org.id,
      role: p.role,
      masterTeacher: !!p.masterTeacher,
      classroomId: p.classroomId ?? null,
    })
    .returning();
  let url: string | null = null;
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  let invitationId = membership!.id;
  if (!user!.passwordHash) {
    const token = newSecret();
    const [inv] = await tx
      .insert(invitations)
      .values({
        tokenHash: secretHash(token),
        userId: user!.id,
        orgId: p.org.id,
        role: p.role,
        invitedBy: c.get('actor')?.user.id ?? null,
        expiresAt,
      })
      .returning({ id: invitations.id });
    invitationId = inv!.id;
    url = `/invite/${token}`;
  }
  // An existing account gains a membership: its cached identity must not lag behind.
  c.get('deps').actorCache?.forgetUser(user!.id);
  await audit(tx, c.get('actor'), requestMeta(c), {
    action: 'membership.create',
    entityType: 'membership',
    entityId: membership!.id,
    orgId: p.org.id,
    after: {
      userId: user!.id,
      email,
      name: user!.name,
      role: p.role,
      masterTeacher: !!p.masterTeacher,
      classroomId: p.classroomId ?? null,
    },
  });
  return { id: invitationId, userId: user!.id, name: user!.name, email, role: p.role, url, expiresAt: iso(expiresAt) };
}
