import { action, json, redirect } from '@solidjs/router';
import type { ApplicationAction } from '../../../../shared/schemas/exchanges';
import { call, client } from '../../lib/api';
import { getNotifications } from '../notifications/notifications.queries';
import { readPostingForm, readProgrammeForm } from './exchange-form-data';
import { getApplication, getApplications, getPosting, getPostings, getProgrammes } from './exchanges.queries';

/** What an application's change shows in: the postings (places, "applied"), both lists, the bell. */
const applicationViews = [
  getPostings.key,
  getPosting.key,
  getApplications.key,
  getApplication.key,
  getNotifications.key,
];

/** A teacher applies, or (with `teacherId`) their home school's admin nominates them. */
export const applyToPosting = action(async (postingId: string, statement: string, teacherId?: string) => {
  const res = await call(
    client.exchanges.applications.$post({
      json: {
        postingId,
        ...(statement.trim() ? { statement: statement.trim() } : {}),
        ...(teacherId ? { teacherId } : {}),
      },
    }),
  );
  return json(res.application, { revalidate: applicationViews });
}, 'applyToPosting');

/** One decision on an application; answers the application as it is after it. */
export const decideApplication = action(async (id: string, decision: ApplicationAction, reason?: string) => {
  const param = { id };
  const a = client.exchanges.applications[':id'];
  const res = await call(
    decision === 'approve'
      ? a.approve.$post({ param, json: {} })
      : decision === 'consider'
        ? a.consider.$post({ param })
        : decision === 'decline'
          ? a.decline.$post({ param, json: { reason: reason ?? '' } })
          : decision === 'defer'
            ? a.defer.$post({ param, json: { reason: reason ?? '' } })
            : a.withdraw.$post({ param, json: reason ? { reason } : {} }),
  );
  return json(res.application, { revalidate: applicationViews });
}, 'decideApplication');

/** A leader sets up a programme, then posts its first opening. */
export const createProgramme = action(async (form: FormData) => {
  const res = await call(client.exchanges.programmes.$post({ json: readProgrammeForm(form) }));
  throw redirect(`/exchanges/postings/new?programmeId=${res.programme.id}`, { revalidate: [getProgrammes.key] });
}, 'createProgramme');

/** A host school (or the programme's leaders) posts an opening; the postings page shows it. */
export const createPosting = action(async (form: FormData) => {
  await call(client.exchanges.postings.$post({ json: readPostingForm(form) }));
  throw redirect('/exchanges', { revalidate: [getPostings.key, getProgrammes.key] });
}, 'createPosting');
