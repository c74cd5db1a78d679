// Bearer tokens for scripts: made and revoked by their owner, each change audited in its own transaction.
import { and, eq, isNull } from 'drizzle-orm';
import type { CreatedToken } from '../../../shared/schemas/auth';
import { credentials } from '../../db/schema';
import type { ActorCache } from '../../lib/actor-cache';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db } from '../../lib/db';
import { forbidden, notFound } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import { tokenOut } from './auth.queries';
import { createCredential } from './auth.service';

export interface CreateTokenParams {
  name: string;
  /** Days until the token expires; none: it lasts until revoked. */
  expiresInDays?: number;
}

/**
 * A new bearer token of the caller's; its secret is in this answer only. Made from a signed-in browser only: a
 * token that could mint tokens would let a leaked one outlive its own revocation.
 */
export async function createToken(
  db: Db,
  actor: Actor,
  params: CreateTokenParams,
  meta: RequestMeta,
): Promise<CreatedToken> {
  if (actor.via !== 'cookie') throw forbidden('Script tokens are made from a signed-in browser, not with a token');
  const { name, expiresInDays } = params;
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86400_000) : null;
  const { token, credential } = await db.transaction(async (tx) => {
    const created = await createCredential(tx, { userId: actor.user.id, kind: 'api_token', name, expiresAt });
    await audit(tx, actor, meta, {
      action: 'token.create',
      entityType: 'api_token',
      entityId: created.credential.id,
      after: { name, expiresAt },
    });
    return created;
  });
  return { ...tokenOut(credential), token };
}

export interface RevokeTokenParams {
  id: string;
}

/** Revokes one of the caller's own live tokens; anyone else's, or a revoked one, is not found. */
export async function revokeToken(
  db: Db,
  actor: Actor,
  params: RevokeTokenParams,
  meta: RequestMeta,
  cache: ActorCache | undefined,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(credentials)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(credentials.id, params.id),
          eq(credentials.userId, actor.user.id),
          eq(credentials.kind, 'api_token'),
          isNull(credentials.revokedAt),
        ),
      )
      .returning({ id: credentials.id, name: credentials.name });
    if (!row) throw notFound('token');
    await audit(tx, actor, meta, {
      action: 'token.revoke',
      entityType: 'api_token',
      entityId: params.id,
      before: { name: row.name },
    });
  });
  cache?.forgetUser(actor.user.id);
}
