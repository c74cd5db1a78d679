import { dbOf, type PublicHandler, requestMeta } from '../../lib/router';
import { sessionCookieOf, setSessionCookie } from './auth.cookie';
import { findOpenInvitation, invitationInfoOut } from './auth.queries';
import { acceptInvitation } from './auth.service';
import type * as contract from './invitations.contract';

// Invitation links are capabilities: whoever holds the link may use it, signed in or not.

export const get: PublicHandler<typeof contract.get> = async (c) => {
  const invitation = await findOpenInvitation(dbOf(c), c.req.valid('param').token);
  return c.json({ invitation: invitationInfoOut(invitation) }, 200);
};

export const accept: PublicHandler<typeof contract.accept> = async (c) => {
  const db = dbOf(c);
  const invitation = await findOpenInvitation(db, c.req.valid('param').token);
  const params = { invitation, ...c.req.valid('json'), previousToken: sessionCookieOf(c) };
  const { user, token } = await acceptInvitation(db, c.get('actor'), params, requestMeta(c), c.get('deps').actorCache);
  setSessionCookie(c, token);
  return c.json({ user }, 200);
};
