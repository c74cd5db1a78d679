import { action, json } from '@solidjs/router';
import type { HonourYears } from '../../../../shared/exchanges';
import { call, client } from '../../lib/api';
import { getHonourSettings, getHonours, getServiceRecords } from './views.queries';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The form asks for the last day served; the API keeps the first day after it (periods are [start, end)). */
function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A school admin records a teacher's years at a rural school, with a document of the library as evidence. */
export const recordRuralService = action(async (form: FormData) => {
  const endsOn = text(form, 'endsOn');
  const res = await call(
    client.exchanges['rural-service'].$post({
      json: {
        userId: text(form, 'userId'),
        schoolId: text(form, 'schoolId'),
        startsOn: text(form, 'startsOn'),
        ...(endsOn ? { endsOn: dayAfter(endsOn) } : {}),
        evidenceResourceId: text(form, 'evidenceResourceId'),
        note: text(form, 'note'),
      },
    }),
  );
  return json(res.record, { revalidate: [getServiceRecords.key] });
}, 'recordRuralService');

/** Another admin approves (the years count from then on, and the honours list may change) or rejects a record. */
export const decideRuralService = action(async (id: string, decision: 'approve' | 'reject') => {
  const r = client.exchanges['rural-service'][':id'];
  const res = await call(
    decision === 'approve' ? r.approve.$post({ param: { id } }) : r.reject.$post({ param: { id } }),
  );
  return json(res.record, { revalidate: [getServiceRecords.key, getHonours.key] });
}, 'decideRuralService');

/** A group's or district's admin sets the years of its honours; the list is counted again. */
export const saveHonourSettings = action(async (orgId: string, years: HonourYears) => {
  const res = await call(client.exchanges['honour-settings'].$put({ json: { orgId, ...years } }));
  return json(res, { revalidate: [getHonourSettings.key, getHonours.key] });
}, 'saveHonourSettings');

/** Back to the published 10 / 20 / 30 years. */
export const resetHonourSettings = action(async (orgId: string) => {
  const res = await call(client.exchanges['honour-settings'].$delete({ query: { orgId } }));
  return json(res, { revalidate: [getHonourSettings.key, getHonours.key] });
}, 'resetHonourSettings');
