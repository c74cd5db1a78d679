import { A, createAsync, useSubmission } from '@solidjs/router';
import { createEffect, createSignal, For, Show } from 'solid-js';
import { Field } from '../../components/field';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { useSignedIn } from '../../lib/session-context';
import { getResources } from '../library/library.queries';
import { getMembers, getOrgs } from '../orgs/orgs.queries';
import { adminSchoolsOf } from './postings-page';
import { recordRuralService } from './views.actions';

/**
 * A school admin records a teacher's years at a rural school: who, where, from when (to when, if it ended), and the
 * evidence — a document found in the library by its title. Another admin approves it before it counts.
 */
export function ServiceRecordForm() {
  const { t } = useI18n();
  const me = useSignedIn();
  const orgs = createAsync(() => getOrgs());
  const people = createAsync(async () => {
    const self = me()?.user.id;
    const lists = await Promise.all(adminSchoolsOf(me()).map((id) => getMembers(id)));
    const seen = new Set<string>();
    return lists
      .flatMap((l) => l?.items ?? [])
      .filter((m) => (m.role === 'teacher' || m.role === 'assistant') && m.userId !== self)
      .filter((m) => !seen.has(m.userId) && seen.add(m.userId));
  });
  const rural = () => (orgs()?.items ?? []).filter((o) => o.kind === 'school' && o.rural);
  const [q, setQ] = createSignal('');
  const documents = createAsync(() => getResources({ q: q().trim() || undefined }));
  const submission = useSubmission(recordRuralService);
  let form: HTMLFormElement | undefined;
  // A record made: the form empties for the next one.
  createEffect(() => {
    if (submission.result) form?.reset();
  });
  const fields = () => ({
    userId: t('exchanges.service.person'),
    schoolId: t('exchanges.service.school'),
    startsOn: t('exchanges.service.startsOn'),
    endsOn: t('exchanges.service.endsOn'),
    evidenceResourceId: t('exchanges.service.evidence'),
  });
  return (
    <section class="card" aria-labelledby="service-form-title">
      <h2 id="service-form-title">{t('exchanges.service.newTitle')}</h2>
      <Show when={submission.result}>
        {(r) => <OkNotice>{t('exchanges.service.recorded', { name: r().user.name })}</OkNotice>}
      </Show>
      <ErrorNotice error={submission.error} fields={fields()} />
      <Show when={people()}>
        <Show when={people()?.length} fallback={<p class="muted">{t('exchanges.service.noPeople')}</p>}>
          <form ref={form} action={recordRuralService} method="post" class="service-form" data-testid="service-form">
            <div class="grid">
              <Field label={t('exchanges.service.person')} name="userId" error={submission.error}>
                {(a) => (
                  <select {...a} required>
                    <option value="">{t('exchanges.service.pickPerson')}</option>
                    <For each={people()}>{(p) => <option value={p.userId}>{p.name}</option>}</For>
                  </select>
                )}
              </Field>
              <Field label={t('exchanges.service.school')} name="schoolId" error={submission.error}>
                {(a) => (
                  <select {...a} required>
                    <For each={rural()}>{(o) => <option value={o.id}>{o.name}</option>}</For>
                  </select>
                )}
              </Field>
              <Field label={t('exchanges.service.startsOn')} name="startsOn" error={submission.error}>
                {(a) => <input {...a} type="date" required />}
              </Field>
              <Field
                label={t('exchanges.service.endsOn')}
                name="endsOn"
                hint={t('exchanges.service.endsOnHint')}
                error={submission.error}
              >
                {(a) => <input {...a} type="date" />}
              </Field>
            </div>
            <div class="grid">
              <div class="field">
                <label for="evidence-search">{t('exchanges.service.evidenceSearch')}</label>
                <input
                  id="evidence-search"
                  type="search"
                  placeholder={t('exchanges.service.evidenceSearchHint')}
                  onInput={(e) => setQ(e.currentTarget.value)}
                />
              </div>
              <Field
                label={t('exchanges.service.evidence')}
                name="evidenceResourceId"
                hint={t('exchanges.service.evidenceHint')}
                error={submission.error}
              >
                {(a) => (
                  <select {...a} required>
                    <For each={documents()?.items ?? []}>{(d) => <option value={d.id}>{d.title}</option>}</For>
                  </select>
                )}
              </Field>
            </div>
            <Show when={documents() && !documents()?.items.length}>
              <p class="muted">
                {t('exchanges.service.noEvidence')} <A href="/library/upload">{t('exchanges.service.upload')}</A>
              </p>
            </Show>
            <Field label={t('exchanges.service.note')} name="note" error={submission.error}>
              {(a) => <textarea {...a} rows={2} maxlength={500} />}
            </Field>
            <button class="primary" type="submit" disabled={submission.pending}>
              {t('exchanges.service.submit')}
            </button>
          </form>
        </Show>
      </Show>
    </section>
  );
}
