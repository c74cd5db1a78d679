import { createAsync, useParams, useSubmission } from '@solidjs/router';
import { For, Index, Show } from 'solid-js';
import { facilityKinds, scopes } from '../../../../shared/enums';
import type { Facility } from '../../../../shared/schemas/facilities';
import { Field } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { getOrgs } from '../orgs/orgs.queries';
import { saveFacility } from './facilities.actions';
import { getFacility } from './facilities.queries';
import { DAYS } from './facility-form-data';

/**
 * A school admin lists a facility — or edits it at /facilities/:id/edit: what it is, who may book it, when it is open.
 */
export function NewFacilityPage() {
  const params = useParams();
  useSignedIn();
  const existing = createAsync(async () => (params.id ? (await getFacility(params.id)).facility : null));
  return (
    <Show when={!params.id || existing()} keyed>
      <FacilityForm facility={existing() ?? null} />
    </Show>
  );
}

function FacilityForm(props: { facility: Facility | null }) {
  const { t } = useI18n();
  const f = props.facility;
  const hoursOf = (d: string) =>
    (f?.openingHours as Record<string, { start: string; end: string }[]> | undefined)?.[d]?.[0];
  const orgs = createAsync(() => getOrgs());
  const schools = () => orgs()?.items.filter((o) => o.kind === 'school' && o.canManage) ?? [];
  const submission = useSubmission(saveFacility);
  return (
    <>
      <h1>{f ? `${t('facilities.editFacility')} · ${f.name}` : t('facilities.newFacility')}</h1>
      <ErrorNotice error={submission.error} />
      <form action={saveFacility.with(f?.id ?? null)} method="post" class="card">
        <div class="grid">
          <Show
            when={!f && schools().length > 1}
            fallback={<input type="hidden" name="schoolId" value={schools()[0]?.id ?? ''} />}
          >
            <Field label={t('orgKinds.school')} name="schoolId" error={submission.error}>
              {(a) => (
                <select {...a}>
                  <For each={schools()}>{(s) => <option value={s.id}>{s.name}</option>}</For>
                </select>
              )}
            </Field>
          </Show>
          <Field label={t('facilities.name')} name="name" error={submission.error}>
            {(a) => <input {...a} required maxlength={80} value={f?.name ?? ''} />}
          </Field>
          <Field label={t('facilities.kind')} name="kind" error={submission.error}>
            {(a) => (
              <select {...a}>
                <For each={facilityKinds}>
                  {(k) => (
                    <option value={k} selected={f?.kind === k}>
                      {t('facilities.kinds')[k]}
                    </option>
                  )}
                </For>
              </select>
            )}
          </Field>
          <Field label={t('facilities.capacityLabel')} name="capacity" error={submission.error}>
            {(a) => <input {...a} type="number" min={1} required value={f?.capacity ?? ''} />}
          </Field>
          <Field label={t('facilities.location')} name="location" error={submission.error}>
            {(a) => <input {...a} maxlength={200} value={f?.location ?? ''} />}
          </Field>
          <Field
            label={t('facilities.equipment')}
            name="equipment"
            error={submission.error}
            hint={t('facilities.equipmentHint')}
          >
            {(a) => <input {...a} value={f?.equipment.join('、') ?? ''} />}
          </Field>
          <Field label={t('facilities.scopeLabel')} name="scope" error={submission.error}>
            {(a) => (
              <select {...a}>
                <For each={scopes}>
                  {(s) => (
                    <option value={s} selected={s === (f?.scope ?? 'group')}>
                      {t('facilities.scope')[s]}
                    </option>
                  )}
                </For>
              </select>
            )}
          </Field>
          <Field label={t('facilities.minNotice')} name="minNoticeHours" error={submission.error}>
            {(a) => <input {...a} type="number" min={0} value={f?.minNoticeHours ?? 0} />}
          </Field>
          <Field label={t('facilities.maxLength')} name="maxLengthMinutes" error={submission.error}>
            {(a) => <input {...a} type="number" min={15} value={f?.maxLengthMinutes ?? ''} />}
          </Field>
          <Field label={t('facilities.advance')} name="advanceDays" error={submission.error}>
            {(a) => <input {...a} type="number" min={1} value={f?.advanceDays ?? 90} />}
          </Field>
          <Field label={t('facilities.quota')} name="quotaHoursPerTerm" error={submission.error}>
            {(a) => <input {...a} type="number" min={1} value={f?.quotaHoursPerTerm ?? ''} />}
          </Field>
        </div>
        <label class="check">
          <input type="checkbox" name="approvalRequired" checked={f?.approvalRequired ?? true} />{' '}
          {t('facilities.approvalRequired')}
        </label>
        <fieldset style={{ border: 'none', padding: 0, 'margin-top': '1rem' }}>
          <legend>
            <strong>{t('facilities.openingHours')}</strong>
          </legend>
          <Index each={DAYS}>
            {(d) => (
              <div class="row" style={{ 'margin-bottom': '.35rem' }}>
                <label class="check" style={{ width: '5rem' }}>
                  <input type="checkbox" name={`open-${d()}`} checked={f ? !!hoursOf(d()) : Number(d()) <= 5} />{' '}
                  {t('facilities.weekdays')[d()]}
                </label>
                <input
                  type="time"
                  name={`start-${d()}`}
                  value={hoursOf(d())?.start ?? '08:00'}
                  aria-label={t('facilities.opensAt', { day: t('facilities.weekdays')[d()] ?? '' })}
                />
                <span aria-hidden="true">–</span>
                <input
                  type="time"
                  name={`end-${d()}`}
                  value={hoursOf(d())?.end ?? '18:00'}
                  aria-label={t('facilities.closesAt', { day: t('facilities.weekdays')[d()] ?? '' })}
                />
              </div>
            )}
          </Index>
        </fieldset>
        <button class="primary big" type="submit" disabled={submission.pending}>
          {t('facilities.save')}
        </button>
      </form>
    </>
  );
}
