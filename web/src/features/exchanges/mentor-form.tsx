import { createAsync, useAction } from '@solidjs/router';
import { createSignal, For, Show, Suspense } from 'solid-js';
import { MENTOR_ROLES } from '../../../../shared/exchanges';
import type { Placement } from '../../../../shared/schemas/exchanges';
import { Field } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { usePending } from '../../lib/pending';
import { getMembers } from '../orgs/orgs.queries';
import { setMentor } from './placements.actions';

const isMentorRole = (role: string) => (MENTOR_ROLES as readonly string[]).includes(role);

/** The host school's admin names the mentor among the school's teachers (never the teacher in post). */
export function MentorForm(props: { placement: Placement; onDone: (name: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const school = () => props.placement.hostSchool;
  const members = createAsync(() => getMembers(school().id));
  // Each person once, whether they teach there as a teacher, an assistant teacher or both.
  const teachers = () => [
    ...new Map(
      (members()?.items ?? [])
        .filter((m) => isMentorRole(m.role) && m.active && m.userId !== props.placement.teacher.id)
        .map((m) => [m.userId, m]),
    ).values(),
  ];
  const save = useAction(setMentor);
  const [mentorId, setMentorId] = createSignal(props.placement.mentor?.id ?? '');
  const { busy, error, run } = usePending();
  const label = () => t('exchanges.post.mentorLabel', { school: school().name });
  return (
    <form
      class="mentor-form"
      onSubmit={async (e) => {
        e.preventDefault();
        await run(async () => {
          const after = await save(props.placement.id, mentorId());
          props.onDone(after.mentor?.name ?? '');
        });
      }}
    >
      <Suspense>
        <Show when={members()}>
          <Show
            when={teachers().length}
            fallback={<p class="muted">{t('exchanges.post.noHostTeachers', { school: school().name })}</p>}
          >
            <Field label={label()} name="mentorId" error={error()}>
              {(a) => (
                <select {...a} required onChange={(e) => setMentorId(e.currentTarget.value)}>
                  <option value="" disabled selected={!mentorId()}>
                    {t('exchanges.post.pickMentor')}
                  </option>
                  <For each={teachers()}>
                    {(m) => (
                      <option value={m.userId} selected={m.userId === mentorId()}>
                        {m.name}
                      </option>
                    )}
                  </For>
                </select>
              )}
            </Field>
          </Show>
        </Show>
      </Suspense>
      <ErrorNotice error={error()} fields={{ mentorId: label() }} />
      <div class="row">
        <Show when={teachers().length}>
          <button type="submit" class="primary" disabled={busy() || !mentorId()}>
            {t('exchanges.post.saveMentor')}
          </button>
        </Show>
        <button type="button" onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
