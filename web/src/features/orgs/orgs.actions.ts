import { action, json } from '@solidjs/router';
import type { Role } from '../../../../shared/enums';
import { call, client, send } from '../../lib/api';
import { getMe, requireMe } from '../../lib/session';
import { getClassrooms, getMembers, getOffers, getOrg, getOrgInvitations, getOrgs } from './orgs.queries';

/**
 * What a change of an organisation, its classrooms or its people shows in: the organisation pages, the classrooms a
 * lesson may invite, and the signed-in person's own memberships (a school's name, one's own master-teacher flag).
 */
const orgViews = [
  getOrg.key,
  getOrgs.key,
  getMembers.key,
  getOrgInvitations.key,
  getClassrooms.key,
  getMe.keyFor(),
  requireMe.keyFor(),
];

export const addClassroom = action(async (schoolId: string, form: FormData) => {
  const grade = Number(form.get('grade'));
  const res = await call(
    client.orgs[':id'].classrooms.$post({
      param: { id: schoolId },
      json: { name: String(form.get('name') ?? ''), grade: grade || null },
    }),
  );
  return json(res, { revalidate: orgViews });
}, 'addClassroom');

export const invite = action(async (orgId: string, form: FormData) => {
  const role = String(form.get('role')) as Role;
  const res = await call(
    client.orgs[':id'].invitations.$post({
      param: { id: orgId },
      json: {
        name: String(form.get('name') ?? ''),
        email: String(form.get('email') ?? ''),
        role,
        masterTeacher: role === 'teacher' && form.get('masterTeacher') === 'on',
        classroomId: role === 'assistant' ? String(form.get('classroomId') || '') || null : null,
      },
    }),
  );
  return json(res.invitation, { revalidate: orgViews });
}, 'invite');

export const importCsv = action(async (file: File) => {
  const res = await send<{ imported: { name: string; email: string; url: string | null }[] }>('/api/members/import', {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: await file.text(),
  });
  return json(res.imported, { revalidate: orgViews });
}, 'importCsv');

export const updateSchool = action(async (orgId: string, form: FormData) => {
  // The flags and code are sent only when the form showed them (to the group's or district's admins).
  const leads = form.has('code');
  const input = {
    name: String(form.get('name') ?? ''),
    address: String(form.get('address') ?? '') || null,
    ...(leads
      ? { code: String(form.get('code')), rural: form.get('rural') === 'on', supported: form.get('supported') === 'on' }
      : {}),
  };
  const res = await call(client.orgs[':id'].$patch({ param: { id: orgId }, json: input }));
  return json(res.org, { revalidate: orgViews });
}, 'updateSchool');

export const setMaster = action(async (membershipId: string, masterTeacher: boolean) => {
  await call(client.memberships[':id'].$patch({ param: { id: membershipId }, json: { masterTeacher } }));
  return json(true, { revalidate: orgViews });
}, 'setMaster');

export const setReviewer = action(async (membershipId: string, reviewer: boolean) => {
  await call(client.memberships[':id'].$patch({ param: { id: membershipId }, json: { reviewer } }));
  return json(true, { revalidate: orgViews });
}, 'setReviewer');

export const revokeInvitation = action(async (orgId: string, invitationId: string) => {
  await call(client.orgs[':id'].invitations[':invitationId'].$delete({ param: { id: orgId, invitationId } }));
  return json(true, { revalidate: orgViews });
}, 'revokeInvitation');

/** Accepting starts a membership: every view of the person's organisations and roles changes. */
export const acceptOffer = action(async (id: string) => {
  await call(client.me.invitations[':id'].accept.$post({ param: { id } }));
  return json(true, { revalidate: [...orgViews, getOffers.key] });
}, 'acceptOffer');

export const declineOffer = action(async (id: string) => {
  await call(client.me.invitations[':id'].decline.$post({ param: { id } }));
  return json(true, { revalidate: [getOffers.key] });
}, 'declineOffer');

export const removeMember = action(async (membershipId: string) => {
  await call(client.memberships[':id'].$delete({ param: { id: membershipId } }));
  return json(true, { revalidate: orgViews });
}, 'removeMember');
