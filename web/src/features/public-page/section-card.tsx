// One section of the public page in its editor: when it was updated and by whom, whether it is past its deadline,
// what the page lists in it by itself, and its form.
import { useAction, useSubmission } from '@solidjs/router';
import { createEffect, createSignal, on, Show } from 'solid-js';
import type { PublicSection } from '../../../../shared/enums';
import type { PublicPage } from '../../../../shared/schemas/public-pages';
import { ErrorNotice, OkNotice } from '../../components/notice';
import { formatPlainDate } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { confirmSection, saveSection } from './public-page.actions';
import { BasicFields, FeeFields, ListedNote, ListFields } from './section-fields';

const BADGE = { missing: 'pending', current: 'approved', overdue: 'over' } as const;
const LISTED = { courses: 'Courses', resources: 'Resources', facilities: 'Facilities' } as const;

/** The labels of the fields a form shows, by name: a problem with one of them is marked there, not listed again. */
function labelsOf(form: HTMLFormElement | undefined): Record<string, string> {
  if (!form) return {};
  const fields = [...form.elements].filter(
    (e): e is HTMLInputElement => 'labels' in e && !!(e as HTMLInputElement).name,
  );
  return Object.fromEntries(fields.map((e) => [e.name, e.labels?.[0]?.textContent?.trim() ?? '']));
}

export function SectionCard(props: { page: PublicPage; section: PublicSection }) {
  const { t, locale } = useI18n();
  const s = () => props.page.sections[props.section];
  const mine = (input: [string, PublicSection, ...unknown[]]) => input[1] === props.section;
  const saving = useSubmission(saveSection, mine);
  const confirming = useSubmission(confirmSection, mine);
  const confirm = useAction(confirmSection);
  const [open, setOpen] = createSignal(false);
  const [saved, setSaved] = createSignal(false);
  let form: HTMLFormElement | undefined;
  createEffect(
    on(
      () => [saving.result, confirming.result],
      ([a, b]) => {
        if (!a && !b) return;
        setOpen(false);
        setSaved(true);
      },
      { defer: true },
    ),
  );
  const toggle = () => {
    setOpen(!open());
    setSaved(false);
  };
  const id = () => `pp-${props.section}`;
  const date = (iso: string) => formatPlainDate(iso, locale());
  const listed = () => {
    const kind = props.section as keyof typeof LISTED;
    return LISTED[kind] ? { kind: LISTED[kind], titles: props.page.listed[kind].map((x) => x.title) } : null;
  };
  return (
    <section class="card" aria-labelledby={id()}>
      <div class="spread">
        <h2 id={id()}>{t('publicPage.sections')[props.section]}</h2>
        <span class={`badge ${BADGE[s().state]}`}>{t('publicPage.states')[s().state]}</span>
      </div>
      <p class="muted">{t('publicPage.sectionHints')[props.section]}</p>
      <Show when={s().updatedAt}>
        {(at) => (
          <p>
            {s().updatedBy
              ? t('publicPage.updated', { date: date(at()), who: s().updatedBy ?? '' })
              : t('publicPage.updatedNoOne', { date: date(at()) })}
            <Show when={s().dueOn}>
              {(due) => (
                <>
                  {t('common.separator')}
                  <strong classList={{ 'pp-late': s().state === 'overdue' }}>
                    {t(s().state === 'overdue' ? 'publicPage.overdueSince' : 'publicPage.due', { date: date(due()) })}
                  </strong>
                </>
              )}
            </Show>
          </p>
        )}
      </Show>
      <Show when={listed()}>{(l) => <ListedNote kind={l().kind} titles={l().titles} />}</Show>
      <Show when={saved() && !open()}>
        <OkNotice>{t('publicPage.saved')}</OkNotice>
      </Show>
      <ErrorNotice error={confirming.error} />
      <div class="row">
        <button type="button" aria-expanded={open()} onClick={toggle}>
          {open() ? t('publicPage.close') : s().content ? t('publicPage.edit') : t('publicPage.write')}
        </button>
        <Show when={s().content && !open()}>
          <button
            type="button"
            title={t('publicPage.confirmHint')}
            disabled={confirming.pending}
            onClick={() => confirm(props.page.schoolId, props.section, s().content ?? {})}
          >
            {t('publicPage.confirm')}
          </button>
        </Show>
      </div>
      <Show when={open()}>
        <form
          ref={form}
          class="pp-form"
          action={saveSection.with(props.page.schoolId, props.section)}
          method="post"
          aria-label={t('publicPage.sections')[props.section]}
        >
          <ErrorNotice error={saving.error} fields={labelsOf(form)} />
          <p class="muted">{t('publicPage.enHint')}</p>
          <Show
            when={props.section === 'basic'}
            fallback={
              <Show
                when={props.section === 'fees'}
                fallback={
                  <ListFields
                    section={props.section}
                    content={s().content as PublicPage['sections']['courses']['content']}
                    error={saving.error}
                  />
                }
              >
                <FeeFields content={props.page.sections.fees.content} error={saving.error} />
              </Show>
            }
          >
            <BasicFields content={props.page.sections.basic.content} error={saving.error} />
          </Show>
          <button class="primary" type="submit" disabled={saving.pending}>
            {t('publicPage.save')}
          </button>
        </form>
      </Show>
    </section>
  );
}
