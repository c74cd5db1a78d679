import { createRoute } from '@hono/zod-openapi';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import {
  acceptInvitationInput,
  apiToken,
  changePasswordInput,
  createdToken,
  createTokenInput,
  invitationInfo,
  loginInput,
  meResponse,
  updateMeInput,
  user,
} from '../../../shared/schemas/auth';
import { idParam, page } from '../../../shared/schemas/common';
import { iso } from '../../../shared/time';
import { credentials, invitations, orgs, users } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { AppEnv } from '../../lib/context';
import { hashPassword, secretHash, verifyPassword } from '../../lib/crypto';
import { AppError, notFound } from '../../lib/errors';
import { clientIp, commonErrors, json, jsonBody, newRouter, noContent, requestMeta } from '../../lib/router';
import { forgetActor, requireActor, SESSION_COOKIE } from './auth.middleware';
import {
  createCredential,
  findUserByEmail,
  loginRetryAfter,
  recordLoginAttempt,
  revokeCredentialByToken,
  SESSION_TTL_MS,
} from './auth.queries';

const tooMany = { 429: json(z.object({ error: z.any() }), 'Too many attempts; see Retry-After') };

/** A fresh session for `userId`: the old one (if any) is revoked, so a fixated session id is useless. */
async function startSession(c: Context<AppEnv>, userId: string) {
  const { db } = c.get('deps').database;
  const previous = getCookie(c, SESSION_COOKIE);
  if (previous) await revokeCredentialByToken(db, previous);
  forgetActor(c, userId);
  const { token } = await createCredential(db, {
    userId,
    kind: 'session',
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

/** Secure cookies over HTTPS, including HTTPS that a trusted reverse proxy terminated. */
function isHttps(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return c.get('deps').config.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

const publicUser = (u: { id: string; name: string; email: string; locale: 'zh' | 'en' }) => ({
  id: u.id,
  name: u.name,
  email: u.email,
  locale: u.locale,
});

export const authRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['auth'],
      summary: 'Sign in with email and password',
      request: { body: jsonBody(loginInput) },
      responses: { 200: json(z.object({ user })), ...commonErrors, ...tooMany },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const { db } = c.get('deps').database;
      const ip = clientIp(c);
      const wait = await loginRetryAfter(db, email, ip);
      if (wait > 0) {
        throw new AppError(
          'too_many_requests',
          `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} min`,
          { retryAfter: wait },
          { 'Retry-After': String(wait) },
        );
      }
      const found = await findUserByEmail(db, email);
      const ok = await verifyPassword(password, found?.passwordHash ?? null);
      await recordLoginAttempt(db, email, ip, ok);
      if (!ok || !found) throw new AppError('invalid_credentials', 'The email or password is not right');
      await startSession(c, found.id);
      return c.json({ user: publicUser(found) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['auth'],
      summary: 'Sign out',
      responses: { 204: noContent },
    }),
    async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await revokeCredentialByToken(c.get('deps').database.db, token);
      const actor = c.get('actor');
      if (actor) forgetActor(c, actor.user.id);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['auth'],
      summary: 'The signed-in person and their memberships',
      responses: { 200: json(meResponse), ...commonErrors },
    }),
    (c) => {
      const actor = requireActor(c);
      const memberships = actor.memberships.map(({ groupId: _g, districtId: _d, ...m }) => m);
      return c.json({ user: actor.user, memberships }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/me',
      tags: ['auth'],
      summary: 'Change own name or interface language',
      request: { body: jsonBody(updateMeInput) },
      responses: { 200: json(z.object({ user })), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const input = c.req.valid('json');
      const { db } = c.get('deps').database;
      const updated = await db.transaction(async (tx) => {
        const [row] = await tx.update(users).set(input).where(eq(users.id, actor.user.id)).returning();
        const before = Object.fromEntries(Object.keys(input).map((k) => [k, actor.user[k as keyof typeof input]]));
        await audit(tx, c.get('actor'), requestMeta(c), {
          action: 'user.update',
          entityType: 'user',
          entityId: actor.user.id,
          before,
          after: input,
        });
        return row!;
      });
      forgetActor(c, actor.user.id);
      return c.json({ user: publicUser(updated) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/me/password',
      tags: ['auth'],
      summary: 'Change own password; other sessions are signed out',
      request: { body: jsonBody(changePasswordInput) },
      responses: { 204: noContent, ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { currentPassword, newPassword } = c.req.valid('json');
      const { db } = c.get('deps').database;
      const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.user.id));
      if (!(await verifyPassword(currentPassword, row?.hash ?? null))) {
        throw new AppError('validation_failed', 'The current password is not right', {
          fields: { currentPassword: ['not right'] },
        });
      }
      const hash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash: hash }).where(eq(users.id, actor.user.id));
        await tx
          .update(credentials)
          .set({ revokedAt: new Date() })
          .where(
            and(eq(credentials.userId, actor.user.id), eq(credentials.kind, 'session'), isNull(credentials.revokedAt)),
          );
        await audit(tx, c.get('actor'), requestMeta(c), {
          action: 'user.password_change',
          entityType: 'user',
          entityId: actor.user.id,
        });
      });
      await startSession(c, actor.user.id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/tokens',
      tags: ['auth'],
      summary: 'Create a bearer token for scripts (shown once)',
      request: { body: jsonBody(createTokenInput) },
      responses: { 201: json(z.object({ token: createdToken })), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { name, expiresInDays } = c.req.valid('json');
      const { db } = c.get('deps').database;
      const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86400_000) : null;
      const { token, credential } = await db.transaction(async (tx) => {
        const created = await createCredential(tx, { userId: actor.user.id, kind: 'api_token', name, expiresAt });
        await audit(tx, c.get('actor'), requestMeta(c), {
          action: 'token.create',
          entityType: 'api_token',
          entityId: created.credential.id,
          after: { name, expiresAt },
        });
        return created;
      });
      return c.json({ token: { ...tokenOut(credential), token } }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/auth/tokens',
      tags: ['auth'],
      summary: "The caller's live bearer tokens",
      responses: { 200: json(page(apiToken)), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const rows = await c
        .get('deps')
        .database.db.select()
        .from(credentials)
        .where(
          and(eq(credentials.userId, actor.user.id), eq(credentials.kind, 'api_token'), isNull(credentials.revokedAt)),
        )
        .orderBy(desc(credentials.createdAt));
      return c.json({ items: rows.map(tokenOut), nextCursor: null }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/auth/tokens/{id}',
      tags: ['auth'],
      summary: 'Revoke a bearer token',
      request: { params: idParam },
      responses: { 204: noContent, ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      const { db } = c.get('deps').database;
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(credentials)
          .set({ revokedAt: new Date() })
          .where(
            and(
              eq(credentials.id, id),
              eq(credentials.userId, actor.user.id),
              eq(credentials.kind, 'api_token'),
              isNull(credentials.revokedAt),
            ),
          )
          .returning({ id: credentials.id, name: credentials.name });
        if (!row) throw notFound('token');
        await audit(tx, c.get('actor'), requestMeta(c), {
          action: 'token.revoke',
          entityType: 'api_token',
          entityId: id,
          before: { name: row.name },
        });
      });
      forgetActor(c, actor.user.id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/invitations/{token}',
      tags: ['auth'],
      summary: 'What an invitation link is for',
      request: { params: z.object({ token: z.string().min(10).max(100) }) },
      responses: { 200: json(z.object({ invitation: invitationInfo })), ...commonErrors },
    }),
    async (c) => {
      const inv = await findOpenInvitation(c, c.req.valid('param').token);
      return c.json(
        {
          invitation: {
            name: inv.name,
            email: inv.email,
            orgName: inv.orgName,
            role: inv.role,
            expiresAt: iso(inv.expiresAt),
          },
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/invitations/{token}/accept',
      tags: ['auth'],
      summary: 'Set a password and sign in',
      request: { params: z.object({ token: z.string().min(10).max(100) }), body: jsonBody(acceptInvitationInput) },
      responses: { 200: json(z.object({ user })), ...commonErrors },
    }),
    async (c) => {
      const inv = await findOpenInvitation(c, c.req.valid('param').token);
      const { password, name } = c.req.valid('json');
      const hash = await hashPassword(password);
      const { db } = c.get('deps').database;
      const updated = await db.transaction(async (tx) => {
        // Guarded update: two clicks on the link cannot both accept it.
        const [accepted] = await tx
          .update(invitations)
          .set({ acceptedAt: new Date() })
          .where(and(eq(invitations.id, inv.id), isNull(invitations.acceptedAt)))
          .returning({ id: invitations.id });
        if (!accepted) throw new AppError('gone', 'This invitation has already been used');
        const [u] = await tx
          .update(users)
          .set({ passwordHash: hash, ...(name ? { name } : {}) })
          .where(eq(users.id, inv.userId))
          .returning();
        await audit(tx, c.get('actor'), requestMeta(c), {
          action: 'invitation.accept',
          entityType: 'invitation',
          entityId: inv.id,
          orgId: inv.orgId,
        });
        return u!;
      });
      await startSession(c, updated.id);
      return c.json({ user: publicUser(updated) }, 200);
    },
  );

async function findOpenInvitation(c: Context<AppEnv>, token: string) {
  const { db } = c.get('deps').database;
  const [row] = await db
    .select({
      id: invitations.id,
      userId: invitations.userId,
      orgId: invitations.orgId,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      name: users.name,
      email: users.email,
      orgName: orgs.name,
    })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.userId))
    .innerJoin(orgs, eq(orgs.id, invitations.orgId))
    .where(eq(invitations.tokenHash, secretHash(token)));
  if (!row) throw notFound('invitation');
  if (row.acceptedAt) throw new AppError('gone', 'This invitation has already been used; sign in instead');
  if (row.expiresAt.getTime() < Date.now())
    throw new AppError('gone', 'This invitation has expired; ask your school admin for a new one');
  return row;
}

function tokenOut(row: typeof credentials.$inferSelect) {
  return {
    id: row.id,
    name: row.name ?? '',
    createdAt: iso(row.createdAt),
    expiresAt: iso(row.expiresAt),
    lastUsedAt: iso(row.lastUsedAt),
  };
}
