import { useSubmission } from '@solidjs/router';
import { createEffect, on, Show } from 'solid-js';
import type { Org } from '../../../../shared/schemas/orgs';
import { Field } from '../../components/field';
import { ErrorNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { leadsSchool } from '../../lib/session';
import { useMe } from '../../lib/session-context';
import { updateSchool } from './orgs.actions';

export function SchoolForm(props: { org: Org; onClose: () => void }) {
  const { t } = useI18n();
  const submission = useSubmission(updateSchool);
  const me = useMe();
  createEffect(
    on(
      () => submission.result,
      (r) => r && props.onClose(),
      { defer: true },
    ),
  );
  // The code and the rural/supported flags steer imports and group reports: the group's or district's admins set them.
  const leads = () => leadsSchool(me(), props.org);
  return (
    <section class="card" aria-labelledby="school-edit-title">
      <h2 id="school-edit-title">{t('orgs.editDetails')}</h2>
      <ErrorNotice error={submission.error} />
      <form action={updateSchool.with(props.org.id)} method="post">
        <div class="grid">
          <Field label={t('orgs.name')} name="name" error={submission.error}>
            {(a) => <input {...a} required maxlength={100} value={props.org.name} />}
          </Field>
          <Field label={t('orgs.address')} name="address" error={submission.error}>
            {(a) => <input {...a} maxlength={200} value={props.org.address ?? ''} />}
          </Field>
          <Show when={leads()}>
            <Field label={t('orgs.code')} name="code" error={submission.error}>
              {(a) => <input {...a} required maxlength={32} value={props.org.code ?? ''} />}
            </Field>
          </Show>
        </div>
        <Show when={leads()}>
          <fieldset class="row" style={{ border: 'none', padding: 0, margin: '0 0 1rem' }}>
            <legend class="sr-only">{t('orgs.flags')}</legend>
            <label class="check">
              <input type="checkbox" name="rural" checked={props.org.rural} /> {t('common.rural')}
            </label>
            <label class="check">
              <input type="checkbox" name="supported" checked={props.org.supported} /> {t('common.supported')}
            </label>
          </fieldset>
        </Show>
        <div class="row">
          <button class="primary" type="submit" disabled={submission.pending}>
            {t('common.save')}
          </button>
          <button type="button" onClick={() => props.onClose()}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
