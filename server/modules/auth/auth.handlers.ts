import { dbOf, type PublicHandler, requestMeta, type SignedInHandler } from '../../lib/router';
import type * as contract from './auth.contract';
import { clearSessionCookie, sessionCookieOf, setSessionCookie } from './auth.cookie';
import { changePassword, signIn, signOut, updateProfile } from './auth.service';

export const login: PublicHandler<typeof contract.login> = async (c) => {
  const params = { ...c.req.valid('json'), previousToken: sessionCookieOf(c) };
  const { user, token } = await signIn(dbOf(c), params, requestMeta(c), c.get('deps').actorCache);
  setSessionCookie(c, token);
  return c.json({ user }, 200);
};

export const logout: PublicHandler<typeof contract.logout> = async (c) => {
  const params = { token: sessionCookieOf(c), userId: c.get('actor')?.user.id };
  await signOut(dbOf(c), params, c.get('deps').actorCache);
  clearSessionCookie(c);
  return c.body(null, 204);
};

export const me: SignedInHandler<typeof contract.me> = (c) => {
  const { user, memberships } = c.get('actor');
  return c.json({ user, memberships: memberships.map(({ groupId: _g, districtId: _d, ...m }) => m) }, 200);
};

export const updateMe: SignedInHandler<typeof contract.updateMe> = async (c) => {
  const { actorCache } = c.get('deps');
  const user = await updateProfile(dbOf(c), c.get('actor'), c.req.valid('json'), requestMeta(c), actorCache);
  return c.json({ user }, 200);
};

export const password: SignedInHandler<typeof contract.password> = async (c) => {
  const params = { ...c.req.valid('json'), previousToken: sessionCookieOf(c) };
  const token = await changePassword(dbOf(c), c.get('actor'), params, requestMeta(c), c.get('deps').actorCache);
  setSessionCookie(c, token);
  return c.body(null, 204);
};
