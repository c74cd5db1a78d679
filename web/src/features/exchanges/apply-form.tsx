import { createAsync, useAction } from '@solidjs/router';
import { createSignal, createUniqueId, For, type JSX, Show, Suspense } from 'solid-js';
import type { Posting } from '../../../../shared/schemas/exchanges';
import { Field } from '../../components/field';
import { useI18n } from '../../lib/i18n';
import { usePending } from '../../lib/pending';
import { getMembers } from '../orgs/orgs.queries';
import { ApplyError, RuleList } from './eligibility-notice';
import { applyToPosting } from './exchanges.actions';
import { getPosting } from './exchanges.queries';

/** Journey "apply" (≤ 3 actions from home): whether the teacher may apply, an optional statement, and submit. */
export function ApplyForm(props: { posting: Posting; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const answer = createAsync(() => getPosting(props.posting.id));
  const eligibility = () => answer()?.eligibility;
  return (
    <StatementForm
      title={t('exchanges.applyTo', { school: props.posting.school.name, subject: subjectOf(props.posting, t) })}
      submitLabel={t('exchanges.submit')}
      blocked={eligibility()?.eligible === false}
      onSubmit={(statement, apply) => apply(props.posting.id, statement)}
      onDone={props.onDone}
      onCancel={props.onCancel}
    >
      <Suspense
        fallback={
          <p class="muted" role="status">
            {t('exchanges.checking')}
          </p>
        }
      >
        <Show when={eligibility()}>
          {(e) => (
            <Show
              when={e().eligible}
              fallback={
                <div class="notice error" data-testid="eligibility">
                  <p>{t('exchanges.notEligible')}</p>
                  <RuleList rules={e().rules} />
                </div>
              }
            >
              <p class="notice ok" data-testid="eligibility">
                {t('exchanges.eligible')}
              </p>
            </Show>
          )}
        </Show>
      </Suspense>
    </StatementForm>
  );
}

/** A home school's admin names one of its teachers for the posting; the server checks that teacher's eligibility. */
export function NominateForm(props: {
  posting: Posting;
  schoolId: string;
  onDone: (teacher: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const members = createAsync(() => getMembers(props.schoolId));
  const teachers = () => (members()?.items ?? []).filter((m) => m.role === 'teacher' && m.active);
  const [teacherId, setTeacherId] = createSignal('');
  const name = () => teachers().find((m) => m.userId === teacherId())?.name ?? '';
  return (
    <StatementForm
      title={t('exchanges.nominateTo', { school: props.posting.school.name, subject: subjectOf(props.posting, t) })}
      submitLabel={t('exchanges.submitNomination')}
      blocked={!teacherId()}
      onSubmit={(statement, apply) => apply(props.posting.id, statement, teacherId())}
      onDone={() => props.onDone(name())}
      onCancel={props.onCancel}
    >
      <Suspense>
        <Show when={members()}>
          <Show when={teachers().length} fallback={<p class="muted">{t('exchanges.noTeachers')}</p>}>
            <Field label={t('exchanges.teacherLabel')} name="teacherId">
              {(a) => (
                <select {...a} required onChange={(e) => setTeacherId(e.currentTarget.value)}>
                  <option value="" disabled selected={!teacherId()}>
                    {t('exchanges.pickTeacher')}
                  </option>
                  <For each={teachers()}>{(m) => <option value={m.userId}>{m.name}</option>}</For>
                </select>
              )}
            </Field>
          </Show>
        </Show>
      </Suspense>
    </StatementForm>
  );
}

const subjectOf = (p: Posting, t: ReturnType<typeof useI18n>['t']) => t('library.subjects')[p.subject];

type Apply = (postingId: string, statement: string, teacherId?: string) => Promise<unknown>;

/** The form both share: what comes first (eligibility, or the teacher), an optional statement, submit or cancel. */
function StatementForm(props: {
  title: string;
  submitLabel: string;
  blocked: boolean;
  onSubmit: (statement: string, apply: Apply) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
  children: JSX.Element;
}) {
  const { t } = useI18n();
  const id = createUniqueId();
  const apply = useAction(applyToPosting);
  // Kept on an error: what the person typed is not lost.
  const [statement, setStatement] = createSignal('');
  const { busy, error, run } = usePending();
  return (
    <form
      class="apply-form"
      aria-labelledby={`${id}-title`}
      onSubmit={async (e) => {
        e.preventDefault();
        await run(async () => {
          await props.onSubmit(statement(), apply);
          props.onDone();
        });
      }}
    >
      <h3 id={`${id}-title`}>{props.title}</h3>
      {props.children}
      <Field label={t('exchanges.statementLabel')} name="statement" hint={t('exchanges.statementHint')} error={error()}>
        {(a) => <textarea {...a} rows={3} maxlength={2000} onInput={(e) => setStatement(e.currentTarget.value)} />}
      </Field>
      <ApplyError error={error()} />
      <div class="row">
        <button type="submit" class="primary" disabled={busy() || props.blocked}>
          {props.submitLabel}
        </button>
        <button type="button" onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
