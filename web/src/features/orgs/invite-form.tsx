import { useSubmission } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { type Role, rolesByOrgKind } from '../../../../shared/enums';
import type { Classroom, Org } from '../../../../shared/schemas/orgs';
import { Field } from '../../components/field';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { CopyLink } from './copy-link';
import { invite } from './orgs.actions';

export function InviteForm(props: { org: Org; classrooms: Classroom[]; onClose: () => void }) {
  const { t } = useI18n();
  const submission = useSubmission(invite);
  const roles = () => rolesByOrgKind[props.org.kind];
  const [role, setRole] = createSignal<Role>(roles().includes('teacher') ? 'teacher' : (roles()[0] ?? 'teacher'));
  return (
    <section class="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('orgs.inviteTitle', { org: props.org.name })}</h2>
      <Show when={submission.result}>
        {(r) => (
          <OkNotice>
            {t('orgs.inviteSent', { name: r().name })} <CopyLink path={r().url ?? ''} />
          </OkNotice>
        )}
      </Show>
      <ErrorNotice error={submission.error} />
      <form action={invite.with(props.org.id)} method="post">
        <div class="grid">
          <Field label={t('orgs.name')} name="name" error={submission.error}>
            {(a) => <input {...a} required maxlength={80} autocomplete="off" />}
          </Field>
          <Field label={t('orgs.email')} name="email" error={submission.error}>
            {(a) => <input {...a} type="email" required autocomplete="off" />}
          </Field>
          <Field label={t('orgs.role')} name="role" error={submission.error}>
            {(a) => (
              <select {...a} onChange={(e) => setRole(e.currentTarget.value as Role)}>
                {/* `selected` on the option, not `value` on the select: the options do not exist yet when the
                    select gets its value. */}
                <For each={roles()}>
                  {(r) => (
                    <option value={r} selected={r === role()}>
                      {t(`roles.${r}`)}
                    </option>
                  )}
                </For>
              </select>
            )}
          </Field>
          <Show when={role() === 'assistant'}>
            <Field label={t('orgs.classroom')} name="classroomId" error={submission.error}>
              {(a) => (
                <select {...a}>
                  <option value="">—</option>
                  <For each={props.classrooms}>{(c) => <option value={c.id}>{c.name}</option>}</For>
                </select>
              )}
            </Field>
          </Show>
        </div>
        <Show when={role() === 'teacher'}>
          <label class="check">
            <input type="checkbox" name="masterTeacher" /> {t('orgs.masterTeacher')}
          </label>
        </Show>
        <div class="row" style={{ 'margin-top': '1rem' }}>
          <button class="primary" type="submit" disabled={submission.pending}>
            {t('orgs.invite')}
          </button>
          <button type="button" onClick={() => props.onClose()}>
            {t('common.close')}
          </button>
        </div>
      </form>
    </section>
  );
}
