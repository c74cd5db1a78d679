// The programme and posting forms' fields as the API's inputs; what they start with.
import { type ApprovalStep, approvalSteps, type ExchangeKind, type Subject } from '../../../../shared/enums';
import type { CreatePostingInput, CreateProgrammeInput } from '../../../../shared/schemas/exchanges';
import { todayInBeijing } from '../../lib/beijing';

const text = (form: FormData, key: string) => String(form.get(key) ?? '').trim();
const whole = (form: FormData, key: string) => Number(form.get(key) ?? 0);

export function readProgrammeForm(form: FormData): CreateProgrammeInput {
  return {
    orgId: text(form, 'orgId'),
    kind: text(form, 'kind') as ExchangeKind,
    name: text(form, 'name'),
    schoolYear: text(form, 'schoolYear'),
    startsOn: text(form, 'startsOn'),
    endsOn: text(form, 'endsOn'),
    goals: text(form, 'goals'),
    minYearsAtSchool: whole(form, 'minYearsAtSchool'),
    retirementMarginYears: whole(form, 'retirementMarginYears'),
    minMonths: whole(form, 'minMonths'),
    maxMonths: whole(form, 'maxMonths'),
    rotationSharePct: whole(form, 'rotationSharePct'),
    keySharePct: whole(form, 'keySharePct'),
    keyShareBase: text(form, 'keyShareBase') === 'eligible' ? 'eligible' : 'rotated',
    approvalSteps: approvalSteps.filter((s) => form.get(`step-${s}`) === 'on') as ApprovalStep[],
  };
}

export function readPostingForm(form: FormData): CreatePostingInput {
  return {
    programmeId: text(form, 'programmeId'),
    schoolId: text(form, 'schoolId'),
    subject: text(form, 'subject') as Subject,
    gradeFrom: whole(form, 'gradeFrom'),
    gradeTo: whole(form, 'gradeTo'),
    places: whole(form, 'places'),
    startsOn: text(form, 'startsOn'),
    months: whole(form, 'months'),
    duties: text(form, 'duties'),
    requirements: text(form, 'requirements'),
  };
}

/**
 * The school year a programme set up today is for: the one under way until March, the next one from then (a
 * programme is set up in spring for September). "2026-2027", from 1 September to 31 August.
 */
export function nextSchoolYear(today = todayInBeijing()) {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const first = m >= 3 ? y : y - 1;
  return { schoolYear: `${first}-${first + 1}`, startsOn: `${first}-09-01`, endsOn: `${first + 1}-08-31` };
}

/** A posting starts on its programme's first day, or on the first of next month when that has passed. */
export function postingStart(programme: { startsOn: string; endsOn: string }, today = todayInBeijing()) {
  if (programme.startsOn > today) return programme.startsOn;
  const [y, m] = today.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return next < programme.endsOn ? next : today;
}
