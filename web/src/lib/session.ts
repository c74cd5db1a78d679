import { action, json, query, redirect, revalidate } from '@solidjs/router';
import type { Locale } from '../../../shared/enums';
import type { Me } from '../../../shared/schemas/auth';
import { ApiError, call, client } from './api';

/** The signed-in person, or null. Every page reads it through this one query. */
export const getMe = query(async (): Promise<Me | null> => {
  try {
    return await call(client.me.$get());
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}, 'me');

/** Redirects to sign-in when nobody is signed in; use in route preloads of signed-in pages. */
export const requireMe = query(async (): Promise<Me> => {
  const me = await getMe();
  if (!me) throw redirect(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
  return me;
}, 'requireMe');

export const signOut = action(async () => {
  await call(client.auth.logout.$post());
  await revalidate([getMe.key, requireMe.key]);
  throw redirect('/login');
}, 'signOut');

/** Remembers the person's language (the page has already switched: a failure here only forgets it). */
export const saveLocale = action(async (locale: Locale) => {
  await call(client.me.$patch({ json: { locale } }));
  return json(locale, { revalidate: [getMe.keyFor(), requireMe.keyFor()] });
}, 'saveLocale');

/** Convenience views of memberships. */
export function rolesOf(me: Me) {
  const ms = me.memberships;
  return {
    isGroupAdmin: ms.some((m) => m.role === 'group_admin'),
    isDistrictAdmin: ms.some((m) => m.role === 'district_admin'),
    isSchoolAdmin: ms.some((m) => m.role === 'school_admin'),
    isAdmin: ms.some((m) => m.role.endsWith('_admin')),
    isTeacher: ms.some((m) => m.role === 'teacher'),
    isMaster: ms.some((m) => m.masterTeacher),
    assistantOf: ms.filter((m) => m.role === 'assistant'),
  };
}

/** Whether the person leads the school's group or district (sets its flags and code, names reviewers). */
export function leadsSchool(
  me: Me | null | undefined,
  school: { groupId: string | null; districtId: string | null },
): boolean {
  return !!me?.memberships.some(
    (m) =>
      (m.role === 'group_admin' && m.orgId === school.groupId) ||
      (m.role === 'district_admin' && m.orgId === school.districtId),
  );
}
