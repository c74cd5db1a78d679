// The facility form's fields (new-facility-page.tsx) as the API's facility input, for creating and for editing.
import type { facilityKinds, scopes } from '../../../../shared/enums';

/** Opening days as the form names them: 1 = Monday … 7 = Sunday. */
export const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

const num = (v: FormDataEntryValue | null) => (v === null || v === '' ? undefined : Number(v));

export function readFacilityForm(form: FormData) {
  const openingHours = Object.fromEntries(
    DAYS.filter((d) => form.get(`open-${d}`) === 'on').map((d) => [
      d,
      [{ start: String(form.get(`start-${d}`)), end: String(form.get(`end-${d}`)) }],
    ]),
  );
  return {
    name: String(form.get('name') ?? ''),
    kind: String(form.get('kind')) as (typeof facilityKinds)[number],
    capacity: num(form.get('capacity')) ?? 0,
    location: String(form.get('location') ?? '') || null,
    equipment: String(form.get('equipment') ?? '')
      .split(/[,，、]/)
      .map((s) => s.trim())
      .filter(Boolean),
    scope: String(form.get('scope')) as (typeof scopes)[number],
    approvalRequired: form.get('approvalRequired') === 'on',
    minNoticeHours: num(form.get('minNoticeHours')) ?? 0,
    maxLengthMinutes: num(form.get('maxLengthMinutes')) ?? null,
    advanceDays: num(form.get('advanceDays')) ?? 90,
    quotaHoursPerTerm: num(form.get('quotaHoursPerTerm')) ?? null,
    openingHours,
  };
}

export type FacilityForm = ReturnType<typeof readFacilityForm>;
