import './page-words';
import { useSubmission } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { approvalSteps, exchangeKinds, keyShareBases } from '../../../../shared/enums';
import { Field } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { nextSchoolYear } from './exchange-form-data';
import { createProgramme } from './exchanges.actions';

/** The policy's settings and their defaults (Beijing 2021; the figures), each a number field. */
const SETTINGS = [
  ['minYearsAtSchool', 6, 0, 40],
  ['retirementMarginYears', 5, 0, 20],
  ['minMonths', 12, 1, 60],
  ['maxMonths', 36, 1, 60],
  ['rotationSharePct', 10, 0, 100],
  ['keySharePct', 20, 0, 100],
] as const;

/** A group's or district's leader sets up a school year's programme; then posts its first opening. */
export function NewProgrammePage() {
  const { t } = useI18n();
  const me = useSignedIn();
  const submission = useSubmission(createProgramme);
  const leads = () => (me()?.memberships ?? []).filter((m) => m.role === 'group_admin' || m.role === 'district_admin');
  const year = nextSchoolYear();
  const err = () => submission.error;
  // The fields this form shows: a problem with one of them is marked there, not listed again above the form.
  const labels = () => ({
    orgId: t('exchanges.org'),
    kind: t('exchanges.kindLabel'),
    name: t('exchanges.name'),
    schoolYear: t('exchanges.schoolYear'),
    startsOn: t('exchanges.startsOn'),
    endsOn: t('exchanges.endsOn'),
    goals: t('exchanges.goals'),
    ...Object.fromEntries(SETTINGS.map(([n]) => [n, t(`exchanges.${n}`)])),
  });
  return (
    <>
      <h1>{t('exchanges.programmeTitle')}</h1>
      <p class="muted">{t('exchanges.programmeIntro')}</p>
      <ErrorNotice error={err()} fields={labels()} />
      <form action={createProgramme} method="post" class="card exchange-form">
        <div class="grid">
          <Show
            when={leads().length > 1}
            fallback={<input type="hidden" name="orgId" value={leads()[0]?.orgId ?? ''} />}
          >
            <Field label={t('exchanges.org')} name="orgId" error={err()}>
              {(a) => (
                <select {...a}>
                  <For each={leads()}>{(m) => <option value={m.orgId}>{m.orgName}</option>}</For>
                </select>
              )}
            </Field>
          </Show>
          <Field label={t('exchanges.kindLabel')} name="kind" error={err()}>
            {(a) => (
              <select {...a}>
                <For each={exchangeKinds}>{(k) => <option value={k}>{t('exchanges.kinds')[k]}</option>}</For>
              </select>
            )}
          </Field>
          <Field label={t('exchanges.name')} name="name" error={err()}>
            {(a) => <input {...a} required maxlength={120} />}
          </Field>
          <Field label={t('exchanges.schoolYear')} name="schoolYear" hint={t('exchanges.schoolYearHint')} error={err()}>
            {(a) => <input {...a} required maxlength={9} value={year.schoolYear} />}
          </Field>
          <Field label={t('exchanges.startsOn')} name="startsOn" error={err()}>
            {(a) => <input {...a} type="date" required value={year.startsOn} />}
          </Field>
          <Field label={t('exchanges.endsOn')} name="endsOn" error={err()}>
            {(a) => <input {...a} type="date" required value={year.endsOn} />}
          </Field>
        </div>
        <Field label={t('exchanges.goals')} name="goals" error={err()}>
          {(a) => <textarea {...a} rows={3} maxlength={2000} />}
        </Field>
        <fieldset class="exchange-settings">
          <legend>{t('exchanges.settings')}</legend>
          <div class="grid">
            <For each={SETTINGS}>
              {([name, value, min, max]) => (
                <Field label={t(`exchanges.${name}`)} name={name} error={err()}>
                  {(a) => <input {...a} type="number" required min={min} max={max} value={value} />}
                </Field>
              )}
            </For>
            <Field label={t('exchanges.keyShareBase')} name="keyShareBase" error={err()}>
              {(a) => (
                <select {...a}>
                  <For each={keyShareBases}>{(b) => <option value={b}>{t('exchanges.keyShareBases')[b]}</option>}</For>
                </select>
              )}
            </Field>
          </div>
          <fieldset class="plain-fieldset">
            <legend>{t('exchanges.approvalSteps')}</legend>
            <div class="row">
              <For each={approvalSteps}>
                {(s) => (
                  <label class="check">
                    <input type="checkbox" name={`step-${s}`} checked /> {t('exchanges.steps')[s]}
                  </label>
                )}
              </For>
            </div>
          </fieldset>
        </fieldset>
        <button class="primary big" type="submit" disabled={submission.pending}>
          {t('exchanges.createProgramme')}
        </button>
      </form>
    </>
  );
}
