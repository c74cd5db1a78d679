// The writes of signing in: sessions (started, rotated, ended), sign-in attempts, a person's own profile and
// password, and accepting an invitation. Sessions are rows; the cookie that carries one is the handlers' part.
// Whatever changes who a person is or what they may do forgets their cached identity (`cache`) at once.
import { and, eq, isNull } from 'drizzle-orm';
import type { Locale } from '../../../shared/enums';
import type { User } from '../../../shared/schemas/auth';
import { credentials, loginAttempts, users } from '../../db/schema';
import type { ActorCache } from '../../lib/actor-cache';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import { hashPassword, newSecret, secretHash, verifyPassword } from '../../lib/crypto';
import type { Db, Queryable, Tx } from '../../lib/db';
import { AppError } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import { grantInvitation } from '../orgs/invitations.service';
import {
  findUserByEmail,
  loginRetryAfter,
  type OpenInvitation,
  passwordHashOf,
  SESSION_TTL_MS,
  userOut,
} from './auth.queries';

export interface CreateCredentialParams {
  userId: string;
  kind: 'session' | 'api_token';
  name?: string;
  expiresAt: Date | null;
}

/** A new credential; its secret is answered once and only its hash is stored. */
export async function createCredential(db: Queryable, params: CreateCredentialParams) {
  const token = newSecret(params.kind === 'api_token' ? 'tzk_' : '');
  const [credential] = await db
    .insert(credentials)
    .values({
      tokenHash: secretHash(token),
      userId: params.userId,
      kind: params.kind,
      name: params.name ?? null,
      expiresAt: params.expiresAt,
    })
    .returning();
  if (!credential) throw new Error('INSERT … RETURNING gave no credential');
  return { token, credential };
}

async function revokeCredentialByToken(db: Queryable, token: string) {
  await db
    .update(credentials)
    .set({ revokedAt: new Date() })
    .where(and(eq(credentials.tokenHash, secretHash(token)), isNull(credentials.revokedAt)));
}

export interface StartSessionParams {
  userId: string;
  /** The session token the browser still carries, if any. */
  previousToken?: string;
}

/**
 * A fresh session for the person, answering its token: the old one (if any) is revoked, so a fixated session id
 * is useless.
 */
async function startSession(db: Db, params: StartSessionParams, cache: ActorCache | undefined) {
  if (params.previousToken) await revokeCredentialByToken(db, params.previousToken);
  cache?.forgetUser(params.userId);
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  const { token } = await createCredential(db, { userId: params.userId, kind: 'session', expiresAt });
  return token;
}

export interface SignInParams {
  email: string;
  password: string;
  previousToken?: string;
}

/**
 * Signs in with email and password: refused for a while (429) after too many failures for the account or from
 * the address; every attempt is recorded. Answers the person and their new session's token.
 */
export async function signIn(
  db: Db,
  params: SignInParams,
  meta: RequestMeta,
  cache: ActorCache | undefined,
): Promise<{ user: User; token: string }> {
  const { email, password } = params;
  await assertMayTryPassword(db, email, meta);
  const found = await findUserByEmail(db, email);
  const ok = await verifyPassword(password, found?.passwordHash ?? null);
  await db.insert(loginAttempts).values({ email, ip: meta.ip, success: ok });
  if (!ok || !found) throw new AppError('invalid_credentials', 'The email or password is not right');
  const token = await startSession(db, { userId: found.id, previousToken: params.previousToken }, cache);
  return { user: userOut(found), token };
}

export interface SignOutParams {
  /** The session token the browser sent. */
  token?: string;
  /** Who was signed in, if anyone. */
  userId?: string;
}

export async function signOut(db: Db, params: SignOutParams, cache: ActorCache | undefined): Promise<void> {
  if (params.token) await revokeCredentialByToken(db, params.token);
  if (params.userId) cache?.forgetUser(params.userId);
}

export interface UpdateProfileParams {
  name?: string;
  locale?: Locale;
}

/** Changes the caller's own name or interface language. */
export async function updateProfile(
  db: Db,
  actor: Actor,
  params: UpdateProfileParams,
  meta: RequestMeta,
  cache: ActorCache | undefined,
): Promise<User> {
  const updated = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, actor.user.id)).for('update');
    if (!current) throw new Error('the signed-in person has no user row');
    // Only what changes is written and recorded: choosing the language already shown leaves no event.
    const keys = (Object.keys(params) as (keyof UpdateProfileParams)[]).filter(
      (k) => params[k] !== undefined && params[k] !== current[k],
    );
    if (!keys.length) return current;
    const after = Object.fromEntries(keys.map((k) => [k, params[k]]));
    const [row] = await tx.update(users).set(after).where(eq(users.id, actor.user.id)).returning();
    await audit(tx, actor, meta, {
      action: 'user.update',
      entityType: 'user',
      entityId: actor.user.id,
      before: Object.fromEntries(keys.map((k) => [k, current[k]])),
      after,
    });
    if (!row) throw new Error('the signed-in person has no user row');
    return row;
  });
  cache?.forgetUser(actor.user.id);
  return userOut(updated);
}

