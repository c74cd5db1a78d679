import { useSubmission } from '@solidjs/router';
import { createEffect, on } from 'solid-js';
import { Field } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { addClassroom } from './orgs.actions';

export function ClassroomForm(props: { schoolId: string }) {
  const { t } = useI18n();
  const submission = useSubmission(addClassroom);
  let form!: HTMLFormElement;
  // Clear the fields only once the classroom exists; on an error they keep what was typed.
  createEffect(
    on(
      () => submission.result,
      (r) => r && form.reset(),
      { defer: true },
    ),
  );
  return (
    <form
      ref={form}
      action={addClassroom.with(props.schoolId)}
      method="post"
      class="row"
      style={{ 'align-items': 'flex-end', 'margin-top': '1rem' }}
    >
      <Field label={t('orgs.name')} name="name" error={submission.error}>
        {(a) => <input {...a} required maxlength={60} placeholder={t('orgs.classroomPlaceholder')} />}
      </Field>
      <Field label={t('orgs.grade')} name="grade" error={submission.error}>
        {(a) => (
          <select {...a}>
            <option value="">—</option>
            {Array.from({ length: 12 }, (_, i) => (
              <option value={i + 1}>{t('library.grades')[String(i + 1) as '1']}</option>
            ))}
          </select>
        )}
      </Field>
      <div class="field">
        <button type="submit" disabled={submission.pending}>
          {t('orgs.addClassroom')}
        </button>
      </div>
      <div style={{ 'flex-basis': '100%' }}>
        <ErrorNotice error={submission.error} />
      </div>
    </form>
  );
}
