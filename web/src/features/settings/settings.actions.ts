import { action, json } from '@solidjs/router';
import { call, client } from '../../lib/api';
import { getMe, requireMe } from '../../lib/session';
import { getTokens } from './settings.queries';

export const saveName = action(async (form: FormData) => {
  await call(client.me.$patch({ json: { name: String(form.get('name') ?? '') } }));
  return json(true, { revalidate: [getMe.keyFor(), requireMe.keyFor()] });
}, 'saveName');

/** Other devices are signed out by the server; this one stays signed in. */
export const changePassword = action(async (form: FormData) => {
  await call(
    client.me.password.$post({
      json: {
        currentPassword: String(form.get('currentPassword') ?? ''),
        newPassword: String(form.get('newPassword') ?? ''),
      },
    }),
  );
  return json(true, { revalidate: [] });
}, 'changePassword');

/** A new API token; its secret comes back this once. */
export const createToken = action(async (form: FormData) => {
  const res = await call(client.auth.tokens.$post({ json: { name: String(form.get('name') ?? '') } }));
  return json(res.token.token, { revalidate: [getTokens.key] });
}, 'createToken');

export const revokeToken = action(async (id: string) => {
  await call(client.auth.tokens[':id'].$delete({ param: { id } }));
  return json(true, { revalidate: [getTokens.key] });
}, 'revokeToken');
