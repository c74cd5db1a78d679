// Signing in and accepting an invitation change who is signed in: no cached answer of the person before may stay,
// so these redirect without naming keys, and the router revalidates every query.
import { action, redirect, revalidate } from '@solidjs/router';
import { call, client } from '../../lib/api';
import { getMe, requireMe } from '../../lib/session';

export const signIn = action(async (form: FormData) => {
  const email = String(form.get('email') ?? '');
  const password = String(form.get('password') ?? '');
  await call(client.auth.login.$post({ json: { email, password } }));
  await revalidate([getMe.key, requireMe.key]);
  const next = String(form.get('next') || '/');
  // Only same-site paths: a crafted ?next= must not send people elsewhere.
  throw redirect(next.startsWith('/') && !next.startsWith('//') ? next : '/');
}, 'signIn');

/**
 * Accepts an invitation with a new password (or, for an address that has an account, its password); the person is
 * signed in and lands on the home page.
 */
export const acceptInvitation = action(async (token: string, form: FormData) => {
  await call(
    client.invitations[':token'].accept.$post({
      param: { token },
      json: { password: String(form.get('password') ?? '') },
    }),
  );
  await revalidate([getMe.key, requireMe.key]);
  throw redirect('/');
}, 'acceptInvitation');
