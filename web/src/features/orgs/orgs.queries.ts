import { query } from '@solidjs/router';
import { ApiError, call, client } from '../../lib/api';

export const getOrgs = query(() => call(client.orgs.$get()), 'orgs');
/** The classrooms a master teacher may invite to a live lesson. */
export const getClassrooms = query(() => call(client.classrooms.$get({ query: {} })), 'classrooms');
export const getOrg = query((id: string) => call(client.orgs[':id'].$get({ param: { id } })), 'org');
/** Members, or null when the caller may not see them (403). */
export const getMembers = query(async (id: string) => {
  try {
    return await call(client.orgs[':id'].members.$get({ param: { id } }));
  } catch (err) {
    if (err instanceof ApiError && err.status === 403) return null;
    throw err;
  }
}, 'members');
/** An organisation's open invitations (its admins). */
export const getOrgInvitations = query(
  (id: string) => call(client.orgs[':id'].invitations.$get({ param: { id } })),
  'orgInvitations',
);
/** Invitations made to the signed-in person, waiting for their answer. */
export const getOffers = query(() => call(client.me.invitations.$get()), 'offers');
