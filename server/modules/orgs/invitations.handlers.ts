import { dbOf, requestMeta, type SignedInHandler } from '../../lib/router';
import type * as contract from './invitations.contract';
import { getOffer, getOrgInvitation, listOffers, listOrgInvitations } from './invitations.queries';
import { acceptOffer, addMember, declineOffer, revokeInvitation } from './invitations.service';
import { getManagedOrg } from './orgs.queries';

export const create: SignedInHandler<typeof contract.create> = async (c) => {
  const actor = c.get('actor');
  const db = dbOf(c);
  const org = await getManagedOrg(db, actor, c.req.valid('param').id);
  const invitation = await addMember(db, actor, { org, input: c.req.valid('json') }, requestMeta(c));
  return c.json({ invitation }, 201);
};

export const list: SignedInHandler<typeof contract.list> = async (c) => {
  const db = dbOf(c);
  const org = await getManagedOrg(db, c.get('actor'), c.req.valid('param').id);
  return c.json({ items: await listOrgInvitations(db, org.id), nextCursor: null }, 200);
};

export const revoke: SignedInHandler<typeof contract.revoke> = async (c) => {
  const actor = c.get('actor');
  const db = dbOf(c);
  const { id, invitationId } = c.req.valid('param');
  const org = await getManagedOrg(db, actor, id);
  const invitation = await getOrgInvitation(db, org.id, invitationId);
  await revokeInvitation(db, actor, { invitation }, requestMeta(c));
  return c.body(null, 204);
};

export const offers: SignedInHandler<typeof contract.offers> = async (c) => {
  return c.json({ items: await listOffers(dbOf(c), c.get('actor')), nextCursor: null }, 200);
};

export const accept: SignedInHandler<typeof contract.accept> = async (c) => {
  const actor = c.get('actor');
  const db = dbOf(c);
  const invitation = await getOffer(db, actor, c.req.valid('param').id);
  await acceptOffer(db, actor, { invitation }, requestMeta(c), c.get('deps').actorCache);
  return c.body(null, 204);
};

export const decline: SignedInHandler<typeof contract.decline> = async (c) => {
  const actor = c.get('actor');
  const db = dbOf(c);
  const invitation = await getOffer(db, actor, c.req.valid('param').id);
  await declineOffer(db, actor, { invitation }, requestMeta(c));
  return c.body(null, 204);
};
