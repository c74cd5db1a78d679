import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { ApiToken, InvitationInfo, User } from '../../../shared/schemas/auth';
import { iso } from '../../../shared/time';
import { credentials, invitations, loginAttempts, orgs, users } from '../../db/schema';
import { secretHash } from '../../lib/crypto';
import { type Db, type Queryable, rowsOf } from '../../lib/db';
import { AppError, notFound } from '../../lib/errors';
import type { Actor, ActorMembership } from '../../lib/policy';

export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;
/** last_used_at is refreshed at most this often, so reads do not become writes. */
const TOUCH_EVERY_MS = 10 * 60 * 1000;

/** Every membership of the user `u` with its organisation, as one JSON array (one round trip for an actor). */
const membershipsOfU = sql.raw(`COALESCE((
  SELECT json_agg(json_build_object(
    'id', m.id, 'orgId', o.id, 'orgName', o.name, 'orgKind', o.kind, 'role', m.role,
    'masterTeacher', m.master_teacher, 'reviewer', m.reviewer, 'classroomId', m.classroom_id, 'classroomName', cl.name,
    'groupId', o.group_id, 'districtId', o.district_id) ORDER BY o.kind, o.name, m.role)
  FROM memberships m JOIN orgs o ON o.id = m.org_id LEFT JOIN classrooms cl ON cl.id = m.classroom_id
  WHERE m.user_id = u.id), '[]'::json) AS memberships`);

const parseMemberships = (value: ActorMembership[] | string): ActorMembership[] =>
  typeof value === 'string' ? JSON.parse(value) : value;

interface ActorRow {
  credential_id: string;
  kind: 'session' | 'api_token';
  last_used_at: string | Date | null;
  user_id: string;
  name: string;
  email: string;
  locale: 'zh' | 'en';
  memberships: ActorMembership[] | string;
}

/** One round trip: the live credential, its user and every membership with its organisation. */
export async function loadActor(db: Db, token: string, via: Actor['via']): Promise<Actor | null> {
  const result = await db.execute(sql`
    SELECT c.id AS credential_id, c.kind, c.last_used_at, u.id AS user_id, u.name, u.email, u.locale, ${membershipsOfU}
    FROM credentials c JOIN users u ON u.id = c.user_id
    WHERE c.token_hash = ${secretHash(token)} AND c.revoked_at IS NULL
      AND (c.expires_at IS NULL OR c.expires_at > now())`);
  const row = rowsOf<ActorRow>(result)[0];
  if (!row) return null;
  // Browser sessions must come by cookie and script tokens by header: a stolen cookie value is not a bearer token.
  if ((row.kind === 'session') !== (via === 'cookie')) return null;
  const lastUsed = row.last_used_at ? new Date(row.last_used_at).getTime() : 0;
  if (Date.now() - lastUsed > TOUCH_EVERY_MS) {
    await db
      .update(credentials)
      .set({
        lastUsedAt: new Date(),
        // Sessions slide: an active person is not signed out mid-term.
        ...(row.kind === 'session' ? { expiresAt: new Date(Date.now() + SESSION_TTL_MS) } : {}),
      })
      .where(eq(credentials.id, row.credential_id));
  }
  return {
    user: { id: row.user_id, name: row.name, email: row.email, locale: row.locale },
    credentialId: row.credential_id,
    via,
    memberships: parseMemberships(row.memberships),
  };
}

/** The same actor shape for a person known by id (calendar feeds act with their owner's reach). */
export async function loadActorById(db: Db, userId: string): Promise<Actor | null> {
  const result = await db.execute(sql`
    SELECT u.id AS user_id, u.name, u.email, u.locale, ${membershipsOfU}
    FROM users u WHERE u.id = ${userId}`);
  const row = rowsOf<Omit<ActorRow, 'credential_id' | 'kind' | 'last_used_at'>>(result)[0];
  if (!row) return null;
  return {
    user: { id: row.user_id, name: row.name, email: row.email, locale: row.locale },
    credentialId: '',
    via: 'bearer',
    memberships: parseMemberships(row.memberships),
  };
}

const LOGIN_WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_IP = 30;

/** Seconds until another attempt is allowed, or 0. Failures before an account's last success do not count. */
export async function loginRetryAfter(db: Db, email: string, ip: string | null): Promise<number> {
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const [acct] = await db
    .select({ n: count(), oldest: sql<string | null>`min(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.email, email),
        eq(loginAttempts.success, false),
        gt(loginAttempts.at, since),
        sql`${loginAttempts.at} > COALESCE(
          (SELECT max(la.at) FROM login_attempts la WHERE la.email = ${email} AND la.success), '-infinity')`,
      ),
    );
  let waitUntil = 0;
  if (acct && acct.n >= MAX_FAILURES_PER_ACCOUNT && acct.oldest)
    waitUntil = new Date(acct.oldest).getTime() + LOGIN_WINDOW_MS;
  if (ip) {
    const [byIp] = await db
      .select({ n: count(), oldest: sql<string | null>`min(${loginAttempts.at})` })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
    if (byIp && byIp.n >= MAX_FAILURES_PER_IP && byIp.oldest) {
      waitUntil = Math.max(waitUntil, new Date(byIp.oldest).getTime() + LOGIN_WINDOW_MS);
    }
  }
  return waitUntil ? Math.max(1, Math.ceil((waitUntil - Date.now()) / 1000)) : 0;
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

/** The stored password hash of a person; null when they have none yet. */
export async function passwordHashOf(db: Queryable, userId: string): Promise<string | null> {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.hash ?? null;
}

/** A person as answers show them: never the password hash. */
export const userOut = (u: User): User => ({ id: u.id, name: u.name, email: u.email, locale: u.locale });

export function tokenOut(row: typeof credentials.$inferSelect): ApiToken {
  return {
    id: row.id,
    name: row.name ?? '',
    createdAt: iso(row.createdAt),
    expiresAt: iso(row.expiresAt),
    lastUsedAt: iso(row.lastUsedAt),
  };
}

/** A person's live bearer tokens, newest first. */
export async function listTokens(db: Queryable, userId: string): Promise<ApiToken[]> {
  const rows = await db
    .select()
    .from(credentials)
    .where(and(eq(credentials.userId, userId), eq(credentials.kind, 'api_token'), isNull(credentials.revokedAt)))
    .orderBy(desc(credentials.createdAt));
  return rows.map(tokenOut);
}

/**
 * The invitation a link's token opens: 404 when there is none, 410 when it was answered, withdrawn or has expired.
 */
export async function findOpenInvitation(db: Queryable, token: string) {
  const [row] = await db
    .select({ invitation: invitations, orgName: orgs.name })
    .from(invitations)
    .innerJoin(orgs, eq(orgs.id, invitations.orgId))
    .where(eq(invitations.tokenHash, secretHash(token)));
  if (!row) throw notFound('invitation');
  const { invitation } = row;
  if (invitation.acceptedAt) throw new AppError('gone', 'This invitation has already been used; sign in instead');
  if (invitation.declinedAt || invitation.revokedAt)
    throw new AppError('gone', 'This invitation was declined or withdrawn; ask your school admin for a new one');
  if (invitation.expiresAt.getTime() < Date.now())
    throw new AppError('gone', 'This invitation has expired; ask your school admin for a new one');
  return { ...invitation, orgName: row.orgName };
}
export type OpenInvitation = Awaited<ReturnType<typeof findOpenInvitation>>;

export function invitationInfoOut(inv: OpenInvitation): InvitationInfo {
  return { name: inv.name, email: inv.email, orgName: inv.orgName, role: inv.role, expiresAt: iso(inv.expiresAt) };
}
