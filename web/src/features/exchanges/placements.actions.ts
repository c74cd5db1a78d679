// What a teacher in post and their host school do: log a day or a live lesson, confirm entries, review, name the
// mentor. Each answers what the page shows next and refreshes the views that show it.
import { action, json } from '@solidjs/router';
import type { LogActivity, ReviewStage } from '../../../../shared/enums';
import { call, client } from '../../lib/api';
import { getNotifications } from '../notifications/notifications.queries';
import { getApplications, getPlacement } from './exchanges.queries';
import { getPlacements, getServiceYears } from './placements.queries';

/** The placement page, the lists, the home card's line, the bell (reviews notify), the years (completion counts). */
const placementViews = [
  getPlacement.key,
  getPlacements.key,
  getApplications.key,
  getServiceYears.key,
  getNotifications.key,
];
const one = client.exchanges.placements[':id'];

export type LogFields = { on: string; hours: number; activity: LogActivity; note: string };

/** The teacher logs a day in post. */
export const addLog = action(async (placementId: string, fields: LogFields) => {
  const res = await call(one.logs.$post({ param: { id: placementId }, json: fields }));
  return json(res.log, { revalidate: placementViews });
}, 'addExchangeLog');

/** The teacher logs a live lesson they gave to rural classrooms: its day, hours and attendance come from it. */
export const logLesson = action(async (placementId: string, lessonId: string) => {
  const res = await call(one.logs['from-lesson'].$post({ param: { id: placementId }, json: { lessonId, note: '' } }));
  return json(res.log, { revalidate: placementViews });
}, 'logExchangeLesson');

/** The host school confirms entries (one, or a week's): one request each, in turn; answers how many it confirmed. */
export const confirmLogs = action(async (placementId: string, logIds: string[]) => {
  for (const logId of logIds) await call(one.logs[':logId'].confirm.$post({ param: { id: placementId, logId } }));
  return json(logIds.length, { revalidate: placementViews });
}, 'confirmExchangeLogs');

/** The host school's mid-term or final review; the final one completes the placement. */
export const reviewPlacement = action(
  async (placementId: string, review: { stage: ReviewStage; summary: string; satisfactory: boolean }) => {
    const res = await call(one.reviews.$post({ param: { id: placementId }, json: review }));
    return json(res.placement, { revalidate: placementViews });
  },
  'reviewExchangePlacement',
);

/** The host school names a mentor among its teachers. */
export const setMentor = action(async (placementId: string, mentorId: string) => {
  const res = await call(one.mentor.$post({ param: { id: placementId }, json: { mentorId } }));
  return json(res.placement, { revalidate: placementViews });
}, 'setExchangeMentor');
