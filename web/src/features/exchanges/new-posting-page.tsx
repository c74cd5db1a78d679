import './page-words';
import { createAsync, useSearchParams, useSubmission } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { subjects } from '../../../../shared/enums';
import type { Programme } from '../../../../shared/schemas/exchanges';
import { Field } from '../../components/field';
import { EmptyState, ErrorNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { getOrgs } from '../orgs/orgs.queries';
import { postingStart } from './exchange-form-data';
import { createPosting } from './exchanges.actions';
import { getProgrammes } from './exchanges.queries';
import { adminSchoolsOf } from './postings-page';

const grades = Array.from({ length: 12 }, (_, i) => i + 1);

/** A host school's admin posts an opening in an open programme; the programme's leaders post for any of its schools. */
export function NewPostingPage() {
  const { t } = useI18n();
  const me = useSignedIn();
  const [params] = useSearchParams();
  const programmes = createAsync(() => getProgrammes());
  const orgs = createAsync(() => getOrgs());
  const open = () => (programmes()?.items ?? []).filter((p) => p.status === 'open');
  const [picked, setPicked] = createSignal(typeof params.programmeId === 'string' ? params.programmeId : '');
  const programme = () => open().find((p) => p.id === picked()) ?? open()[0];
  // Its leaders post for any school of the programme's group or district; a school's admin for their own.
  const schools = (p: Programme) =>
    (orgs()?.items ?? []).filter(
      (o) =>
        o.kind === 'school' &&
        (o.groupId === p.orgId || o.districtId === p.orgId) &&
        (p.mine || adminSchoolsOf(me()).includes(o.id)),
    );
  const submission = useSubmission(createPosting);
  const err = () => submission.error;
  return (
    <>
      <h1>{t('exchanges.postingTitle')}</h1>
      <p class="muted">{t('exchanges.postingIntro')}</p>
      <ErrorNotice error={err()} fields={{ months: t('exchanges.months'), startsOn: t('exchanges.startsOn') }} />
      <Show when={programmes()}>
        <Show
          when={programme()}
          fallback={
            <div class="card">
              <EmptyState title={t('exchanges.noProgramme')} />
            </div>
          }
        >
          {(p) => (
            <form action={createPosting} method="post" class="card exchange-form">
              <div class="grid">
                <Field label={t('exchanges.programmeLabel')} name="programmeId" error={err()}>
                  {(a) => (
                    <select {...a} onChange={(e) => setPicked(e.currentTarget.value)}>
                      <For each={open()}>
                        {(o) => (
                          <option value={o.id} selected={o.id === p().id}>
                            {o.name}
                          </option>
                        )}
                      </For>
                    </select>
                  )}
                </Field>
                <Field label={t('exchanges.schoolLabel')} name="schoolId" error={err()}>
                  {(a) => (
                    <select {...a} required>
                      <For each={schools(p())}>{(s) => <option value={s.id}>{s.name}</option>}</For>
                    </select>
                  )}
                </Field>
                <Field label={t('exchanges.subjectLabel')} name="subject" error={err()}>
                  {(a) => (
                    <select {...a}>
                      <For each={subjects}>{(s) => <option value={s}>{t('library.subjects')[s]}</option>}</For>
                    </select>
                  )}
                </Field>
                <GradeField name="gradeFrom" label={t('exchanges.gradeFrom')} value={1} error={err()} />
                <GradeField name="gradeTo" label={t('exchanges.gradeTo')} value={6} error={err()} />
                <Field label={t('exchanges.places')} name="places" error={err()}>
                  {(a) => <input {...a} type="number" required min={1} max={100} value={1} />}
                </Field>
                <Field label={t('exchanges.startsOn')} name="startsOn" error={err()}>
                  {(a) => <input {...a} type="date" required value={postingStart(p())} />}
                </Field>
                <Field
                  label={t('exchanges.months')}
                  name="months"
                  hint={t('exchanges.monthsHint', { min: String(p().minMonths), max: String(p().maxMonths) })}
                  error={err()}
                >
                  {(a) => <input {...a} type="number" required min={1} max={60} value={p().minMonths} />}
                </Field>
              </div>
              <Field label={t('exchanges.duties')} name="duties" hint={t('exchanges.dutiesHint')} error={err()}>
                {(a) => <textarea {...a} rows={3} maxlength={2000} />}
              </Field>
              <Field
                label={t('exchanges.requirements')}
                name="requirements"
                hint={t('exchanges.requirementsHint')}
                error={err()}
              >
                {(a) => <textarea {...a} rows={2} maxlength={2000} />}
              </Field>
              <button class="primary big" type="submit" disabled={submission.pending}>
                {t('exchanges.createPosting')}
              </button>
            </form>
          )}
        </Show>
      </Show>
    </>
  );
}

function GradeField(props: { name: string; label: string; value: number; error: unknown }) {
  const { t } = useI18n();
  return (
    <Field label={props.label} name={props.name} error={props.error}>
      {(a) => (
        <select {...a}>
          <For each={grades}>
            {(g) => (
              <option value={g} selected={g === props.value}>
                {t('library.grades')[String(g) as '1']}
              </option>
            )}
          </For>
        </select>
      )}
    </Field>
  );
}
