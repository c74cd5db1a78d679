import { useSubmission } from '@solidjs/router';
import { createEffect, on } from 'solid-js';
import type { Org } from '../../../../shared/schemas/orgs';
import { Field } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { updateSchool } from './orgs.actions';

export function SchoolForm(props: { org: Org; onClose: () => void }) {
  const { t } = useI18n();
  const submission = useSubmission(updateSchool);
  createEffect(on(() => submission.result, (r) => r && props.onClose(), { defer: true }));
  return (
    <section class="card" aria-labelledby="school-edit-title">
      <h2 id="school-edit-title">{t('orgs.editDetails')}</h2>
      <ErrorNotice error={submission.error} />
      <form action={updateSchool.with(props.org.id)} method="post">
        <div class="grid">
          <Field label={t('orgs.name')} name="name" error={submission.error}>{(a) => <input {...a} required maxlength={100} value={props.org.name} />}</Field>
          <Field label={t('orgs.address')} name="address" error={submission.error}>{(a) => <input {...a} maxlength={200} value={props.org.address ?? ''} />}</Field>
        </div>
        <div class="row">
          <button class="primary" type="submit" disabled={submission.pending}>{t('common.save')}</button>
          <button type="button" onClick={() => props.onClose()}>{t('common.cancel')}</button>
        </div>
      </form>
    </section>
  );
}