export interface ChangePasswordParams {
  currentPassword: string;
  newPassword: string;
  previousToken?: string;
}

/** Changes the caller's password after checking the current one; every session ends and a new one starts. */
export async function changePassword(
  db: Db,
  actor: Actor,
  params: ChangePasswordParams,
  meta: RequestMeta,
  cache: ActorCache | undefined,
): Promise<string> {
  if (!(await verifyPassword(params.currentPassword, await passwordHashOf(db, actor.user.id)))) {
    throw new AppError('validation_failed', 'The current password is not right', {
      fields: { currentPassword: ['not right'] },
    });
  }
  const hash = await hashPassword(params.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, actor.user.id));
    await tx
      .update(credentials)
      .set({ revokedAt: new Date() })
      .where(
        and(eq(credentials.userId, actor.user.id), eq(credentials.kind, 'session'), isNull(credentials.revokedAt)),
      );
    await audit(tx, actor, meta, { action: 'user.password_change', entityType: 'user', entityId: actor.user.id });
  });
  return startSession(db, { userId: actor.user.id, previousToken: params.previousToken }, cache);
}

export interface AcceptInvitationParams {
  /** The invitation, as findOpenInvitation returned it. */
  invitation: OpenInvitation;
  /** A new password when the address has no account yet; the account's own password when it has one. */
  password: string;
  name?: string;
  previousToken?: string;
}

/** 429 while the account or the address has failed to sign in too often (one limit for both doors in). */
async function assertMayTryPassword(db: Db, email: string, meta: RequestMeta): Promise<void> {
  const wait = await loginRetryAfter(db, email, meta.ip);
  if (wait > 0) {
    throw new AppError(
      'too_many_requests',
      `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} min`,
      { retryAfter: wait },
      { 'Retry-After': String(wait) },
    );
  }
}

/**
 * Accepts an invitation through its link and signs the person in. The link's page reads the same either way: an
 * address without an account gets one with the password given; an address with one must give that account's
 * password (checked and limited like a sign-in), so holding a link never takes over an existing account. `actor` is
 * whoever holds the link and may be signed in as someone else, or nobody.
 */
export async function acceptInvitation(
  db: Db,
  actor: Actor | null,
  params: AcceptInvitationParams,
  meta: RequestMeta,
  cache: ActorCache | undefined,
): Promise<{ user: User; token: string }> {
  const { invitation } = params;
  const found = await findUserByEmail(db, invitation.email);
  if (found?.passwordHash) {
    await assertMayTryPassword(db, invitation.email, meta);
    const ok = await verifyPassword(params.password, found.passwordHash);
    await db.insert(loginAttempts).values({ email: invitation.email, ip: meta.ip, success: ok });
    if (!ok)
      throw new AppError('invalid_credentials', 'This address already has an account: enter its password', {
        fields: { password: ['not the password of the account with this address'] },
      });
  }
  // An account without a password holds no memberships (they are made only on acceptance), so setting it is safe.
  const hash = found?.passwordHash ? null : await hashPassword(params.password);
  const accepted = await db.transaction(async (tx) => {
    const account = found ?? (await newAccount(tx, invitation.email, params.name ?? invitation.name));
    const [u] = hash
      ? await tx
          .update(users)
          .set({ passwordHash: hash, ...(params.name ? { name: params.name } : {}) })
          .where(eq(users.id, account.id))
          .returning()
      : [account];
    if (!u) throw new Error('an invitation without its user');
    await grantInvitation(tx, invitation, u.id);
    await audit(tx, actor, meta, {
      action: 'invitation.accept',
      entityType: 'invitation',
      entityId: invitation.id,
      orgId: invitation.orgId,
      after: { userId: u.id },
    });
    return u;
  });
  cache?.forgetUser(accepted.id);
  const token = await startSession(db, { userId: accepted.id, previousToken: params.previousToken }, cache);
  return { user: userOut(accepted), token };
}

/** A new account for an accepted invitation; two acceptances racing for one address make it once. */
async function newAccount(tx: Tx, email: string, name: string) {
  const [made] = await tx.insert(users).values({ email, name }).onConflictDoNothing().returning();
  if (made) return made;
  throw new AppError('conflict', 'An account for this address was made a moment ago; open the link again');
}
